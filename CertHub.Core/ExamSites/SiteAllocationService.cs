using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.ExamSites;

/// <summary>A row of 考核站点分配 (借考).</summary>
public sealed record SiteAllocationItem(
    int Id,
    string? ExamPlanName,
    string CertificateName,
    CertificateLevel Level,
    string BorrowerSchoolName,
    string HostSchoolName,
    string SiteName,
    string SiteAddress,
    string CreatedBy,
    DateTimeOffset CreatedUtc)
{
    public string CertificateText => $"{CertificateName}({Level.ToDisplayName()})";
}

/// <summary>An exam plan of the organisation, to allocate sites for.</summary>
public sealed record AllocationPlanOption(int Id, string Name);

/// <summary>What can be allocated in one plan: its certificate levels, the schools without an own approved site, and the approved sites.</summary>
public sealed record AllocationChoices(
    IReadOnlyList<(int CertificateId, CertificateLevel Level, string Text)> CertificateLevels,
    IReadOnlyList<(int SchoolId, string Name)> Schools,
    IReadOnlyList<(int SiteId, int CertificateId, string Name, IReadOnlyList<CertificateLevel> Levels, int SchoolId)> Sites);

/// <summary>
/// 考核站点分配: the organisation assigns, per exam plan, which approved site a school without its own site borrows (借考);
/// schools see the allocations where they borrow or host (考核站点分配查询).
/// </summary>
public sealed class SiteAllocationService(ICertHubDbFactory dbFactory, ICurrentUser currentUser, IChangeFeed changes, TimeProvider clock)
{
    public bool CanAllocate => currentUser.IsOrganization() && currentUser.OrganizationId is not null;

    public async Task<IReadOnlyList<SiteAllocationItem>> ListAsync(int? examPlanId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var query = db.Set<SiteAllocation>().AsNoTracking();
        if (examPlanId is int planId)
        {
            query = query.Where(a => a.ExamPlanId == planId);
        }

        var rows = await query.OrderByDescending(a => a.Id).Select(a => new
        {
            a.Id,
            Plan = db.Set<ExamPlan>().Where(p => p.Id == a.ExamPlanId).Select(p => p.Name).FirstOrDefault(),
            Certificate = db.Set<Certificate>().Where(c => c.Id == a.CertificateId).Select(c => c.Name).FirstOrDefault(),
            a.Level,
            a.BorrowerSchoolId,
            a.HostSchoolId,
            Site = db.Set<ExamSite>().Where(s => s.Id == a.ExamSiteId).Select(s => new { s.Name, s.Address }).FirstOrDefault(),
            a.CreatedBy,
            a.CreatedUtc,
        })
            .ToListAsync(ct);

        // The other school of an allocation is outside a school's tenancy: only the names of the schools of visible allocations are read.
        var ids = rows.SelectMany(r => new[] { r.BorrowerSchoolId, r.HostSchoolId }).Distinct().ToList();
        var names = await db.Set<PilotSchool>().IgnoreQueryFilters().AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return [.. rows.Select(r => new SiteAllocationItem(r.Id, r.Plan, r.Certificate ?? "", r.Level, names.GetValueOrDefault(r.BorrowerSchoolId, ""),
            names.GetValueOrDefault(r.HostSchoolId, ""), r.Site?.Name ?? "", r.Site?.Address ?? "", r.CreatedBy, r.CreatedUtc))];
    }

