using CertHub.Core.Accounts;
using CertHub.Core.Applications;
using CertHub.Core.Audit;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Issuance;
using CertHub.Core.Registrations;
using CertHub.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Reports;

/// <summary>
/// 6.1 提交周报: a school saves, submits, withdraws, edits and deletes its own reports; its province reviews them
/// (审核通过 / 审核退回), sets the reporting cycle and sees which schools have not submitted. The domain enforces the
/// transitions and the deadline; this service adds the one-per-period rule, tenancy checks, sanitising and the scan upload.
/// </summary>
public sealed class WeeklyReportService(
    ICertHubDbFactory dbFactory,
    ICurrentUser currentUser,
    IFileStore files,
    IRichTextSanitizer sanitizer,
    IChangeFeed changes,
    TimeProvider clock)
{
    public const string Topic = "weekly-reports";
    public const string NotFoundMessage = "周报不存在";

    /// <summary>Whether the current user writes reports (a school account).</summary>
    public bool CanWrite => currentUser.IsSchool() && currentUser.SchoolId is not null;

    /// <summary>Whether the current user reviews reports (a province account).</summary>
    public bool CanReview => currentUser.IsProvince() && currentUser.ProvinceId is not null;

    public async Task<PagedResult<WeeklyReportListItem>> ListAsync(WeeklyReportFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await Project(db, Filtered(db, filter)).ToPagedAsync(page, ct);
    }

    /// <summary>Counts per 审核状态 for the tabs (the status filter itself is ignored).</summary>
    public async Task<IReadOnlyDictionary<WeeklyReportStatus, int>> CountsAsync(WeeklyReportFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var counts = await Filtered(db, filter with { Status = null })
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<WeeklyReportStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    /// <summary>周报周期 options: the labels of the visible reports, newest first, plus the current period of a school.</summary>
    public async Task<IReadOnlyList<string>> PeriodOptionsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var periods = await db.Set<WeeklyReport>().AsNoTracking()
            .GroupBy(r => r.PeriodLabel).Select(g => new { Label = g.Key, Start = g.Max(r => r.PeriodStart) })
            .ToListAsync(ct);
        return [.. periods.OrderByDescending(p => p.Start).Select(p => p.Label)];
    }

    /// <summary>提交院校 options of the province (or all schools for the platform).</summary>
    public async Task<IReadOnlyList<ReportSchoolOption>> SchoolOptionsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Set<PilotSchool>().AsNoTracking().OrderBy(s => s.Code).Select(s => new ReportSchoolOption(s.Id, s.Name)).ToListAsync(ct);
    }

    /// <summary>
    /// 提交周报 clicked: the head of a new report for the current period, or "本周周报已提交，请勿重复提交" when the school
    /// already has one for it.
    /// </summary>
    public async Task<WeeklyReportHeader> NewReportHeaderAsync(CancellationToken ct)
    {
        var schoolId = RequireSchool();
        await using var db = await dbFactory.CreateAsync(ct);
        var header = await CurrentHeaderAsync(db, schoolId, ct);
        await EnsureNoOtherReportAsync(db, schoolId, header.Period, 0, ct);
        return header;
    }

    /// <summary>查看 / 编辑; null when the report does not exist or is another tenant's.</summary>
    public async Task<WeeklyReportDetail?> GetAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var report = await db.Set<WeeklyReport>().AsNoTracking().Include(r => r.Reviews).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return null;
        }

        var school = await db.Set<PilotSchool>().AsNoTracking().FirstAsync(s => s.Id == report.SchoolId, ct);
        var province = await db.Set<Province>().AsNoTracking().FirstAsync(p => p.Id == report.ProvinceId, ct);
        return new WeeklyReportDetail(report.Id, new WeeklyReportHeader(report.Period, school.Name, school.SchoolType, province.AuthorityName),
            report.WorkProgressHtml, report.DifficultiesHtml, report.PolicySuggestionsHtml, report.ScanPdfPath is not null,
            report.ScanPdfPath is null ? null : Path.GetFileName(report.ScanPdfPath), report.Status, report.SubmittedUtc,
            [.. report.Reviews.OrderBy(r => r.ReviewedUtc).ThenBy(r => r.Id).Select(r => new WeeklyReportReviewItem(r.Result, r.Opinion, r.ReviewerName, r.ReviewedUtc))])
        {
            Version = report.RowVersion,
        };
    }

    /// <summary>
    /// 保存 (<paramref name="submit"/> false → 未提交) or 提交 (→ 待审核) a new report of the current period
    /// (<paramref name="id"/> 0) or an existing one (编辑 in 未提交 / 审核退回). A new scan replaces the old one.
    /// </summary>
    public async Task<int> SaveAsync(int id, WeeklyReportInput input, ScanUpload? scan, bool submit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var schoolId = RequireSchool();
        currentUser.Demand(Permissions.WeeklyReportSubmit);
        if (scan is not null)
        {
            ScanPdfRules.Check(scan.Content);
        }

        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(ct);
        WeeklyReport report;
        if (id == 0)
        {
            var header = await CurrentHeaderAsync(db, schoolId, ct);
            await EnsureNoOtherReportAsync(db, schoolId, header.Period, 0, ct);
            var provinceId = await db.Set<PilotSchool>().Where(s => s.Id == schoolId).Select(s => s.ProvinceId).FirstAsync(ct);
            var path = scan is null ? null : await StoreScanAsync(schoolId, scan, ct);
            report = WeeklyReport.Create(schoolId, provinceId, header.Period, Clean(input.WorkProgressHtml), Clean(input.DifficultiesHtml),
                Clean(input.PolicySuggestionsHtml), path, now);
            db.Set<WeeklyReport>().Add(report);
        }
        else
        {
            report = await LoadOwnAsync(db, id, ct);
            report.EnsureVersion(input.Version);
            DomainRuleException.ThrowIf(!report.CanEdit, $"{report.Status.ToDisplayName()}的周报不能编辑");
            var path = scan is null ? report.ScanPdfPath : await StoreScanAsync(schoolId, scan, ct);
            report.Edit(Clean(input.WorkProgressHtml), Clean(input.DifficultiesHtml), Clean(input.PolicySuggestionsHtml), path);
        }

        if (submit)
        {
            report.Submit(currentUser.ActorName(), now);
        }

        await db.SaveChangesAsync(ct);
        Publish(report);
        return report.Id;
    }

    /// <summary>提交 from the list (未提交 / 审核退回 → 待审核).</summary>
    public Task SubmitAsync(int id, CancellationToken ct) =>
        ChangeOwnAsync(id, (r, now) => r.Submit(currentUser.ActorName(), now), ct);

    /// <summary>撤回 (待审核 → 未提交).</summary>
    public Task WithdrawAsync(int id, CancellationToken ct) =>
        ChangeOwnAsync(id, (r, now) => r.Withdraw(currentUser.ActorName(), now), ct);

    /// <summary>删除: only a 未提交 report of the school's own.</summary>
    public async Task DeleteAsync(int id, CancellationToken ct)
    {
        RequireSchool();
        currentUser.Demand(Permissions.WeeklyReportSubmit);
        await using var db = await dbFactory.CreateAsync(ct);
        var report = await LoadOwnAsync(db, id, ct);
        report.EnsureCanDelete();
        db.Set<WeeklyReport>().Remove(report);
        await db.SaveChangesAsync(ct);
        Publish(report);
    }

    /// <summary>审核通过 by the report's province; the opinion is optional.</summary>
    public Task ApproveAsync(int id, string? opinion, CancellationToken ct) => ApproveAsync(id, opinion, null, ct);

    /// <summary>审核通过 of the version the review dialog showed (<paramref name="version"/>): refused when the report changed since.</summary>
    public Task ApproveAsync(int id, string? opinion, long? version, CancellationToken ct) =>
        ReviewAsync(id, version, (r, now) => r.Approve(currentUser.ActorName(), opinion, now), ct);

    /// <summary>审核退回 by the report's province; the opinion is required.</summary>
    public Task ReturnAsync(int id, string opinion, CancellationToken ct) => ReturnAsync(id, opinion, null, ct);

    /// <summary>审核退回 of the version the review dialog showed.</summary>
    public Task ReturnAsync(int id, string opinion, long? version, CancellationToken ct) =>
        ReviewAsync(id, version, (r, now) => r.Return(currentUser.ActorName(), opinion, now), ct);

    /// <summary>The stored scan of a visible report (path), for the download endpoint; null when not visible or absent.</summary>
    public async Task<string?> GetScanPathAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Set<WeeklyReport>().AsNoTracking().Where(r => r.Id == id).Select(r => r.ScanPdfPath).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// 生成草稿: 工作进展 drafted from the school's live numbers in <paramref name="period"/> (applications submitted,
    /// candidates added, registrations, exams held in the school's rooms and its candidates seated, certificates issued), for the
    /// coordinator to edit.
    /// </summary>
    public async Task<string> DraftWorkProgressAsync(ReportPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var schoolId = RequireSchool();
        var (from, to) = (period.StartUtc, period.Next().StartUtc);
        var (firstDay, lastDay) = (period.Start, period.End);
        await using var db = await dbFactory.CreateAsync(ct);
        var applications = await db.Set<PilotApplication>().CountAsync(a => a.SchoolId == schoolId && a.SubmittedUtc >= from && a.SubmittedUtc < to, ct);
        var candidates = await db.Set<Candidate>().CountAsync(c => c.SchoolId == schoolId && c.CreatedUtc >= from && c.CreatedUtc < to, ct);
        var registrations = await db.Set<Registration>().CountAsync(r => r.SchoolId == schoolId && r.CreatedUtc >= from && r.CreatedUtc < to, ct);
        var sessions = db.Set<RoomSession>().Where(s => s.StartUtc >= from && s.StartUtc < to);
        var examSessions = await sessions.CountAsync(s => db.Set<ExamRoom>().Any(r => r.Id == s.ExamRoomId && r.SchoolId == schoolId), ct);
        var examinees = await db.Set<SeatAssignment>().CountAsync(a => a.SchoolId == schoolId && sessions.Any(s => s.Id == a.RoomSessionId), ct);
        var issued = await db.Set<IssuanceRecord>()
            .CountAsync(r => r.CandidateSchoolId == schoolId && r.IssuedOn >= firstDay && r.IssuedOn <= lastDay, ct);
        return $"<p>{period.Start.Month}月{period.Start.Day}日-{period.End.Month}月{period.End.Day}日工作进展：</p>"
            + "<ul>"
            + $"<li>提交证书试点申报{applications}项；</li>"
            + $"<li>新增考生{candidates}人；</li>"
            + $"<li>报考{registrations}人次；</li>"
            + $"<li>本校考场组织考试{examSessions}场次，本校考生参加考试{examinees}人次；</li>"
            + $"<li>发放证书{issued}本。</li>"
            + "</ul>";
    }

    /// <summary>The province's 周报周期 (每周 / 每半月).</summary>
    public async Task<ReportingCycle> ReportingCycleAsync(CancellationToken ct)
    {
        var provinceId = RequireProvince();
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Set<Province>().Where(p => p.Id == provinceId).Select(p => p.ReportingCycle).FirstAsync(ct);
    }

    /// <summary>设置周报周期 for the province's schools; reports already written keep their own period.</summary>
    public async Task SetReportingCycleAsync(ReportingCycle cycle, CancellationToken ct)
    {
        var provinceId = RequireProvince();
        DomainRuleException.ThrowIf(!Enum.IsDefined(cycle), "不支持的周报周期");
        await using var db = await dbFactory.CreateAsync(ct);
        var province = await db.Set<Province>().AsTracking().FirstAsync(p => p.Id == provinceId, ct);
        var before = province.ReportingCycle;
        province.SetReportingCycle(cycle);
        db.Set<AuditEntry>().Add(AuditEntry.Create(clock.GetUtcNow(), currentUser.UserName, currentUser.UserId, nameof(Province),
            provinceId.ToString(System.Globalization.CultureInfo.InvariantCulture), "设置周报周期", before.ToDisplayName(), cycle.ToDisplayName(),
            provinceId: provinceId));
        await db.SaveChangesAsync(ct);
        changes.Publish(new ChangeNotice(Topic, ProvinceId: provinceId));
    }

    /// <summary>The province's current period and its schools that have not submitted a report for it.</summary>
    public async Task<(ReportPeriod Period, IReadOnlyList<MissingReportItem> Schools)> MissingAsync(CancellationToken ct)
    {
        var provinceId = RequireProvince();
        await using var db = await dbFactory.CreateAsync(ct);
        var cycle = await db.Set<Province>().Where(p => p.Id == provinceId).Select(p => p.ReportingCycle).FirstAsync(ct);
        var period = ReportPeriod.For(clock.GetUtcNow(), cycle);
        var schools = await db.Set<PilotSchool>().AsNoTracking().Where(s => s.ProvinceId == provinceId).OrderBy(s => s.Code)
            .Select(s => new
            {
                s.Id,
                s.Name,
                s.SchoolType,
                Status = db.Set<WeeklyReport>().Where(r => r.SchoolId == s.Id && r.PeriodStart == period.Start && r.Cycle == period.Cycle)
                    .Select(r => (WeeklyReportStatus?)r.Status).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return (period, [.. schools.Where(s => s.Status is null or WeeklyReportStatus.NotSubmitted)
            .Select(s => new MissingReportItem(s.Id, s.Name, s.SchoolType, s.Status))]);
    }

    private async Task ChangeOwnAsync(int id, Action<WeeklyReport, DateTimeOffset> change, CancellationToken ct)
    {
        RequireSchool();
        currentUser.Demand(Permissions.WeeklyReportSubmit);
        await using var db = await dbFactory.CreateAsync(ct);
        var report = await LoadOwnAsync(db, id, ct);
        change(report, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        Publish(report);
    }

    private async Task ReviewAsync(int id, long? version, Action<WeeklyReport, DateTimeOffset> change, CancellationToken ct)
    {
        var provinceId = RequireProvince();
        await using var db = await dbFactory.CreateAsync(ct);
        var report = await db.Set<WeeklyReport>().AsTracking().FirstOrDefaultAsync(r => r.Id == id && r.ProvinceId == provinceId, ct)
            ?? throw new DomainRuleException(NotFoundMessage);
        report.EnsureVersion(version);
        change(report, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        Publish(report);
    }

    private async Task<WeeklyReport> LoadOwnAsync(ICertHubDb db, int id, CancellationToken ct) =>
        await db.Set<WeeklyReport>().AsTracking().FirstOrDefaultAsync(r => r.Id == id && r.SchoolId == currentUser.SchoolId, ct)
        ?? throw new DomainRuleException(NotFoundMessage);

    private async Task<WeeklyReportHeader> CurrentHeaderAsync(ICertHubDb db, int schoolId, CancellationToken ct)
    {
        var school = await db.Set<PilotSchool>().AsNoTracking().Include(s => s.Province).FirstOrDefaultAsync(s => s.Id == schoolId, ct)
            ?? throw new DomainRuleException("院校不存在");
        var province = school.Province ?? await db.Set<Province>().AsNoTracking().FirstAsync(p => p.Id == school.ProvinceId, ct);
        return new WeeklyReportHeader(ReportPeriod.For(clock.GetUtcNow(), province.ReportingCycle), school.Name, school.SchoolType, province.AuthorityName);
    }

    private static async Task EnsureNoOtherReportAsync(ICertHubDb db, int schoolId, ReportPeriod period, int currentId, CancellationToken ct)
    {
        var existing = await db.Set<WeeklyReport>().AsNoTracking()
            .Where(r => r.SchoolId == schoolId && r.Cycle == period.Cycle && r.PeriodStart == period.Start).ToListAsync(ct);
        WeeklyReportPolicy.EnsureNoOtherReport(existing, currentId);
    }

    private async Task<string> StoreScanAsync(int schoolId, ScanUpload scan, CancellationToken ct)
    {
        using var stream = new MemoryStream(scan.Content, writable: false);
        return await files.SaveAsync($"reports/{schoolId}/{Guid.NewGuid():N}", ScanPdfRules.SafeFileName(scan.FileName), stream, ct);
    }

    private string Clean(string? html) => sanitizer.Sanitize(html) ?? "";

    private static IQueryable<WeeklyReport> Filtered(ICertHubDb db, WeeklyReportFilter filter)
    {
        var query = db.Set<WeeklyReport>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.PeriodLabel))
        {
            query = query.Where(r => r.PeriodLabel == filter.PeriodLabel);
        }

        if (filter.SchoolId is { } schoolId)
        {
            query = query.Where(r => r.SchoolId == schoolId);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        return query;
    }

    private static IQueryable<WeeklyReportListItem> Project(ICertHubDb db, IQueryable<WeeklyReport> query) =>
        from r in query
        join s in db.Set<PilotSchool>() on r.SchoolId equals s.Id
        join p in db.Set<Province>() on r.ProvinceId equals p.Id
        orderby r.PeriodStart descending, s.Code, r.Id descending
        select new WeeklyReportListItem(r.Id, r.PeriodLabel, r.PeriodStart, r.SchoolId, s.Name, s.SchoolType, p.AuthorityName, r.SubmittedUtc, r.Status);

    private int RequireSchool()
    {
        DomainRuleException.ThrowIf(!CanWrite, "只有试点院校可以填写周报");
        return currentUser.SchoolId!.Value;
    }

    private int RequireProvince()
    {
        DomainRuleException.ThrowIf(!CanReview, "只有省级教育行政部门可以审核周报");
        return currentUser.ProvinceId!.Value;
    }

    private void Publish(WeeklyReport report) =>
        changes.Publish(new ChangeNotice(Topic, SchoolId: report.SchoolId, ProvinceId: report.ProvinceId));
}
