using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Catalog;

/// <summary>2.1 培训评价组织管理: a school sees the organisations of the certificates it pilots; an organisation itself; province and platform all.</summary>
public sealed class OrganizationQueries(ICertHubDbFactory dbFactory, ICurrentUser currentUser, IPilotedCertificates piloted)
{
    public async Task<PagedResult<OrganizationListItem>> ListAsync(OrganizationFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var query = await VisibleAsync(db, ct);
        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim();
            query = query.Where(o => o.Name.Contains(name));
        }

        return await query
            .OrderBy(o => o.Name)
            .Select(o => new OrganizationListItem(o.Id, o.Name, o.CreditCode, o.ContactName, o.ContactPhone))
            .ToPagedAsync(page, ct);
    }

    /// <summary>查看: details and the certificates (for a school: those it pilots with this organisation); null when not visible.</summary>
    public async Task<OrganizationDetail?> GetAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var org = await (await VisibleAsync(db, ct)).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null)
        {
            return null;
        }

        var certificates = db.Set<Certificate>().AsNoTracking().Where(c => c.OrganizationId == id);
        if (currentUser.IsSchool())
        {
            var ids = await CatalogAccess.VisibleCertificateIdsAsync(currentUser, piloted, db, ct) ?? [];
            certificates = certificates.Where(c => ids.Contains(c.Id));
        }

        var rows = await certificates.OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.Code, Levels = c.Levels.Select(l => l.Level).ToList() })
            .ToListAsync(ct);
        return new OrganizationDetail(org.Id, org.Name, org.CreditCode, org.ContactName, org.ContactPhone, org.Address, org.Website, org.Introduction,
            [.. rows.Select(r => new CertificateBrief(r.Id, r.Name, r.Code, CertificateLevelText.Join(r.Levels)))])
        {
            Version = org.RowVersion,
        };
    }

    public async Task<IReadOnlyList<CatalogOption>> OptionsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Set<Organization>().AsNoTracking().OrderBy(o => o.Name).Select(o => new CatalogOption(o.Id, o.Name)).ToListAsync(ct);
    }

    private async Task<IQueryable<Organization>> VisibleAsync(ICertHubDb db, CancellationToken ct)
    {
        var query = db.Set<Organization>().AsNoTracking();
        if (currentUser.IsSchool())
        {
            var ids = await CatalogAccess.VisibleCertificateIdsAsync(currentUser, piloted, db, ct) ?? [];
            var orgIds = db.Set<Certificate>().Where(c => ids.Contains(c.Id)).Select(c => c.OrganizationId);
            return query.Where(o => orgIds.Contains(o.Id));
        }

        if (currentUser.IsOrganization())
        {
            var own = currentUser.OrganizationId ?? -1;
            return query.Where(o => o.Id == own);
        }

        return currentUser.IsAuthenticated ? query : query.Where(_ => false);
    }
}
