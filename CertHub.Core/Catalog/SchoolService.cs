using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Catalog;

/// <summary>2.2 试点院校管理: a school sees and edits itself only, a province reads its schools, the platform everything.</summary>
public sealed class SchoolService(
    ICertHubDbFactory dbFactory,
    ICurrentUser currentUser,
    IFileStore files,
    IImageInspector images,
    IChangeFeed changes,
    TimeProvider clock)
{
    public async Task<PagedResult<SchoolListItem>> ListAsync(SchoolFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var query = Visible(db);
        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim();
            query = query.Where(s => s.Name.Contains(name));
        }

        return await query.OrderBy(s => s.Code)
            .Select(s => new SchoolListItem(s.Id, s.Name, s.Code, s.Province!.Name, s.SchoolType, s.ContactName, s.ContactPhone, s.SealImagePath != null))
            .ToPagedAsync(page, ct);
    }

    /// <summary>查看: details and 试点证书负责人; null when the school does not exist or is not visible to the user.</summary>
    public async Task<SchoolDetail?> GetAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var school = await Visible(db).Where(s => s.Id == id)
            .Select(s => new { School = s, ProvinceName = s.Province!.Name })
            .FirstOrDefaultAsync(ct);
        if (school is null)
        {
            return null;
        }

        var contacts = await db.Set<SchoolCertificateContact>().AsNoTracking()
            .Where(c => c.SchoolId == id)
            .OrderBy(c => c.Certificate!.Name)
            .Select(c => new SchoolContactItem(c.Certificate!.Name, c.Name, c.Phone, c.Email))
            .ToListAsync(ct);
        var s = school.School;
        return new SchoolDetail(s.Id, s.Name, s.Code, s.ProvinceId, school.ProvinceName, s.SchoolType, s.Address, s.ContactName, s.ContactPhone,
            s.Email, s.Website, s.Introduction, s.SealImagePath is not null, s.SealUploadedUtc, contacts)
        {
            Version = s.RowVersion,
        };
    }

    /// <summary>Whether the current user may edit this school (its own school admin, or the platform).</summary>
    public bool CanEdit(int schoolId) =>
        currentUser.IsPlatform() || (currentUser.Role == UserRole.SchoolAdmin && currentUser.SchoolId == schoolId);

    /// <summary>编辑院校信息.</summary>
    public async Task UpdateDetailsAsync(int id, SchoolDetailsInput input, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var school = await LoadEditableAsync(db, id, ct);
        school.EnsureVersion(input.Version);
        school.UpdateDetails(input.Address, input.ContactName, input.ContactPhone, input.Email, input.Website, input.Introduction);
        await db.SaveChangesAsync(ct);
        changes.Publish(new ChangeNotice(CatalogTopics.Schools, SchoolId: id));
    }

    /// <summary>上传电子签章: PNG/JPG checked by content, at most 1 MB; returns the stored relative path.</summary>
    public async Task<string> UploadSealAsync(int id, byte[] content, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var school = await LoadEditableAsync(db, id, ct);
        var extension = SealImageRules.Check(content, images);
        var now = clock.GetUtcNow();
        await using var stream = new MemoryStream(SealImageRules.Clean(content, images), writable: false);
        var path = await files.SaveAsync($"seals/{id}", $"seal-{now.ToUnixTimeMilliseconds()}{extension}", stream, ct);
        school.SetSeal(path, now);
        await db.SaveChangesAsync(ct);
        changes.Publish(new ChangeNotice(CatalogTopics.Schools, SchoolId: id));
        return path;
    }

    /// <summary>The stored seal of a school the user may see; null when none or not visible.</summary>
    public async Task<string?> GetSealPathAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await Visible(db).Where(s => s.Id == id).Select(s => s.SealImagePath).FirstOrDefaultAsync(ct);
    }

    private async Task<PilotSchool> LoadEditableAsync(ICertHubDb db, int id, CancellationToken ct)
    {
        DomainRuleException.ThrowIf(!CanEdit(id), "无权修改该院校信息");
        return await db.Set<PilotSchool>().FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new DomainRuleException(CatalogAccess.NotFound);
    }

    private IQueryable<PilotSchool> Visible(ICertHubDb db)
    {
        var query = db.Set<PilotSchool>().AsNoTracking();
        if (currentUser.IsSchool())
        {
            var own = currentUser.SchoolId ?? -1;
            return query.Where(s => s.Id == own);
        }

        if (currentUser.IsProvince())
        {
            var province = currentUser.ProvinceId ?? -1;
            return query.Where(s => s.ProvinceId == province);
        }

        return currentUser.IsPlatform() ? query : query.Where(_ => false);
    }
}
