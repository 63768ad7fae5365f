using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Invigilators;

/// <summary>
/// 5.2.11 监考人员: a school adds its teachers (教师编号 generated), edits the certificates they apply for (certified ones stay),
/// deletes them (not when any certificate is certified) and submits them for 认证; the certificate's organisation certifies
/// or returns each application. Tenancy filters narrow every query; services check the role and tenant of every change.
/// </summary>
public sealed class InvigilatorService(ICertHubDbFactory dbFactory, ICurrentUser currentUser, IChangeFeed changes, TimeProvider clock)
{
    public const string NotFound = "监考人员不存在";
    public const string CertifiedCannotBeRemoved = "已认证的监考证书不能删除";
    public const int ExportLimit = 50_000;

    public bool CanManage => currentUser.IsSchool() && currentUser.SchoolId is not null;

    public bool CanCertify => currentUser.IsOrganization() && currentUser.OrganizationId is not null;

    /// <summary>The school's invigilators with their certificate applications.</summary>
    public async Task<PagedResult<InvigilatorListItem>> ListAsync(InvigilatorFilter filter, PageRequest page, CancellationToken ct)
    {
        var schoolId = CanManage ? currentUser.SchoolId!.Value : -1;
        await using var db = await dbFactory.CreateAsync(ct);
        var query = Filtered(db, filter, schoolId);
        var rows = await query.OrderByDescending(i => i.Id).ToPagedAsync(page, ct);
        return new PagedResult<InvigilatorListItem>(await ItemsAsync(db, rows.Items, schoolId, ct), rows.TotalCount, rows.Page, rows.PageSize);
    }

    private static IQueryable<Invigilator> Filtered(ICertHubDb db, InvigilatorFilter filter, int schoolId)
    {
        var query = db.Set<Invigilator>().AsNoTracking().Where(i => i.SchoolId == schoolId);
        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim();
            query = query.Where(i => i.Name.Contains(name));
        }

        if (!string.IsNullOrWhiteSpace(filter.TeacherNo))
        {
            var no = filter.TeacherNo.Trim().ToUpperInvariant();
            query = query.Where(i => i.TeacherNo.Contains(no));
        }

        if (!string.IsNullOrWhiteSpace(filter.CertificateName))
        {
            var name = filter.CertificateName.Trim();
            query = query.Where(i => db.Set<InvigilatorCertification>().Any(c => c.InvigilatorId == i.Id
                && db.Set<Certificate>().Any(x => x.Id == c.CertificateId && x.Name.Contains(name))));
        }

