using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Catalog;

/// <summary>3.1 职业技能等级标准 and 3.2 考核站点建设标准: a school sees the standards of the certificates it pilots, an organisation its own.</summary>
public sealed class StandardQueries(ICertHubDbFactory dbFactory, ICurrentUser currentUser, IPilotedCertificates piloted)
{
    public async Task<PagedResult<SkillStandardListItem>> SkillStandardsAsync(SkillStandardFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var query = await VisibleAsync(db.Set<SkillStandard>().AsNoTracking(), db, ct);
        if (!string.IsNullOrWhiteSpace(filter.CertificateName))
        {
            var name = filter.CertificateName.Trim();
            query = query.Where(s => s.Certificate!.Name.Contains(name));
        }

        if (!string.IsNullOrWhiteSpace(filter.StandardName))
        {
            var name = filter.StandardName.Trim();
            query = query.Where(s => s.Name.Contains(name));
        }

        return await query.OrderBy(s => s.Certificate!.Name).ThenBy(s => s.Name)
            .Select(s => new SkillStandardListItem(s.Id, s.Certificate!.Name, s.Certificate.Organization!.Name, s.Name, s.Code, s.Version, s.PublishedOn, s.Status))
            .ToPagedAsync(page, ct);
    }

    public async Task<SkillStandardDetail?> GetSkillStandardAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var query = await VisibleAsync(db.Set<SkillStandard>().AsNoTracking(), db, ct);
        return await query.Where(s => s.Id == id)
            .Select(s => new SkillStandardDetail(s.Id, s.CertificateId, s.Certificate!.Name, s.Certificate.Organization!.Name, s.Name, s.Code, s.Version, s.PublishedOn, s.Status, s.Content))
            .FirstOrDefaultAsync(ct);
    }

    public async Task<PagedResult<SiteStandardListItem>> SiteStandardsAsync(SiteStandardFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var query = await FilteredSitesAsync(db, filter, ct);
        if (filter.Status is EnablementStatus status)
        {
            query = query.Where(s => s.Status == status);
        }

        return await query.OrderBy(s => s.Certificate!.Name).ThenBy(s => s.Level).ThenBy(s => s.Name)
            .Select(s => new SiteStandardListItem(s.Id, s.Certificate!.Name, s.Level, s.Name, s.Version, s.MinimumSeats, s.PublishedOn, s.Status))
            .ToPagedAsync(page, ct);
    }

    /// <summary>Counts per status for the 全部/已启用/已停用 tabs (the status filter itself is ignored).</summary>
    public async Task<IReadOnlyDictionary<EnablementStatus, int>> SiteStandardCountsAsync(SiteStandardFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var query = await FilteredSitesAsync(db, filter, ct);
        var counts = await query.GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<EnablementStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    public async Task<SiteStandardDetail?> GetSiteStandardAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var query = await VisibleAsync(db.Set<SiteStandard>().AsNoTracking(), db, ct);
        return await query.Where(s => s.Id == id)
            .Select(s => new SiteStandardDetail(s.Id, s.CertificateId, s.Certificate!.Name, s.Certificate.Organization!.Name, s.Level, s.Name, s.Version,
                s.MinimumSeats, s.PublishedOn, s.Status, s.VenueRequirements, s.EquipmentRequirements))
            .FirstOrDefaultAsync(ct);
    }

    private async Task<IQueryable<SiteStandard>> FilteredSitesAsync(ICertHubDb db, SiteStandardFilter filter, CancellationToken ct)
    {
        var query = await VisibleAsync(db.Set<SiteStandard>().AsNoTracking(), db, ct);
        if (!string.IsNullOrWhiteSpace(filter.CertificateName))
        {
            var name = filter.CertificateName.Trim();
            query = query.Where(s => s.Certificate!.Name.Contains(name));
        }

        if (!string.IsNullOrWhiteSpace(filter.StandardName))
        {
            var name = filter.StandardName.Trim();
            query = query.Where(s => s.Name.Contains(name));
        }

        if (filter.Level is CertificateLevel level)
        {
            query = query.Where(s => s.Level == level);
        }

        return query;
    }

    private async Task<IQueryable<SkillStandard>> VisibleAsync(IQueryable<SkillStandard> query, ICertHubDb db, CancellationToken ct)
    {
        var ids = await CatalogAccess.VisibleCertificateIdsAsync(currentUser, piloted, db, ct);
        return ids is null ? query : query.Where(s => ids.Contains(s.CertificateId));
    }

    private async Task<IQueryable<SiteStandard>> VisibleAsync(IQueryable<SiteStandard> query, ICertHubDb db, CancellationToken ct)
    {
        var ids = await CatalogAccess.VisibleCertificateIdsAsync(currentUser, piloted, db, ct);
        return ids is null ? query : query.Where(s => ids.Contains(s.CertificateId));
    }
}