    /// <summary>The organisation's published exam plans, or the plans the school takes part in.</summary>
    public async Task<IReadOnlyList<AllocationPlanOption>> PlansAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Set<ExamPlan>().AsNoTracking().Where(p => p.IsPublished).OrderByDescending(p => p.Id)
            .Select(p => new AllocationPlanOption(p.Id, p.Name)).ToListAsync(ct);
    }

    /// <summary>分配 choices of a plan (organisation only).</summary>
    public async Task<AllocationChoices> ChoicesAsync(int examPlanId, CancellationToken ct)
    {
        var organizationId = RequireOrganization();
        await using var db = await dbFactory.CreateAsync(ct);
        var plan = await LoadPlanAsync(db, examPlanId, organizationId, ct);
        var certificateIds = plan.Certificates.Select(c => c.CertificateId).Distinct().ToList();
        var names = await db.Set<Certificate>().AsNoTracking().Where(c => certificateIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var schoolIds = plan.Schools.Select(s => s.SchoolId).ToList();
        var schools = await db.Set<PilotSchool>().AsNoTracking().Where(s => schoolIds.Contains(s.Id)).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        var sites = await db.Set<ExamSite>().AsNoTracking().Include(s => s.Levels)
            .Where(s => s.OrganizationId == organizationId && s.Status == ExamSiteStatus.Approved && certificateIds.Contains(s.CertificateId))
            .OrderBy(s => s.Name).ToListAsync(ct);
        return new AllocationChoices(
            [.. plan.Certificates.Select(c => (c.CertificateId, c.Level, $"{names.GetValueOrDefault(c.CertificateId)}({c.Level.ToDisplayName()})"))],
            [.. schools.Select(s => (s.Id, s.Name))],
            [.. sites.Select(s => (s.Id, s.CertificateId, s.Name, (IReadOnlyList<CertificateLevel>)[.. s.Levels.Select(l => l.Level)], s.SchoolId))]);
    }

    /// <summary>分配考核站点: the borrower must not have an approved site of its own for the certificate level; one per plan, school and level.</summary>
    public async Task<int> AllocateAsync(int examPlanId, int examSiteId, int borrowerSchoolId, CertificateLevel level, CancellationToken ct)
    {
        var organizationId = RequireOrganization();
        await using var db = await dbFactory.CreateAsync(ct);
        var plan = await LoadPlanAsync(db, examPlanId, organizationId, ct);
        var site = await db.Set<ExamSite>().AsNoTracking().Include(s => s.Levels)
            .FirstOrDefaultAsync(s => s.Id == examSiteId && s.OrganizationId == organizationId, ct) ?? throw new DomainRuleException(ExamSiteService.NotFound);
        DomainRuleException.ThrowIf(await db.Set<ExamSite>().AnyAsync(s => s.SchoolId == borrowerSchoolId && s.CertificateId == site.CertificateId
            && s.Status == ExamSiteStatus.Approved && s.Levels.Any(l => l.Level == level), ct), "该院校已有审核通过的考核站点，无需借考");
        DomainRuleException.ThrowIf(await db.Set<SiteAllocation>().AnyAsync(a => a.ExamPlanId == examPlanId && a.BorrowerSchoolId == borrowerSchoolId
            && a.CertificateId == site.CertificateId && a.Level == level, ct), "该院校在本考试计划中已分配该证书等级的考核站点");
        var allocation = SiteAllocation.Create(plan, site, borrowerSchoolId, level, currentUser.ActorName(), clock.GetUtcNow());
        db.Set<SiteAllocation>().Add(allocation);
        await db.SaveChangesAsync(ct);
        changes.Publish(new ChangeNotice(ExamSiteTopics.Sites, SchoolId: borrowerSchoolId, OrganizationId: organizationId));
        return allocation.Id;
    }

    /// <summary>取消分配.</summary>
    public async Task RemoveAsync(int id, CancellationToken ct)
    {
        var organizationId = RequireOrganization();
        await using var db = await dbFactory.CreateAsync(ct);
        var allocation = await db.Set<SiteAllocation>().AsTracking().FirstOrDefaultAsync(a => a.Id == id && a.OrganizationId == organizationId, ct)
            ?? throw new DomainRuleException("分配记录不存在");
        db.Set<SiteAllocation>().Remove(allocation);
        await db.SaveChangesAsync(ct);
        changes.Publish(new ChangeNotice(ExamSiteTopics.Sites, SchoolId: allocation.BorrowerSchoolId, OrganizationId: organizationId));
    }

    private static async Task<ExamPlan> LoadPlanAsync(ICertHubDb db, int examPlanId, int organizationId, CancellationToken ct) =>
        await db.Set<ExamPlan>().AsNoTracking().Include(p => p.Certificates).Include(p => p.Schools)
            .FirstOrDefaultAsync(p => p.Id == examPlanId && p.OrganizationId == organizationId, ct) ?? throw new DomainRuleException("考试计划不存在");

    private int RequireOrganization() =>
        CanAllocate ? currentUser.OrganizationId!.Value : throw new DomainRuleException("只有培训评价组织可以分配考核站点");
}
