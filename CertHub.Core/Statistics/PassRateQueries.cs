using CertHub.Core.Accounts;
using CertHub.Core.Applications;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Issuance;
using CertHub.Core.Registrations;
using CertHub.Core.Scores;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Statistics;

/// <summary>
/// 证书通过率统计 (manual 7.1): per certificate or certificate level, 批准人数 (approved pilot applications' 批准培训人数),
/// 应考人数 (报考), 通过人数 (考证结果 已通过), 已发证人数 (发证记录 完成发放) and the rates; a funnel 报考 → 参考 → 通过 → 发证.
/// Every figure is an aggregate computed by the database (GROUP BY over indexed columns); only the aggregated rows
/// (one per certificate level) are combined here. A person is counted once per exam plan, certificate and level (the unit of a
/// 考证结果), so a 按科目 registration with several subjects counts once. 参考 = that unit has at least one scheduled
/// registration (已排考, i.e. a seat). Scope: a school sees its own candidates, an organisation its certificates across schools,
/// a province its schools, the platform everything — the tenancy query filters plus the explicit conditions below.
/// </summary>
public sealed class PassRateQueries(ICertHubDbFactory dbFactory, ICurrentUser currentUser)
{
    /// <summary>按证书统计 or 按证书等级统计 with the funnel.</summary>
    public async Task<PassRateReport> GetAsync(PassRateGrouping grouping, PassRateFilter filter, CancellationToken ct)
    {
        EnsureMayView();
        await using var db = await dbFactory.CreateAsync(ct);
        var byLevel = await AggregateAsync(db, filter, ct);
        var certificateIds = byLevel.Keys.Select(k => k.CertificateId).Distinct().ToList();
        var names = await db.Set<Certificate>().AsNoTracking()
            .Where(c => certificateIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, Organization = c.Organization!.Name })
            .ToDictionaryAsync(c => c.Id, ct);

        var rows = grouping == PassRateGrouping.ByLevel
            ? byLevel.Select(p => Row(p.Key.CertificateId, p.Key.Level, p.Value)).ToList()
            : byLevel.GroupBy(p => p.Key.CertificateId)
                .Select(g => Row(g.Key, null, g.Aggregate(Counts.Zero, (sum, p) => sum + p.Value)))
                .ToList();

        var ordered = (filter.Descending
                ? rows.OrderByDescending(r => r.PassRate)
                : rows.OrderBy(r => r.PassRate))
            .ThenBy(r => r.CertificateName, StringComparer.Ordinal)
            .ThenBy(r => r.Level)
            .ToList();
        var total = byLevel.Values.Aggregate(Counts.Zero, (sum, c) => sum + c);
        return new PassRateReport(ordered, new PassRateFunnel(total.Registered, total.Attended, total.Passed, total.Issued));

