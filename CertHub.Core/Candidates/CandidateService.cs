using CertHub.Core.Accounts;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Registrations;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Candidates;

/// <summary>
/// 5.2.3 考生管理: a school lists, adds, edits, deletes, verifies and confirms its own candidates and uploads their photos.
/// Every action checks that the user is a school account acting on its own school's candidates (tenancy filters apply too).
/// </summary>
public sealed class CandidateService(
    ICertHubDbFactory dbFactory,
    ICurrentUser currentUser,
    IFileStore files,
    IImageInspector images,
    IIdentityVerifier verifier,
    IChangeFeed changes,
    TimeProvider clock)
{
    /// <summary>The most rows one export returns.</summary>
    public const int ExportLimit = 100_000;

    /// <summary>Whether the current user manages candidates (a school account).</summary>
    public bool CanManage => currentUser.IsSchool() && currentUser.SchoolId is not null;

    public async Task<PagedResult<CandidateListItem>> ListAsync(CandidateFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var rows = await Project(db, Filtered(db, filter)).ToPagedAsync(page, ct);
        return new PagedResult<CandidateListItem>([.. rows.Items.Select(Map)], rows.TotalCount, rows.Page, rows.PageSize);
    }

    /// <summary>Counts per 信息状态 for the status tabs (the status filter itself is ignored).</summary>
    public async Task<IReadOnlyDictionary<CandidateInfoStatus, int>> CountsAsync(CandidateFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var counts = await Filtered(db, filter with { Status = null })
            .GroupBy(c => c.InfoStatus)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return Enum.GetValues<CandidateInfoStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Status == s)?.Count ?? 0);
    }

    /// <summary>批量导出考生信息: the given candidates, or every one matching the filter when none is given.</summary>
    public async Task<IReadOnlyList<CandidateExportRow>> ExportRowsAsync(CandidateFilter filter, IReadOnlyCollection<int>? ids, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var query = ids is { Count: > 0 } ? Own(db).Where(c => ids.Contains(c.Id)) : Filtered(db, filter);
        return await query.OrderByDescending(c => c.Id).Take(ExportLimit)
            .Select(c => new CandidateExportRow(c.CandidateNo, c.Name, c.Pinyin, c.IdType, c.IdNumber, c.Phone,
                db.Set<Major>().Where(m => m.Id == c.MajorId).Select(m => m.Name).FirstOrDefault(),
                c.MajorLevel, c.EnrollmentYear, c.CandidateType, c.InfoStatus))
            .ToListAsync(ct);
    }

    /// <summary>查看; null when the candidate does not exist or belongs to another school.</summary>
    public async Task<CandidateDetail?> GetAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await Own(db).Where(c => c.Id == id)
            .Select(c => new CandidateDetail(c.Id, c.SchoolId, c.CandidateType, c.CandidateNo, c.Name, c.Pinyin, c.IdType, c.IdNumber, c.Gender,
                c.BirthDate, c.Phone, c.MajorId, db.Set<Major>().Where(m => m.Id == c.MajorId).Select(m => m.Name).FirstOrDefault(), c.MajorLevel,
                c.EnrollmentYear, c.InfoStatus, c.VerificationNote, c.PhotoPath != null, c.StatusChangedBy, c.StatusChangedUtc, c.CreatedUtc,
                db.Set<Registration>().Count(r => r.CandidateId == c.Id))
            {
                Version = c.RowVersion,
            })
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>就读专业 options: the certificate majors catalogue.</summary>
    public async Task<IReadOnlyList<MajorOption>> MajorOptionsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Set<Major>().AsNoTracking().OrderBy(m => m.Code).Select(m => new MajorOption(m.Id, m.Name, m.Level)).ToListAsync(ct);
    }

    /// <summary>新增考生: 无照片, with a generated 考生编号; the ID number must be new in the school.</summary>
    public async Task<int> CreateAsync(CandidateType type, CandidateDetails details, CancellationToken ct)
    {
        currentUser.Demand(Permissions.CandidateEdit);
        var schoolId = RequireSchool();
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var probe = Candidate.Create(schoolId, type, CandidateNoGenerator.Generate(CandidateNoGenerator.UnknownRegion, now.Year, now, 0), details, now);
        await EnsureMajorExistsAsync(db, probe.MajorId, ct);
        DomainRuleException.ThrowIf(await Own(db).AnyAsync(c => c.IdNumber == probe.IdNumber, ct), CandidateMessages.IdExists);
        var sequence = await CandidateNumbering.NextSequenceAsync(db, now, ct);
        var candidate = Candidate.Create(schoolId, type,
            CandidateNoGenerator.Generate(CandidateNoGenerator.RegionCodeOf(probe.IdType, probe.IdNumber), now.Year, now, sequence), details, now);
        db.Set<Candidate>().Add(candidate);
        await db.SaveChangesAsync(ct);
        Publish(schoolId);
        return candidate.Id;
    }

    /// <summary>编辑: in 信息准确 the name, ID type and ID number are refused by the domain.</summary>
    public async Task EditAsync(int id, CandidateDetails details, CancellationToken ct)
    {
        currentUser.Demand(Permissions.CandidateEdit);
        await using var db = await dbFactory.CreateAsync(ct);
        var candidate = await LoadAsync(db, id, ct);
        candidate.EnsureVersion(details.Version);
        candidate.Edit(details);
        await EnsureMajorExistsAsync(db, candidate.MajorId, ct);
        DomainRuleException.ThrowIf(await Own(db).AnyAsync(c => c.Id != id && c.IdNumber == candidate.IdNumber, ct), CandidateMessages.IdExists);
        await db.SaveChangesAsync(ct);
        Publish(candidate.SchoolId);
    }

    /// <summary>删除: only a candidate with no registration.</summary>
    public async Task DeleteAsync(int id, CancellationToken ct)
    {
        currentUser.Demand(Permissions.CandidateEdit);
        var result = await DeleteManyAsync([id], ct);
        if (result.Failures.Count > 0)
        {
            throw new DomainRuleException(result.Failures[0].Reason);
        }
    }

    /// <summary>批量删除: deletes those with no registration and reports the others with the reason.</summary>
    public async Task<CandidateBatchResult> DeleteManyAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        currentUser.Demand(Permissions.CandidateEdit);
        RequireSchool();
        DomainRuleException.ThrowIf(ids.Count == 0, CandidateMessages.NoneSelected);
        await using var db = await dbFactory.CreateAsync(ct);
        var candidates = await Own(db).AsTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var registered = await db.Set<Registration>().IgnoreQueryFilters().Where(r => ids.Contains(r.CandidateId))
            .Select(r => r.CandidateId).Distinct().ToListAsync(ct);
        var failures = MissingFailures(ids, candidates);
        foreach (var candidate in candidates)
        {
            if (Candidate.CanDelete(registered.Contains(candidate.Id) ? 1 : 0))
            {
                db.Set<Candidate>().Remove(candidate);
            }
            else
            {
                failures.Add(new CandidateBatchFailure(candidate.Id, candidate.Name, CandidateMessages.HasRegistrations));
            }
        }

        await db.SaveChangesAsync(ct);
        Publish(currentUser.SchoolId);
        return new CandidateBatchResult(ids.Count - failures.Count, failures);
    }

    /// <summary>认证: 信息待认证 → 信息准确, or 需人工确认 with the verifier's reason. Returns the new status.</summary>
    public async Task<CandidateInfoStatus> VerifyAsync(int id, CancellationToken ct)
    {
        var result = await VerifyManyAsync([id], ct);
        if (result.Failures.Count > 0)
        {
            throw new DomainRuleException(result.Failures[0].Reason);
        }

        return (await GetAsync(id, ct))!.InfoStatus;
    }

    /// <summary>批量认证 through <see cref="IIdentityVerifier"/>; candidates not in 信息待认证 are reported, not changed.</summary>
    public async Task<CandidateBatchResult> VerifyManyAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        RequireSchool();
        DomainRuleException.ThrowIf(ids.Count == 0, CandidateMessages.NoneSelected);
        await using var db = await dbFactory.CreateAsync(ct);
        var candidates = await Own(db).AsTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var failures = MissingFailures(ids, candidates);
        var now = clock.GetUtcNow();
        foreach (var candidate in candidates)
        {
            if (!candidate.CanVerify)
            {
                failures.Add(new CandidateBatchFailure(candidate.Id, candidate.Name, $"考生信息状态为“{candidate.InfoStatus.ToDisplayName()}”，不能认证"));
                continue;
            }

            var photo = await PhotoInfoAsync(candidate.PhotoPath, ct);
            var result = await verifier.VerifyAsync(candidate.ToVerificationRequest(photo), ct);
            candidate.ApplyVerification(result, currentUser.ActorName(), now);
        }

        await db.SaveChangesAsync(ct);
        Publish(currentUser.SchoolId);
        return new CandidateBatchResult(ids.Count - failures.Count, failures);
    }

    /// <summary>人工确认 (one at a time): 需人工确认 → 信息准确.</summary>
    public async Task ConfirmManuallyAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var candidate = await LoadAsync(db, id, ct);
        candidate.ConfirmManually(currentUser.ActorName(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        Publish(candidate.SchoolId);
    }

    /// <summary>上传照片 for one candidate: checked by content and size, stored under photos/{schoolId}/; 无照片 → 信息待认证.</summary>
    public async Task UploadPhotoAsync(int id, byte[] content, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var candidate = await LoadAsync(db, id, ct);
        DomainRuleException.ThrowIf(candidate.IsIdentityFrozen, "考生信息已认证为“信息准确”，不能修改照片");
        var photo = CandidatePhoto.Check(content, images);
        var path = await SavePhotoAsync(files, images, candidate, photo, content, clock.GetUtcNow(), ct);
        candidate.AttachPhoto(path, currentUser.ActorName(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        Publish(candidate.SchoolId);
    }

    /// <summary>The stored photo of a candidate the user may see; null when none or not visible.</summary>
    public async Task<string?> GetPhotoPathAsync(int id, CancellationToken ct)
    {
        if (!CanManage)
        {
            return null;
        }

        await using var db = await dbFactory.CreateAsync(ct);
        return await Own(db).Where(c => c.Id == id).Select(c => c.PhotoPath).FirstOrDefaultAsync(ct);
    }

    /// <summary>Stores a checked photo re-encoded (<see cref="CandidatePhoto.Clean"/>): nothing but its pixels reaches the file store.</summary>
    internal static async Task<string> SavePhotoAsync(IFileStore store, IImageInspector images, Candidate candidate, PhotoInfo photo, byte[] content, DateTimeOffset now, CancellationToken ct)
    {
        await using var stream = new MemoryStream(CandidatePhoto.Clean(content, images), writable: false);
        return await store.SaveUploadAsync(CandidatePhoto.FolderOf(candidate.SchoolId),
            $"{candidate.Id}-{now.ToUnixTimeMilliseconds()}{CandidatePhoto.Extension(photo)}", stream, ct);
    }

    private async Task<PhotoInfo?> PhotoInfoAsync(string? path, CancellationToken ct)
    {
        if (path is null)
        {
            return null;
        }

        await using var stream = await files.OpenReadAsync(path, ct);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var info = images.Inspect(bytes);
        return info is null
            ? new PhotoInfo(Path.GetExtension(path).TrimStart('.'), 0, 0, bytes.Length)
            : new PhotoInfo(info.Format == ImageFormatKind.Png ? "PNG" : "JPG", info.Width, info.Height, bytes.Length);
    }

    private static List<CandidateBatchFailure> MissingFailures(IReadOnlyCollection<int> ids, List<Candidate> found) =>
        [.. ids.Except(found.Select(c => c.Id)).Select(id => new CandidateBatchFailure(id, $"#{id}", CandidateMessages.NotFound))];

    private static async Task EnsureMajorExistsAsync(ICertHubDb db, int? majorId, CancellationToken ct) =>
        DomainRuleException.ThrowIf(majorId is int id && !await db.Set<Major>().AnyAsync(m => m.Id == id, ct), "就读专业不存在");

    private int RequireSchool() =>
        currentUser.IsSchool() && currentUser.SchoolId is int schoolId ? schoolId : throw new DomainRuleException(CandidateMessages.SchoolOnly);

    private async Task<Candidate> LoadAsync(ICertHubDb db, int id, CancellationToken ct)
    {
        RequireSchool();
        return await Own(db).AsTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new DomainRuleException(CandidateMessages.NotFound);
    }

    /// <summary>The current school's candidates (nothing for other roles), untracked.</summary>
    private IQueryable<Candidate> Own(ICertHubDb db)
    {
        var query = db.Set<Candidate>().AsNoTracking();
        var schoolId = CanManage ? currentUser.SchoolId!.Value : -1;
        return query.Where(c => c.SchoolId == schoolId);
    }

    private IQueryable<Candidate> Filtered(ICertHubDb db, CandidateFilter filter)
    {
        var query = Own(db).Where(c => c.CandidateType == filter.Type);
        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim();
            query = query.Where(c => c.Name.Contains(name));
        }

        if (!string.IsNullOrWhiteSpace(filter.IdNumber))
        {
            var idNumber = filter.IdNumber.Trim().ToUpperInvariant();
            query = query.Where(c => c.IdNumber.Contains(idNumber));
        }

        if (!string.IsNullOrWhiteSpace(filter.CandidateNo))
        {
            var no = filter.CandidateNo.Trim();
            query = query.Where(c => c.CandidateNo.Contains(no));
        }

        if (filter.MajorId is int majorId)
        {
            query = query.Where(c => c.MajorId == majorId);
        }

        if (filter.MajorLevel is MajorLevel level)
        {
            query = query.Where(c => c.MajorLevel == level);
        }

        if (filter.EnrollmentYear is int year)
        {
            query = query.Where(c => c.EnrollmentYear == year);
        }

        if (filter.Status is CandidateInfoStatus status)
        {
            query = query.Where(c => c.InfoStatus == status);
        }

        return query;
    }

    private static IQueryable<Row> Project(ICertHubDb db, IQueryable<Candidate> query) =>
        query.OrderByDescending(c => c.Id)
            .Select(c => new Row(c.Id, c.CandidateNo, c.Name, c.Pinyin, c.IdType, c.IdNumber, c.Gender, c.Phone,
                db.Set<Major>().Where(m => m.Id == c.MajorId).Select(m => m.Name).FirstOrDefault(),
                c.MajorLevel, c.EnrollmentYear, c.InfoStatus, c.VerificationNote, c.PhotoPath != null,
                db.Set<Registration>().Count(r => r.CandidateId == c.Id)));

    private static CandidateListItem Map(Row r) =>
        new(r.Id, r.CandidateNo, r.Name, r.Pinyin, r.IdType, IdNumber.Mask(r.IdNumber), r.Gender, r.Phone is null ? null : MobilePhone.Mask(r.Phone),
            r.MajorName, r.MajorLevel, r.EnrollmentYear, r.InfoStatus, r.VerificationNote, r.HasPhoto, r.RegistrationCount);

    private void Publish(int? schoolId) => changes.Publish(new ChangeNotice(CandidateTopics.Candidates, SchoolId: schoolId));

    private sealed record Row(int Id, string CandidateNo, string Name, string? Pinyin, IdType IdType, string IdNumber, Gender? Gender, string? Phone,
        string? MajorName, MajorLevel? MajorLevel, int? EnrollmentYear, CandidateInfoStatus InfoStatus, string? VerificationNote, bool HasPhoto, int RegistrationCount);
}

/// <summary>Sequences of 考生编号: unique per (year, Unix second); the next free one is read from the database.</summary>
internal static class CandidateNumbering
{
    /// <summary>The first free sequence for candidates numbered at <paramref name="now"/> (all schools).</summary>
    public static async Task<int> NextSequenceAsync(ICertHubDb db, DateTimeOffset now, CancellationToken ct)
    {
        var stamp = $"{now.Year:D4}{now.ToUnixTimeSeconds():D10}";
        var pattern = "______" + stamp + "%";
        var taken = await db.Set<Candidate>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => EF.Functions.Like(c.CandidateNo, pattern))
            .Select(c => c.CandidateNo)
            .ToListAsync(ct);
        return taken.Count == 0 ? 1 : taken.Max(no => int.Parse(no[^6..], System.Globalization.CultureInfo.InvariantCulture)) + 1;
    }
}
