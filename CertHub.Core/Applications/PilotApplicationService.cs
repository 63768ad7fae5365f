using CertHub.Core.Catalog;
using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Applications;

/// <summary>
/// 4.3 证书试点申报: a school applies under its province's plans (保存 / 保存并提交, edit in 未提交/审核退回); the province
/// reviews (审核通过 with 批准培训人数, 审核退回, 退回修改). Tenancy filters narrow every query: a school sees its own applications,
/// a province those of its schools, an organisation those of its certificates.
/// </summary>
public sealed class PilotApplicationService(
    ICertHubDbFactory dbFactory,
    ICurrentUser currentUser,
    IRichTextSanitizer sanitizer,
    IChangeFeed changes,
    TimeProvider clock)
{
    /// <summary>The most rows one export returns.</summary>
    public const int ExportLimit = 50_000;

    public const string Duplicate = "同一年度同一证书同一级别，只能申报一次";
    public const string NotFound = "申报记录不存在";

    public bool CanApply => currentUser.IsSchool() && currentUser.SchoolId is not null;

    public bool CanReview => currentUser.IsProvince() && currentUser.ProvinceId is not null;

    public async Task<PagedResult<ApplicationListItem>> ListAsync(ApplicationFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await Project(db, Filtered(db, filter)).ToPagedAsync(page, ct);
    }

    /// <summary>Counts per 申报状态 for the tabs (the status filter itself is ignored).</summary>
    public async Task<IReadOnlyDictionary<PilotApplicationStatus, int>> CountsAsync(ApplicationFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var counts = await Filtered(db, filter with { Status = null })
            .GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<PilotApplicationStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    /// <summary>The years of the visible applications, for the 申报年度 filter.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Set<PilotApplication>().Select(a => a.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
    }

    /// <summary>查看; null when it does not exist or is not visible to the user.</summary>
    public async Task<ApplicationDetail?> GetAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var item = await Project(db, db.Set<PilotApplication>().AsNoTracking().Where(a => a.Id == id)).FirstOrDefaultAsync(ct);
        if (item is null)
        {
            return null;
        }

        var application = await db.Set<PilotApplication>().AsNoTracking().Include(a => a.Majors).Include(a => a.Reviews).FirstAsync(a => a.Id == id, ct);
        var school = await db.Set<PilotSchool>().IgnoreQueryFilters().AsNoTracking().FirstAsync(s => s.Id == application.SchoolId, ct);
        var majorIds = application.Majors.Select(m => m.MajorId).ToList();
        var majors = await db.Set<Major>().AsNoTracking().Where(m => majorIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        return new ApplicationDetail(item, application.ApplicationPlanId, application.CertificateId, school.Address, school.ContactName, school.ContactPhone, school.Email,
            application.FacultyHtml, application.VenueHtml, application.SubmittedBy, application.SubmittedUtc,
            [.. application.Majors.Select(m => new ApplicationMajorRow(m.MajorId, majors.GetValueOrDefault(m.MajorId)?.Code ?? "", majors.GetValueOrDefault(m.MajorId)?.Name ?? "",
                m.StudentCount, m.TeacherCount, m.RequestedTrainees, m.ApprovedTrainees))],
            [.. application.Reviews.OrderBy(r => r.ReviewedUtc).Select(r => new ApplicationReviewRow(r.Result, r.Opinion, r.ReviewerName, r.ReviewedUtc, r.Stage, r.ApprovingUnit))])
        {
            Version = application.RowVersion,
        };
    }

    /// <summary>The plan of the form with the certificates open in it (the plan's scope, at the certificate's levels).</summary>
    public async Task<ApplicationFormPlan?> FormPlanAsync(int planId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var plan = await db.Set<ApplicationPlan>().AsNoTracking().Include(p => p.OpenCertificates).FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null || !CanApply)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var names = await ApplicationPlanService.CertificateNamesAsync(db, ct);
        var all = await ApplicationPlanService.AllCertificateLevelsAsync(db, ct);
        return new ApplicationFormPlan(ApplicationPlanService.ToItem(plan, names, now),
            plan.StatusAt(now) == ApplicationPlanStatus.InProgress ? [.. all.Where(o => plan.IsOpenFor(o.CertificateId, o.Level, now))] : []);
    }

    /// <summary>选择专业: the majors of the certificate (all majors when the certificate names none).</summary>
    public async Task<IReadOnlyList<ApplicationMajorOption>> MajorOptionsAsync(int certificateId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var ids = await db.Set<Certificate>().AsNoTracking().Where(c => c.Id == certificateId).SelectMany(c => c.Majors.Select(m => m.MajorId)).ToListAsync(ct);
        var majors = db.Set<Major>().AsNoTracking();
        if (ids.Count > 0)
        {
            majors = majors.Where(m => ids.Contains(m.Id));
        }

        return await majors.OrderBy(m => m.Code).Select(m => new ApplicationMajorOption(m.Id, m.Code, m.Name)).ToListAsync(ct);
    }

    /// <summary>申报证书试点: 保存 (未提交) or 保存并提交 (审核中). Returns the new id.</summary>
    public async Task<int> CreateAsync(int planId, ApplicationInput input, bool submit, CancellationToken ct)
    {
        var schoolId = RequireSchool();
        await using var db = await dbFactory.CreateAsync(ct);
        var plan = await db.Set<ApplicationPlan>().AsNoTracking().Include(p => p.OpenCertificates).FirstOrDefaultAsync(p => p.Id == planId, ct)
            ?? throw new DomainRuleException("申报计划不存在");
        await EnsureCertificateAsync(db, input, ct);
        var now = clock.GetUtcNow();
        var application = PilotApplication.Create(plan, schoolId, input.CertificateId, input.Level, now);
        DomainRuleException.ThrowIf(await db.Set<PilotApplication>().AnyAsync(a => a.SchoolId == schoolId && a.Year == application.Year
            && a.CertificateId == input.CertificateId && a.Level == input.Level, ct), Duplicate);
        await ApplyAsync(db, application, input, submit, now, ct);
        db.Set<PilotApplication>().Add(application);
        await SaveAsync(db, ct);
        Publish(schoolId);
        return application.Id;
    }

    /// <summary>编辑 (未提交/审核退回): 保存 keeps the status, 保存并提交 sends it for review.</summary>
    public async Task UpdateAsync(int id, ApplicationInput input, bool submit, CancellationToken ct)
    {
        var schoolId = RequireSchool();
        await using var db = await dbFactory.CreateAsync(ct);
        var application = await db.Set<PilotApplication>().AsTracking().Include(a => a.Majors)
            .FirstOrDefaultAsync(a => a.Id == id && a.SchoolId == schoolId, ct) ?? throw new DomainRuleException(NotFound);
        application.EnsureVersion(input.Version);
        DomainRuleException.ThrowIf(application.CertificateId != input.CertificateId || application.Level != input.Level, "已保存的申报不能更换证书或等级");
        await ApplyAsync(db, application, input, submit, clock.GetUtcNow(), ct);
        await SaveAsync(db, ct);
        Publish(schoolId);
    }

    /// <summary>审核通过 with a 批准培训总人数 (applications without majors).</summary>
    public Task ApproveAsync(int id, int approvedTotal, string? opinion, CancellationToken ct) => ApproveAsync(id, approvedTotal, opinion, null, ct);

    /// <summary>审核通过 of the version the review dialog showed (<paramref name="version"/>): refused when the application changed since.</summary>
    public Task ApproveAsync(int id, int approvedTotal, string? opinion, long? version, CancellationToken ct) =>
        ReviewAsync(id, version, (a, actor, now) => a.Approve(approvedTotal, actor, now, opinion), ct);

    /// <summary>审核通过 with 批准培训人数 per major.</summary>
    public Task ApproveByMajorAsync(int id, IReadOnlyDictionary<int, int> approvedByMajor, string? opinion, CancellationToken ct) =>
        ApproveByMajorAsync(id, approvedByMajor, opinion, null, ct);

    /// <summary>审核通过 per major of the version the review dialog showed (its majors and requested numbers).</summary>
    public Task ApproveByMajorAsync(int id, IReadOnlyDictionary<int, int> approvedByMajor, string? opinion, long? version, CancellationToken ct) =>
        ReviewAsync(id, version, (a, actor, now) => a.Approve(approvedByMajor, actor, now, opinion), ct);

    /// <summary>审核退回 with a reason.</summary>
    public Task ReturnAsync(int id, string reason, CancellationToken ct) => ReturnAsync(id, reason, null, ct);

    /// <summary>审核退回 of the version the review dialog showed.</summary>
    public Task ReturnAsync(int id, string reason, long? version, CancellationToken ct) =>
        ReviewAsync(id, version, (a, actor, now) => a.Return(reason, actor, now), ct);

    /// <summary>退回修改: an approved application back to the school for correction.</summary>
    public Task ReturnApprovedAsync(int id, string reason, CancellationToken ct) => ReturnApprovedAsync(id, reason, null, ct);

    /// <summary>退回修改 of the version the dialog showed.</summary>
    public Task ReturnApprovedAsync(int id, string reason, long? version, CancellationToken ct) =>
        ReviewAsync(id, version, (a, actor, now) => a.ReturnApproved(reason, actor, now), ct);

    /// <summary>
    /// 地市级教育局审批, recorded by the province for the city bureau (审批单位) when the plan requires it: 通过 sends the
    /// application on to the province's own review, 退回 (reason required) back to the school.
    /// </summary>
    public Task RecordCityDecisionAsync(int id, bool approved, string approvingUnit, string? opinion, CancellationToken ct) =>
        RecordCityDecisionAsync(id, approved, approvingUnit, opinion, null, ct);

    /// <summary>地市级教育局审批 of the version the dialog showed.</summary>
    public Task RecordCityDecisionAsync(int id, bool approved, string approvingUnit, string? opinion, long? version, CancellationToken ct) =>
        ReviewAsync(id, version, (a, actor, now) => a.RecordCityDecision(approved, approvingUnit, opinion, actor, now), ct);

    /// <summary>按证书导出申报明细表: the applications matching the filter, one row per declared major.</summary>
    public async Task<IReadOnlyList<ApplicationExportRow>> ExportRowsAsync(ApplicationFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var rows = await Filtered(db, filter)
            .OrderBy(a => a.CertificateId).ThenBy(a => a.Level).ThenByDescending(a => a.Year).Take(ExportLimit)
            .Select(a => new
            {
                a.Year,
                a.Batch,
                School = db.Set<PilotSchool>().Where(s => s.Id == a.SchoolId).Select(s => s.Name).FirstOrDefault(),
                Certificate = db.Set<Certificate>().Where(c => c.Id == a.CertificateId).Select(c => c.Name).FirstOrDefault(),
                Org = db.Set<Certificate>().Where(c => c.Id == a.CertificateId).Select(c => c.Organization!.Name).FirstOrDefault(),
                a.Level,
                a.RequestedTotal,
                a.ApprovedTotal,
                a.Status,
                Majors = a.Majors.Select(m => new
                {
                    m.StudentCount,
                    m.TeacherCount,
                    m.RequestedTrainees,
                    m.ApprovedTrainees,
                    Code = db.Set<Major>().Where(x => x.Id == m.MajorId).Select(x => x.Code).FirstOrDefault(),
                    Name = db.Set<Major>().Where(x => x.Id == m.MajorId).Select(x => x.Name).FirstOrDefault(),
                }).ToList(),
            })
            .ToListAsync(ct);
        return [.. rows.SelectMany(a => a.Majors.Count == 0
            ? [new ApplicationExportRow(a.Year, ApplicationPlan.BatchNameOf(a.Batch), a.School ?? "", a.Certificate ?? "", a.Level, a.Org ?? "", null, null, null, null, a.RequestedTotal, a.ApprovedTotal, a.Status)]
            : a.Majors.Select(m => new ApplicationExportRow(a.Year, ApplicationPlan.BatchNameOf(a.Batch), a.School ?? "", a.Certificate ?? "", a.Level, a.Org ?? "",
                m.Code, m.Name, m.StudentCount, m.TeacherCount, m.RequestedTrainees, m.ApprovedTrainees, a.Status)))];
    }

    private async Task ApplyAsync(ICertHubDb db, PilotApplication application, ApplicationInput input, bool submit, DateTimeOffset now, CancellationToken ct)
    {
        var majorIds = input.Majors.Select(m => m.MajorId).ToList();
        var known = await db.Set<Major>().CountAsync(m => majorIds.Contains(m.Id), ct);
        DomainRuleException.ThrowIf(known != majorIds.Distinct().Count(), "拟申报专业不存在");
        application.Edit(input.RequestedTotal, input.Majors, sanitizer.Sanitize(input.FacultyHtml), sanitizer.Sanitize(input.VenueHtml));
        if (submit)
        {
            application.Submit(currentUser.ActorName(), now);
        }
    }

    private static async Task EnsureCertificateAsync(ICertHubDb db, ApplicationInput input, CancellationToken ct) =>
        DomainRuleException.ThrowIf(!await db.Set<Certificate>().AnyAsync(c => c.Id == input.CertificateId && c.Levels.Any(l => l.Level == input.Level), ct),
            "请选择试点证书及等级");

    private async Task ReviewAsync(int id, long? version, Action<PilotApplication, string, DateTimeOffset> review, CancellationToken ct)
    {
        var provinceId = CanReview ? currentUser.ProvinceId!.Value : throw new DomainRuleException("只有省级教育行政部门可以审核申报");
        await using var db = await dbFactory.CreateAsync(ct);
        var application = await db.Set<PilotApplication>().AsTracking().Include(a => a.Majors).Include(a => a.Reviews)
            .FirstOrDefaultAsync(a => a.Id == id && db.Set<PilotSchool>().Any(s => s.Id == a.SchoolId && s.ProvinceId == provinceId), ct)
            ?? throw new DomainRuleException(NotFound);
        application.EnsureVersion(version);
        review(application, currentUser.ActorName(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        Publish(application.SchoolId);
    }

    private static async Task SaveAsync(ICertHubDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainRuleException(Duplicate); // the unique index caught a concurrent duplicate
        }
    }

    private int RequireSchool() =>
        CanApply ? currentUser.SchoolId!.Value : throw new DomainRuleException("只有试点院校可以申报证书试点");

    private static IQueryable<PilotApplication> Filtered(ICertHubDb db, ApplicationFilter filter)
    {
        var query = db.Set<PilotApplication>().AsNoTracking();
        if (filter.Year is int year)
        {
            query = query.Where(a => a.Year == year);
        }

        if (filter.Batch is int batch)
        {
            query = query.Where(a => a.Batch == batch);
        }

        if (!string.IsNullOrWhiteSpace(filter.CertificateName))
        {
            var name = filter.CertificateName.Trim();
            query = query.Where(a => db.Set<Certificate>().Any(c => c.Id == a.CertificateId && c.Name.Contains(name)));
        }

        if (!string.IsNullOrWhiteSpace(filter.OrganizationName))
        {
            var name = filter.OrganizationName.Trim();
            query = query.Where(a => db.Set<Certificate>().Any(c => c.Id == a.CertificateId && c.Organization!.Name.Contains(name)));
        }

        if (!string.IsNullOrWhiteSpace(filter.SchoolName))
        {
            var name = filter.SchoolName.Trim();
            query = query.Where(a => db.Set<PilotSchool>().Any(s => s.Id == a.SchoolId && s.Name.Contains(name)));
        }

        if (filter.Status is PilotApplicationStatus status)
        {
            query = query.Where(a => a.Status == status);
        }

        return query;
    }

    private static IQueryable<ApplicationListItem> Project(ICertHubDb db, IQueryable<PilotApplication> query) =>
        query.OrderByDescending(a => a.Year).ThenByDescending(a => a.Batch).ThenByDescending(a => a.Id)
            .Select(a => new ApplicationListItem(a.Id, a.Year, a.Batch,
                db.Set<PilotSchool>().Where(s => s.Id == a.SchoolId).Select(s => s.Name).FirstOrDefault() ?? "",
                db.Set<Certificate>().Where(c => c.Id == a.CertificateId).Select(c => c.Name).FirstOrDefault() ?? "",
                a.Level,
                db.Set<Certificate>().Where(c => c.Id == a.CertificateId).Select(c => c.Organization!.Name).FirstOrDefault() ?? "",
                a.RequestedTotal, a.ApprovedTotal, a.RequiresByMajor, a.Status)
            { Version = a.RowVersion });

    private void Publish(int schoolId) => changes.Publish(new ChangeNotice(ApplicationTopics.Applications, SchoolId: schoolId));
}