        PassRateRow Row(int certificateId, CertificateLevel? level, Counts c)
        {
            var name = names.GetValueOrDefault(certificateId);
            return new PassRateRow(certificateId, name?.Name ?? $"证书{certificateId}", level, name?.Organization ?? "",
                c.Approved, c.Registered, c.Attended, c.Passed, c.Issued);
        }
    }

    /// <summary>筛选机构 and 证书名称 choices: every organisation and certificate, or an organisation's own.</summary>
    public async Task<PassRateFilterOptions> FilterOptionsAsync(CancellationToken ct)
    {
        EnsureMayView();
        await using var db = await dbFactory.CreateAsync(ct);
        var own = currentUser.IsOrganization() ? currentUser.OrganizationId ?? -1 : (int?)null;
        var organizations = await db.Set<Organization>().AsNoTracking()
            .Where(o => own == null || o.Id == own)
            .OrderBy(o => o.Name).Select(o => new PassRateOption(o.Id, o.Name, null)).ToListAsync(ct);
        var certificates = await db.Set<Certificate>().AsNoTracking()
            .Where(c => own == null || c.OrganizationId == own)
            .OrderBy(c => c.Name).Select(c => new PassRateOption(c.Id, c.Name, c.OrganizationId)).ToListAsync(ct);
        return new PassRateFilterOptions(organizations, certificates);
    }

    /// <summary>The page's route: a sub-account needs its menu permission.</summary>
    public const string Route = "/statistics/pass-rate";

    /// <summary>Throws unless the current account may see the statistics.</summary>
    public void EnsureMayView() =>
        DomainRuleException.ThrowIf(!currentUser.IsAuthenticated
            || !(currentUser.IsSchool() || currentUser.IsOrganization() || currentUser.IsProvince() || currentUser.IsPlatform())
            || !currentUser.HasPermission(Permissions.Menu(Route)),
            "您没有查看证书通过率统计的权限");

    private async Task<Dictionary<(int CertificateId, CertificateLevel Level), Counts>> AggregateAsync(
        ICertHubDb db, PassRateFilter filter, CancellationToken ct)
    {
        var certificates = ScopedCertificateIds(db, filter);
        var schools = ScopedSchoolIds(db);
        // Plan ids of the year only (the rows themselves are already scoped), so the plan visibility filter is not needed here.
        var plans = db.Set<ExamPlan>().IgnoreQueryFilters().AsNoTracking().Where(p => filter.Year == null || p.Year == filter.Year).Select(p => p.Id);

        var registrations = db.Set<Registration>().AsNoTracking().Where(r => certificates.Contains(r.CertificateId));
        var results = db.Set<CertificateResult>().AsNoTracking()
            .Where(r => r.Status == CertificateResultStatus.Passed && certificates.Contains(r.CertificateId));
        var issued = db.Set<IssuanceRecord>().AsNoTracking()
            .Where(r => r.Status == IssuanceStatus.Issued && certificates.Contains(r.CertificateId));
        var applications = db.Set<PilotApplication>().AsNoTracking()
            .Where(a => a.Status == PilotApplicationStatus.Approved && certificates.Contains(a.CertificateId));
        if (schools is not null)
        {
            registrations = registrations.Where(r => schools.Contains(r.SchoolId));
            results = results.Where(r => schools.Contains(r.SchoolId));
            issued = issued.Where(r => schools.Contains(r.CandidateSchoolId));
            applications = applications.Where(a => schools.Contains(a.SchoolId));
        }

        if (filter.Year is { } year)
        {
            registrations = registrations.Where(r => plans.Contains(r.ExamPlanId));
            results = results.Where(r => plans.Contains(r.ExamPlanId));
            issued = issued.Where(r => r.Year == year);
            applications = applications.Where(a => a.Year == year);
        }

        // 应考/实考: one unit per plan, candidate, certificate and level (several 按科目 registrations count once). 实考 = scheduled
        // and not 缺考 at 考场签到 (a registration is 缺考 when it was marked absent and checked in nowhere).
        var attendance = db.Set<CertHub.Core.CheckIn.Attendance>().IgnoreQueryFilters();
        var registered = await registrations
            .GroupBy(r => new { r.CertificateId, r.Level, r.ExamPlanId, r.CandidateId })
            .Select(g => new
            {
                g.Key.CertificateId,
                g.Key.Level,
                Attended = g.Max(r => r.IsScheduled
                    && !(attendance.Any(a => a.RegistrationId == r.Id && a.Status == CertHub.Core.CheckIn.AttendanceStatus.Absent)
                        && !attendance.Any(a => a.RegistrationId == r.Id && a.Status == CertHub.Core.CheckIn.AttendanceStatus.CheckedIn)) ? 1 : 0),
            })
            .GroupBy(u => new { u.CertificateId, u.Level })
            .Select(g => new { g.Key.CertificateId, g.Key.Level, Registered = g.Count(), Attended = g.Sum(u => u.Attended) })
            .ToListAsync(ct);
        var passed = await results.GroupBy(r => new { r.CertificateId, r.Level })
            .Select(g => new { g.Key.CertificateId, g.Key.Level, Count = g.Count() }).ToListAsync(ct);
        var issuedCounts = await issued.GroupBy(r => new { r.CertificateId, r.Level })
            .Select(g => new { g.Key.CertificateId, g.Key.Level, Count = g.Count() }).ToListAsync(ct);
        var approved = await applications.GroupBy(a => new { a.CertificateId, a.Level })
            .Select(g => new { g.Key.CertificateId, g.Key.Level, Count = g.Sum(a => a.ApprovedTotal ?? 0) }).ToListAsync(ct);

        var counts = new Dictionary<(int, CertificateLevel), Counts>();
        void Add(int certificateId, CertificateLevel level, Counts c) =>
            counts[(certificateId, level)] = counts.GetValueOrDefault((certificateId, level), Counts.Zero) + c;
        registered.ForEach(r => Add(r.CertificateId, r.Level, Counts.Zero with { Registered = r.Registered, Attended = r.Attended }));
        passed.ForEach(r => Add(r.CertificateId, r.Level, Counts.Zero with { Passed = r.Count }));
        issuedCounts.ForEach(r => Add(r.CertificateId, r.Level, Counts.Zero with { Issued = r.Count }));
        approved.ForEach(r => Add(r.CertificateId, r.Level, Counts.Zero with { Approved = r.Count }));
        return counts;
    }

    /// <summary>The certificates in scope: the filters (筛选机构, 证书名称), an organisation's own, a 证书负责人's owned ones.</summary>
    private IQueryable<int> ScopedCertificateIds(ICertHubDb db, PassRateFilter filter)
    {
        var query = db.Set<Certificate>().AsNoTracking();
        if (currentUser.IsOrganization())
        {
            var own = currentUser.OrganizationId ?? -1;
            query = query.Where(c => c.OrganizationId == own);
            if (currentUser.OwnedCertificateIds.Count > 0)
            {
                var owned = currentUser.OwnedCertificateIds.ToList();
                query = query.Where(c => owned.Contains(c.Id));
            }
        }

        if (filter.OrganizationId is { } organizationId)
        {
            query = query.Where(c => c.OrganizationId == organizationId);
        }

        if (filter.CertificateId is { } certificateId)
        {
            query = query.Where(c => c.Id == certificateId);
        }

        return query.Select(c => c.Id);
    }

    /// <summary>The schools in scope: a school its own, a province its schools; null (every school) otherwise.</summary>
    private IQueryable<int>? ScopedSchoolIds(ICertHubDb db)
    {
        if (currentUser.IsSchool())
        {
            var own = currentUser.SchoolId ?? -1;
            return db.Set<PilotSchool>().AsNoTracking().Where(s => s.Id == own).Select(s => s.Id);
        }

        if (currentUser.IsProvince())
        {
            var province = currentUser.ProvinceId ?? -1;
            return db.Set<PilotSchool>().AsNoTracking().Where(s => s.ProvinceId == province).Select(s => s.Id);
        }

        return null;
    }

    private sealed record Counts(int Approved, int Registered, int Attended, int Passed, int Issued)
    {
        public static Counts Zero { get; } = new(0, 0, 0, 0, 0);

        public static Counts operator +(Counts a, Counts b) =>
            new(a.Approved + b.Approved, a.Registered + b.Registered, a.Attended + b.Attended, a.Passed + b.Passed, a.Issued + b.Issued);
    }
}