        return query;
    }

    private static async Task<IReadOnlyList<InvigilatorListItem>> ItemsAsync(ICertHubDb db, IReadOnlyList<Invigilator> invigilators, int schoolId, CancellationToken ct)
    {
        var ids = invigilators.Select(i => i.Id).ToList();
        var certifications = await CertificationRowsAsync(db, db.Set<InvigilatorCertification>().Where(c => ids.Contains(c.InvigilatorId)), ct);
        var schoolName = await SchoolNameAsync(db, schoolId, ct);
        return [.. invigilators.Select(i => new InvigilatorListItem(i.Id, i.TeacherNo, i.Name, MobilePhone.Mask(i.Phone), schoolName, i.Region,
            [.. certifications.Where(c => c.InvigilatorId == i.Id).Select(c => c.Row)]))];
    }

    /// <summary>The organisation's certificate applications (submitted ones only), for 认证 / 退回.</summary>
    public async Task<PagedResult<CertificationReviewItem>> ReviewListAsync(InvigilatorFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var query = ReviewQuery(db, filter);
        var total = await query.CountAsync(ct);
        var certifications = await CertificationRowsAsync(db, query.OrderByDescending(c => c.Id).Skip(page.Skip).Take(page.Size), ct);
        var invigilatorIds = certifications.Select(c => c.InvigilatorId).Distinct().ToList();
        var invigilators = await db.Set<Invigilator>().AsNoTracking().Where(i => invigilatorIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var schoolIds = invigilators.Values.Select(i => i.SchoolId).Distinct().ToList();
        var schools = await db.Set<PilotSchool>().AsNoTracking().Where(s => schoolIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return new PagedResult<CertificationReviewItem>(
            [.. certifications.Select(c =>
            {
                var i = invigilators[c.InvigilatorId];
                return new CertificationReviewItem(c.Row.Id, i.TeacherNo, i.Name, MobilePhone.Mask(i.Phone), schools.GetValueOrDefault(i.SchoolId, ""), i.Region, c.Row)
                {
                    Seen = new CertificationVersions(c.Version, i.RowVersion),
                };
            })],
            total, Math.Max(page.Page, 1), page.Size);
    }

    /// <summary>Counts per 认证状态 of the organisation's applications (the status filter ignored).</summary>
    public async Task<IReadOnlyDictionary<CertificationStatus, int>> ReviewCountsAsync(InvigilatorFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var counts = await ReviewQuery(db, filter with { Status = null }).GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return ReviewStatuses.ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    public static IReadOnlyList<CertificationStatus> ReviewStatuses { get; } = [CertificationStatus.Pending, CertificationStatus.Certified, CertificationStatus.Returned];

    /// <summary>申请证书 options: every enabled certificate at each of its levels.</summary>
    public async Task<IReadOnlyList<Applications.CertificateLevelOption>> CertificateOptionsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await Applications.ApplicationPlanService.AllCertificateLevelsAsync(db, ct);
    }

    /// <summary>查看; null when not the school's own invigilator.</summary>
    public async Task<InvigilatorDetail?> GetAsync(int id, CancellationToken ct)
    {
        var schoolId = CanManage ? currentUser.SchoolId!.Value : -1;
        await using var db = await dbFactory.CreateAsync(ct);
        var invigilator = await db.Set<Invigilator>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.SchoolId == schoolId, ct);
        if (invigilator is null)
        {
            return null;
        }

        var certifications = await CertificationRowsAsync(db, db.Set<InvigilatorCertification>().Where(c => c.InvigilatorId == id), ct);
        return new InvigilatorDetail(invigilator.Id, invigilator.TeacherNo, invigilator.Name, invigilator.IdNumber, invigilator.Phone,
            await SchoolNameAsync(db, schoolId, ct), invigilator.Region, invigilator.Title, invigilator.Department, [.. certifications.Select(c => c.Row)])
        {
            Version = invigilator.RowVersion,
        };
    }

    /// <summary>新增监考人员 with a generated 教师编号 and its certificate applications (未提交).</summary>
    public async Task<int> CreateAsync(InvigilatorInput input, CancellationToken ct)
    {
        var schoolId = RequireSchool();
        await using var db = await dbFactory.CreateAsync(ct);
        var teacherNo = Invigilator.TeacherNoOf(await NextSequenceAsync(db, ct));
        var invigilator = Invigilator.Create(schoolId, teacherNo, input.Name, input.IdNumber, input.Phone, input.Region, input.Title, input.Department, clock.GetUtcNow());
        DomainRuleException.ThrowIf(await db.Set<Invigilator>().AnyAsync(i => i.SchoolId == schoolId && i.IdNumber == invigilator.IdNumber, ct), "该身份证号码的监考人员已存在");
        var organizations = await OrganizationsAsync(db, input.Certificates, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Set<Invigilator>().Add(invigilator);
        await db.SaveChangesAsync(ct);
        foreach (var key in input.Certificates.Distinct())
        {
            db.Set<InvigilatorCertification>().Add(InvigilatorCertification.Create(invigilator.Id, key.CertificateId, organizations[key.CertificateId], key.Level, clock.GetUtcNow()));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Publish(schoolId);
        return invigilator.Id;
    }

    /// <summary>编辑: the teacher's fields; certificates added as 未提交, removed unless certified.</summary>
    public async Task UpdateAsync(int id, InvigilatorInput input, CancellationToken ct)
    {
        var schoolId = RequireSchool();
        await using var db = await dbFactory.CreateAsync(ct);
        var invigilator = await LoadAsync(db, id, schoolId, ct);
        invigilator.EnsureVersion(input.Version);
        invigilator.Update(input.Name, input.IdNumber, input.Phone, input.Region, input.Title, input.Department);
        DomainRuleException.ThrowIf(await db.Set<Invigilator>().AnyAsync(i => i.SchoolId == schoolId && i.Id != id && i.IdNumber == invigilator.IdNumber, ct), "该身份证号码的监考人员已存在");
        var wanted = input.Certificates.Distinct().ToList();
        var existing = await db.Set<InvigilatorCertification>().AsTracking().Where(c => c.InvigilatorId == id).ToListAsync(ct);
        foreach (var certification in existing.Where(c => !wanted.Contains(new InvigilatorCertificateKey(c.CertificateId, c.Level))))
        {
            DomainRuleException.ThrowIf(!certification.CanDelete, CertifiedCannotBeRemoved);
            db.Set<InvigilatorCertification>().Remove(certification);
        }

        var organizations = await OrganizationsAsync(db, wanted, ct);
        foreach (var key in wanted.Where(k => !existing.Any(c => c.CertificateId == k.CertificateId && c.Level == k.Level)))
        {
            db.Set<InvigilatorCertification>().Add(InvigilatorCertification.Create(id, key.CertificateId, organizations[key.CertificateId], key.Level, clock.GetUtcNow()));
        }

        await db.SaveChangesAsync(ct);
        Publish(schoolId);
    }

    /// <summary>删除: refused when any certificate is certified.</summary>
    public async Task DeleteAsync(int id, CancellationToken ct)
    {
        var schoolId = RequireSchool();
        await using var db = await dbFactory.CreateAsync(ct);
        var invigilator = await LoadAsync(db, id, schoolId, ct);
        var certifications = await db.Set<InvigilatorCertification>().Where(c => c.InvigilatorId == id).ToListAsync(ct);
        DomainRuleException.ThrowIf(!Invigilator.CanDelete(certifications), "该监考人员存在已认证的证书，不能删除");
        db.Set<Invigilator>().Remove(invigilator);
        await db.SaveChangesAsync(ct);
        Publish(schoolId);
    }

    /// <summary>提交: every 未提交 application → 待认证, every 认证退回 one is resubmitted.</summary>
    public async Task SubmitAsync(int id, CancellationToken ct)
    {
        var schoolId = RequireSchool();
        await using var db = await dbFactory.CreateAsync(ct);
        await LoadAsync(db, id, schoolId, ct);
        var certifications = await db.Set<InvigilatorCertification>().AsTracking().Include(c => c.History).Where(c => c.InvigilatorId == id).ToListAsync(ct);
        var open = certifications.Where(c => c.CanSubmit || c.CanResubmit).ToList();
        DomainRuleException.ThrowIf(open.Count == 0, "没有需要提交认证的证书");
        foreach (var certification in open)
        {
            if (certification.CanSubmit)
            {
                certification.Submit(currentUser.ActorName(), clock.GetUtcNow());
            }
            else
            {
                certification.Resubmit(currentUser.ActorName(), clock.GetUtcNow());
            }
        }

        await db.SaveChangesAsync(ct);
        Publish(schoolId);
    }

    /// <summary>认证 (organisation of the certificate): 待认证 → 已认证.</summary>
    public Task CertifyAsync(int certificationId, CancellationToken ct) => CertifyAsync(certificationId, null, ct);

    /// <summary>
    /// 认证 of the row the reviewer saw (<see cref="CertificationReviewItem.Seen"/>): refused when the application or the
    /// invigilator (姓名, 身份证号, …) changed since the list was loaded.
    /// </summary>
    public Task CertifyAsync(int certificationId, CertificationVersions? seen, CancellationToken ct) =>
        ReviewAsync(certificationId, seen, (c, actor, now) => c.Certify(actor, now), ct);

    /// <summary>退回 with a reason: 待认证 → 认证退回.</summary>
    public Task ReturnAsync(int certificationId, string reason, CancellationToken ct) => ReturnAsync(certificationId, reason, null, ct);

    /// <summary>退回 of the row the reviewer saw.</summary>
    public Task ReturnAsync(int certificationId, string reason, CertificationVersions? seen, CancellationToken ct) =>
        ReviewAsync(certificationId, seen, (c, actor, now) => c.Return(reason, actor, now), ct);

    /// <summary>批量导出监考人员: the selected invigilators (all matching the filter when none), one row per certificate.</summary>
    public async Task<IReadOnlyList<InvigilatorExportRow>> ExportRowsAsync(InvigilatorFilter filter, IReadOnlyCollection<int>? ids, CancellationToken ct)
    {
        var schoolId = CanManage ? currentUser.SchoolId!.Value : -1;
        await using var db = await dbFactory.CreateAsync(ct);
        var query = Filtered(db, ids is { Count: > 0 } ? new InvigilatorFilter() : filter, schoolId);
        if (ids is { Count: > 0 })
        {
            query = query.Where(i => ids.Contains(i.Id));
        }

        var invigilators = await query.OrderByDescending(i => i.Id).Take(ExportLimit).ToListAsync(ct);
        var items = await ItemsAsync(db, invigilators, schoolId, ct);
        return [.. items.SelectMany(i => i.Certifications.Select(c => new InvigilatorExportRow(i.TeacherNo, i.Name, i.MaskedPhone, i.SchoolName, i.Region,
            c.CertificateCode, c.CertificateName, c.Level, c.OrganizationName, c.Status)))];
    }

    private async Task ReviewAsync(int certificationId, CertificationVersions? seen, Action<InvigilatorCertification, string, DateTimeOffset> action, CancellationToken ct)
    {
        var organizationId = CanCertify ? currentUser.OrganizationId!.Value : throw new DomainRuleException("只有培训评价组织可以认证监考人员");
        await using var db = await dbFactory.CreateAsync(ct);
        var certification = await db.Set<InvigilatorCertification>().AsTracking().Include(c => c.History)
            .FirstOrDefaultAsync(c => c.Id == certificationId && c.OrganizationId == organizationId, ct) ?? throw new DomainRuleException("认证申请不存在");
        if (seen is not null)
        {
            certification.EnsureVersion(seen.Certification);
            var invigilator = await db.Set<Invigilator>().AsNoTracking().FirstAsync(i => i.Id == certification.InvigilatorId, ct);
            invigilator.EnsureVersion(seen.Invigilator);
        }

        action(certification, currentUser.ActorName(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        changes.Publish(new ChangeNotice(InvigilatorTopics.Invigilators, OrganizationId: organizationId));
    }

    private IQueryable<InvigilatorCertification> ReviewQuery(ICertHubDb db, InvigilatorFilter filter)
    {
        var organizationId = CanCertify ? currentUser.OrganizationId!.Value : -1;
        var query = db.Set<InvigilatorCertification>().AsNoTracking()
            .Where(c => c.OrganizationId == organizationId && c.Status != CertificationStatus.Draft);
        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim();
            query = query.Where(c => db.Set<Invigilator>().Any(i => i.Id == c.InvigilatorId && i.Name.Contains(name)));
        }

        if (!string.IsNullOrWhiteSpace(filter.TeacherNo))
        {
            var no = filter.TeacherNo.Trim().ToUpperInvariant();
            query = query.Where(c => db.Set<Invigilator>().Any(i => i.Id == c.InvigilatorId && i.TeacherNo.Contains(no)));
        }

        if (!string.IsNullOrWhiteSpace(filter.CertificateName))
        {
            var name = filter.CertificateName.Trim();
            query = query.Where(c => db.Set<Certificate>().Any(x => x.Id == c.CertificateId && x.Name.Contains(name)));
        }

        if (filter.Status is CertificationStatus status)
        {
            query = query.Where(c => c.Status == status);
        }

        return query;
    }

    private static async Task<List<(int InvigilatorId, InvigilatorCertificationRow Row, long Version)>> CertificationRowsAsync(ICertHubDb db, IQueryable<InvigilatorCertification> query, CancellationToken ct)
    {
        var rows = await query.OrderBy(c => c.CertificateId).ThenBy(c => c.Level).Select(c => new
        {
            c.InvigilatorId,
            c.Id,
            c.CertificateId,
            Certificate = db.Set<Certificate>().Where(x => x.Id == c.CertificateId).Select(x => new { x.Code, x.Name, Org = x.Organization!.Name }).FirstOrDefault(),
            c.Level,
            c.Status,
            c.ReturnReason,
            c.RowVersion,
        }).ToListAsync(ct);
        return [.. rows.Select(r => (r.InvigilatorId, new InvigilatorCertificationRow(r.Id, r.CertificateId, r.Certificate?.Code ?? "", r.Certificate?.Name ?? "", r.Level,
            r.Certificate?.Org ?? "", r.Status, r.ReturnReason), r.RowVersion))];
    }

    private static async Task<Dictionary<int, int>> OrganizationsAsync(ICertHubDb db, IReadOnlyList<InvigilatorCertificateKey> keys, CancellationToken ct)
    {
        var ids = keys.Select(k => k.CertificateId).Distinct().ToList();
        var certificates = await db.Set<Certificate>().AsNoTracking().Include(c => c.Levels).Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        foreach (var key in keys)
        {
            DomainRuleException.ThrowIf(!certificates.Any(c => c.Id == key.CertificateId && c.HasLevel(key.Level)), "所选证书等级不存在");
        }

        return certificates.ToDictionary(c => c.Id, c => c.OrganizationId);
    }

    internal static async Task<int> NextSequenceAsync(ICertHubDb db, CancellationToken ct)
    {
        // Fixed-length numbers (JK + six digits) order as their values.
        var last = await db.Set<Invigilator>().IgnoreQueryFilters().AsNoTracking().Where(i => i.TeacherNo.StartsWith(Invigilator.TeacherNoPrefix))
            .MaxAsync(i => (string?)i.TeacherNo, ct);
        return Invigilator.IsTeacherNo(last) ? int.Parse(last![2..], System.Globalization.CultureInfo.InvariantCulture) + 1 : 1;
    }

    private static async Task<string> SchoolNameAsync(ICertHubDb db, int schoolId, CancellationToken ct) =>
        await db.Set<PilotSchool>().Where(s => s.Id == schoolId).Select(s => s.Name).FirstOrDefaultAsync(ct) ?? "";

    private static async Task<Invigilator> LoadAsync(ICertHubDb db, int id, int schoolId, CancellationToken ct) =>
        await db.Set<Invigilator>().AsTracking().FirstOrDefaultAsync(i => i.Id == id && i.SchoolId == schoolId, ct) ?? throw new DomainRuleException(NotFound);

    private int RequireSchool() =>
        CanManage ? currentUser.SchoolId!.Value : throw new DomainRuleException("只有试点院校可以维护监考人员");

    private void Publish(int schoolId) => changes.Publish(new ChangeNotice(InvigilatorTopics.Invigilators, SchoolId: schoolId));
}
