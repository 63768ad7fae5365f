using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Catalog;

/// <summary>4.1 证书信息管理: every signed-in user reads the catalogue; 已参与试点证书 narrows it to the school's pilots (an organisation's own certificates).</summary>
public sealed class CertificateQueries(
    ICertHubDbFactory dbFactory,
    ICurrentUser currentUser,
    IPilotedCertificates piloted,
    ICertificateLedgerReader ledger)
{
    /// <summary>The most rows one export returns.</summary>
    public const int ExportLimit = 10_000;

    /// <summary>The default scope: 已参与试点证书 for schools and organisations, 全部证书 for the others.</summary>
    public CertificateScope DefaultScope => currentUser.IsSchool() || currentUser.IsOrganization() ? CertificateScope.Piloted : CertificateScope.All;

    public async Task<PagedResult<CertificateListItem>> ListAsync(CertificateFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var rows = await (await QueryAsync(db, filter, ct)).ToPagedAsync(page, ct);
        return new PagedResult<CertificateListItem>([.. rows.Items.Select(Map)], rows.TotalCount, rows.Page, rows.PageSize);
    }

    /// <summary>All rows matching the filter (for 批量导出), at most <see cref="ExportLimit"/>.</summary>
    public async Task<IReadOnlyList<CertificateListItem>> ListAllAsync(CertificateFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var rows = await (await QueryAsync(db, filter, ct)).Take(ExportLimit).ToListAsync(ct);
        return [.. rows.Select(Map)];
    }

    public async Task<CertificateDetail?> GetAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var row = await db.Set<Certificate>().AsNoTracking().Where(c => c.Id == id)
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.Code,
                c.OrganizationId,
                OrganizationName = c.Organization!.Name,
                c.Field,
                c.Description,
                c.Status,
                c.PublishedUtc,
                c.RowVersion,
                Levels = c.Levels.Select(l => l.Level).ToList(),
                MajorIds = c.Majors.Select(m => m.MajorId).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (row is null || !currentUser.IsAuthenticated)
        {
            return null;
        }

        var majors = await db.Set<Major>().AsNoTracking().Where(m => row.MajorIds.Contains(m.Id)).OrderBy(m => m.Code)
            .Select(m => new MajorItem(m.Id, m.Code, m.Name, m.Level, m.Category)).ToListAsync(ct);
        return new CertificateDetail(row.Id, row.Name, row.Code, row.OrganizationId, row.OrganizationName, row.Field, row.Description, row.Status,
            row.PublishedUtc, [.. row.Levels.Order()], majors)
        {
            Version = row.RowVersion,
        };
    }

    /// <summary>上链信息; null when the certificate has no ledger entry yet (暂无上链信息).</summary>
    public async Task<CertificateLedgerInfo?> GetLedgerAsync(int id, CancellationToken ct) =>
        currentUser.IsAuthenticated ? await ledger.GetAsync(id, ct) : null;

    private async Task<IQueryable<Row>> QueryAsync(ICertHubDb db, CertificateFilter filter, CancellationToken ct)
    {
        var query = db.Set<Certificate>().AsNoTracking();
        if (!currentUser.IsAuthenticated)
        {
            query = query.Where(_ => false);
        }
        else if (filter.Scope == CertificateScope.Piloted)
        {
            var ids = await CatalogAccess.VisibleCertificateIdsAsync(currentUser, piloted, db, ct);
            if (ids is not null)
            {
                query = query.Where(c => ids.Contains(c.Id));
            }
        }

        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim();
            query = query.Where(c => c.Name.Contains(name));
        }

        if (filter.OrganizationId is int orgId)
        {
            query = query.Where(c => c.OrganizationId == orgId);
        }

        if (filter.Level is CertificateLevel level)
        {
            query = query.Where(c => c.Levels.Any(l => l.Level == level));
        }

        return query.OrderBy(c => c.Code)
            .Select(c => new Row(c.Id, c.Name, c.Code, c.Organization!.Name, c.Levels.Select(l => l.Level).ToList(), c.Field, c.Status, c.PublishedUtc));
    }

    private static CertificateListItem Map(Row r) =>
        new(r.Id, r.Name, r.Code, r.OrganizationName, [.. r.Levels.Order()], r.Field, r.Status, r.PublishedUtc);

    private sealed record Row(int Id, string Name, string Code, string OrganizationName, List<CertificateLevel> Levels, string? Field, EnablementStatus Status, DateTimeOffset PublishedUtc);
}
