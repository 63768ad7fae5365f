using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.ExamSites;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Exams;

/// <summary>A site a school may set rooms on for one plan, with the certificate levels it may use there.</summary>
public sealed record AccessibleSite(ExamSite Site, bool Allocated, IReadOnlySet<CertificateLevel> Levels);

/// <summary>
/// Which plans and sites a school may set 考场 on (shared by 设置考场, 沿用 and 批量导入考场信息):
/// published plans that list the school, before 排考开始; the school's own sites of the plan's certificates (any status:
/// <see cref="ExamRoom.Create"/> refuses a site that is not approved) and the sites the organisation allocated to the school
/// (借考) for that plan — each with the levels both the plan and the site (or the allocation) hold.
/// </summary>
public static class ExamRoomAccess
{
    public const string PlanNotFound = "考试计划不存在";
    public const string PlanNotPublished = "考试计划未发布，不能设置考场";
    public const string PlanNotForSchool = "该考试计划的参考院校不包含本校";
    public const string SchedulingStarted = "排考已开始，不能再设置考场";
    public const string SiteNotForSchool = "只能在本校的考核站点或分配给本校的考核站点设置考场";

    /// <summary>The plans a school may set rooms on now (the cascade's first step and the import's 考试计划 column).</summary>
    public static async Task<List<ExamPlan>> OpenPlansAsync(ICertHubDb db, int schoolId, DateTimeOffset now, CancellationToken ct) =>
        await db.Set<ExamPlan>().AsNoTracking().Include(p => p.Certificates).Include(p => p.Schools).Include(p => p.Subjects)
            .Where(p => p.IsPublished && p.Schools.Any(s => s.SchoolId == schoolId) && now < p.SchedulingStartUtc)
            .OrderByDescending(p => p.RegistrationStartUtc).ThenByDescending(p => p.Id)
            .ToListAsync(ct);

    /// <summary>Loads a plan and checks that the school may set rooms on it now.</summary>
    public static async Task<ExamPlan> LoadOpenPlanAsync(ICertHubDb db, int schoolId, int planId, DateTimeOffset now, CancellationToken ct)
    {
        var plan = await db.Set<ExamPlan>().AsNoTracking().Include(p => p.Certificates).Include(p => p.Schools).Include(p => p.Subjects)
            .FirstOrDefaultAsync(p => p.Id == planId, ct) ?? throw new DomainRuleException(PlanNotFound);
        EnsureOpen(plan, schoolId, now);
        return plan;
    }

    public static void EnsureOpen(ExamPlan plan, int schoolId, DateTimeOffset now)
    {
        DomainRuleException.ThrowIf(!plan.IsPublished, PlanNotPublished);
        DomainRuleException.ThrowIf(!plan.IncludesSchool(schoolId), PlanNotForSchool);
        DomainRuleException.ThrowIf(now >= plan.SchedulingStartUtc, SchedulingStarted);
    }

    /// <summary>The school's own sites and the sites allocated to it for <paramref name="plan"/>, keyed by site id.</summary>
    public static async Task<Dictionary<int, AccessibleSite>> SitesAsync(ICertHubDb db, int schoolId, ExamPlan plan, CancellationToken ct)
    {
        var certificateIds = plan.Certificates.Select(c => c.CertificateId).Distinct().ToList();
        var own = await db.Set<ExamSite>().AsNoTracking().Include(s => s.Levels)
            .Where(s => s.SchoolId == schoolId && certificateIds.Contains(s.CertificateId)).ToListAsync(ct);
        var result = new Dictionary<int, AccessibleSite>();
        foreach (var site in own)
        {
            var levels = site.Levels.Select(l => l.Level).Where(l => plan.HasCertificate(site.CertificateId, l)).ToHashSet();
            if (levels.Count > 0)
            {
                result[site.Id] = new AccessibleSite(site, false, levels);
            }
        }

        var planId = plan.Id;
        var allocations = await db.Set<SiteAllocation>().AsNoTracking()
            .Where(a => a.BorrowerSchoolId == schoolId && (a.ExamPlanId == null || a.ExamPlanId == planId) && certificateIds.Contains(a.CertificateId))
            .ToListAsync(ct);
        var allocatedIds = allocations.Select(a => a.ExamSiteId).Distinct().ToList();
        var allocatedSites = await db.Set<ExamSite>().AsNoTracking().IgnoreQueryFilters().Include(s => s.Levels)
            .Where(s => allocatedIds.Contains(s.Id)).ToListAsync(ct);
        foreach (var site in allocatedSites)
        {
            var levels = allocations.Where(a => a.ExamSiteId == site.Id && plan.HasCertificate(a.CertificateId, a.Level)).Select(a => a.Level).ToHashSet();
            if (levels.Count > 0 && !result.ContainsKey(site.Id))
            {
                result[site.Id] = new AccessibleSite(site, true, levels);
            }
        }

        return result;
    }

    /// <summary>Whether a room name is taken in the plan + site + certificate (across schools: a host and a borrower share a site).</summary>
    public static Task<bool> NameTakenAsync(ICertHubDb db, int planId, int siteId, int certificateId, string name, int? exceptRoomId, CancellationToken ct)
    {
        var trimmed = name.Trim();
        return db.Set<ExamRoom>().IgnoreQueryFilters()
            .AnyAsync(r => r.ExamPlanId == planId && r.ExamSiteId == siteId && r.CertificateId == certificateId && r.Name == trimmed && r.Id != exceptRoomId, ct);
    }
}
