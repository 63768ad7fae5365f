using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using CertHub.Core.Invigilators;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Scheduling;

/// <summary>
/// 5.2.8 排考管理, 考核站点编排: the organisation of a plan runs 一键排考 (incremental: nobody already placed moves),
/// 重新排考 (a confirmed full reschedule) and manual adjustments, all within the plan's 排考时间; every school sees the
/// arrangement of its own sites (read-only). Runs load the plan set-based, schedule in memory (<see cref="ExamScheduler"/>),
/// double-check with <see cref="ScheduleChecker"/> and save sessions, seats, invigilators and 已排考 in one transaction.
/// </summary>
public sealed class SchedulingService(ICertHubDbFactory dbFactory, ICurrentUser currentUser, IChangeFeed changes, TimeProvider clock)
{
    public const string PlanNotFound = "考试计划不存在";
    public const string OnlyOrganization = "只有培训评价组织可以排考";
    public const string OutsideWindow = "当前不在该考试计划的排考时间内，不能排考";

    /// <summary>Whether the user may run 一键排考 (an organisation account).</summary>
    public bool CanSchedule => currentUser.IsOrganization() && currentUser.OrganizationId is not null;

    /// <summary>The plans shown on the page, with their subjects and sites (for the filter and the run options).</summary>
    public async Task<IReadOnlyList<SchedulingPlanOption>> PlansAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var plans = await VisiblePlans(db).OrderByDescending(p => p.SchedulingStartUtc).ThenByDescending(p => p.Id).ToListAsync(ct);
        var subjectIds = plans.SelectMany(p => p.Subjects.Select(s => s.SubjectId)).Distinct().ToList();
        var subjects = await db.Set<ExamSubject>().IgnoreQueryFilters().AsNoTracking().Where(s => subjectIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var planIds = plans.Select(p => p.Id).ToList();
        var siteRows = await db.Set<ExamRoom>().IgnoreQueryFilters().AsNoTracking().Where(r => planIds.Contains(r.ExamPlanId))
            .Join(db.Set<ExamSite>().IgnoreQueryFilters(), r => r.ExamSiteId, s => s.Id, (r, s) => new { r.ExamPlanId, s.Id, s.Name, s.SchoolId })
            .Distinct().ToListAsync(ct);
        return [.. plans.Select(p => new SchedulingPlanOption(
            p.Id, p.Name, CanSchedule && IsInWindow(p, now),
            [.. p.Subjects.OrderBy(s => s.StartUtc).Select(s => new SchedulingSubjectOption(s.SubjectId, subjects.GetValueOrDefault(s.SubjectId, "")))],
            [.. siteRows.Where(s => s.ExamPlanId == p.Id && SiteVisible(s.SchoolId)).OrderBy(s => s.Name).Select(s => new SchedulingSiteOption(s.Id, s.Name))]))];
    }

    /// <summary>考核站点编排: one row per plan, subject and site, filtered and paged.</summary>
    public async Task<PagedResult<SiteArrangementItem>> ListSitesAsync(SiteArrangementFilter filter, PageRequest page, CancellationToken ct)
    {
        var rows = await RowsAsync(filter, ct);
        var matching = rows.Where(r => filter.Status is null || r.Status == filter.Status).ToList();
        return new PagedResult<SiteArrangementItem>([.. matching.Skip(page.Skip).Take(page.Size)], matching.Count, Math.Max(page.Page, 1), page.Size);
    }

    /// <summary>Counts per 排考状态 for the tabs.</summary>
    public async Task<IReadOnlyDictionary<SchedulingStatus, int>> CountsAsync(SiteArrangementFilter filter, CancellationToken ct)
    {
        var rows = await RowsAsync(filter with { Status = null }, ct);
        return Enum.GetValues<SchedulingStatus>().ToDictionary(s => s, s => rows.Count(r => r.Status == s));
    }

    /// <summary>查看: 站点编排明细, the rooms of one subject at one site; null when not visible.</summary>
    public async Task<SiteArrangementDetail?> GetSiteAsync(int examPlanId, int subjectId, int siteId, CancellationToken ct)
    {
        var item = (await RowsAsync(new SiteArrangementFilter(examPlanId), ct)).FirstOrDefault(r => r.SubjectId == subjectId && r.SiteId == siteId);
        if (item is null)
        {
            return null;
        }

        return new SiteArrangementDetail(item, await RoomRowsAsync([item], ct));
    }

    /// <summary>批量导出考场编排明细: the room sessions of the selected rows, or of every row matching the filter.</summary>
    public async Task<IReadOnlyList<RoomArrangementRow>> ExportRoomsAsync(SiteArrangementFilter filter, IReadOnlyCollection<SiteArrangementItem>? selected, CancellationToken ct)
    {
        var visible = await ListAllAsync(filter, ct);
        if (selected is { Count: > 0 })
        {
            var wanted = selected.Select(s => (s.ExamPlanId, s.SubjectId, s.SiteId)).ToHashSet();
            visible = [.. visible.Where(v => wanted.Contains((v.ExamPlanId, v.SubjectId, v.SiteId)))];
        }

        return await RoomRowsAsync(visible, ct);
    }

    /// <summary>
    /// Whether the seat map offers 调整座位, 更换监考 and 互换监考: only to the plan's organisation, only inside 排考时间; outside
    /// it the organisation gets the hint (e.g. 排考时间已结束，不能调整). Anyone else gets <see cref="ScheduleAdjustability.None"/>.
    /// </summary>
    public async Task<ScheduleAdjustability> AdjustabilityAsync(int examPlanId, CancellationToken ct)
    {
        if (!CanSchedule)
        {
            return ScheduleAdjustability.None;
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var organizationId = currentUser.OrganizationId!.Value;
        var plan = await db.Set<ExamPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == examPlanId && p.OrganizationId == organizationId, ct);
        if (plan is null)
        {
            return ScheduleAdjustability.None;
        }

        var refusal = plan.ScheduleAdjustmentRefusal(clock.GetUtcNow());
        return new ScheduleAdjustability(refusal is null, refusal);
    }

    /// <summary>一键排考 (incremental): seats new paid registrations, removes withdrawn ones, nobody already placed moves.</summary>
    public Task<SchedulingRunReport> RunAsync(int examPlanId, SchedulingOptions options, CancellationToken ct) => ExecuteAsync(examPlanId, options, full: false, ct);

    /// <summary>重新排考 (confirmed on the page): clears the sessions in scope and schedules them again; 准考证号 may change.</summary>
    public Task<SchedulingRunReport> RescheduleAsync(int examPlanId, SchedulingOptions options, CancellationToken ct) => ExecuteAsync(examPlanId, options, full: true, ct);

    /// <summary>调整座位: moves a candidate's seat of a subject to a seat (or the best free seat) of a room's session.</summary>
    public Task<ScheduleEdit> MoveSeatAsync(int examPlanId, int registrationId, int subjectId, int targetRoomId, int? seatNo, CancellationToken ct) =>
        EditAsync(examPlanId, (problem, sessions) => ScheduleEditor.MoveSeat(problem, sessions, registrationId, subjectId, targetRoomId, seatNo), ct);

    /// <summary>更换监考人员 in a room's session of a subject.</summary>
    public Task<ScheduleEdit> ReplaceInvigilatorAsync(int examPlanId, int roomId, int subjectId, int outgoingId, int incomingId, CancellationToken ct) =>
        EditAsync(examPlanId, (problem, sessions) => ScheduleEditor.ReplaceInvigilator(problem, sessions, roomId, subjectId, outgoingId, incomingId), ct);

    /// <summary>交换监考人员 between two sessions.</summary>
    public Task<ScheduleEdit> SwapInvigilatorsAsync(int examPlanId, (int RoomId, int SubjectId) first, int firstId, (int RoomId, int SubjectId) second, int secondId, CancellationToken ct) =>
        EditAsync(examPlanId, (problem, sessions) => ScheduleEditor.SwapInvigilators(problem, sessions, first, firstId, second, secondId), ct);

    private async Task<SchedulingRunReport> ExecuteAsync(int examPlanId, SchedulingOptions options, bool full, CancellationToken ct)
    {
        options.Validate();
        await using var db = await dbFactory.CreateAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var plan = await LoadSchedulablePlanAsync(db, examPlanId, ct);
        var problem = await SchedulingData.LoadAsync(db, plan, tracked: true, ct);
        var rooms = problem.Rooms.ToDictionary(r => r.Id);
        var start = full ? problem with { Existing = [.. problem.Existing.Where(s => !options.Covers(s.SubjectId, rooms[s.RoomId].SiteId))] } : problem;
        var result = ExamScheduler.Run(start, options);
        EnsureValid(problem, result.Sessions);
        await SchedulingData.ApplyAsync(db, plan.Id, problem, result.Sessions, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Publish(plan);

        var removed = full ? problem.Existing.Where(s => options.Covers(s.SubjectId, rooms[s.RoomId].SiteId)).Sum(s => s.Seats.Count) : result.SeatsRemoved;
        var problems = result.Shortfalls.Select(s => Describe(problem, s)).ToList();
        return new SchedulingRunReport(result.Sessions.Sum(s => s.Seats.Count), result.SeatsAdded, removed, result.SessionsOpened, result.InvigilatorsAssigned, problems);
    }

    private async Task<ScheduleEdit> EditAsync(int examPlanId, Func<SchedulingProblem, IReadOnlyList<ScheduledSession>, ScheduleEdit> edit, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var plan = await LoadSchedulablePlanAsync(db, examPlanId, ct, adjusting: true);
        var problem = await SchedulingData.LoadAsync(db, plan, tracked: true, ct);
        var outcome = edit(problem, problem.Existing);
        if (!outcome.Done)
        {
            return outcome;
        }

        EnsureValid(problem, outcome.Sessions);
        await SchedulingData.ApplyAsync(db, plan.Id, problem, outcome.Sessions, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Publish(plan);
        return outcome;
    }

    /// <summary>
    /// The independent check before saving: a change that breaks a hard constraint is never saved (violations already in
    /// the saved schedule, e.g. from data changed since, do not block the run that reports them).
    /// </summary>
    private static void EnsureValid(SchedulingProblem problem, IReadOnlyList<ScheduledSession> sessions)
    {
        var before = ScheduleChecker.Check(problem, problem.Existing).Violations.Select(v => v.Message).ToHashSet(StringComparer.Ordinal);
        var introduced = ScheduleChecker.Check(problem, sessions).Violations.Where(v => !before.Contains(v.Message)).ToList();
        DomainRuleException.ThrowIf(introduced.Count > 0, "排考结果未通过校验: " + string.Join("；", introduced.Take(3).Select(v => v.Message)));
    }

    /// <summary>The organisation's published plan, inside 排考时间 (manual adjustments are refused with the domain's reason).</summary>
    private async Task<ExamPlan> LoadSchedulablePlanAsync(ICertHubDb db, int examPlanId, CancellationToken ct, bool adjusting = false)
    {
        var organizationId = CanSchedule ? currentUser.OrganizationId!.Value : throw new DomainRuleException(OnlyOrganization);
        var plan = await db.Set<ExamPlan>().AsNoTracking().Include(p => p.Subjects).Include(p => p.Certificates).Include(p => p.Schools)
            .FirstOrDefaultAsync(p => p.Id == examPlanId && p.OrganizationId == organizationId && p.IsPublished, ct)
            ?? throw new DomainRuleException(PlanNotFound);
        if (adjusting)
        {
            plan.EnsureScheduleAdjustable(clock.GetUtcNow());
        }

        DomainRuleException.ThrowIf(!IsInWindow(plan, clock.GetUtcNow()), OutsideWindow);
        return plan;
    }

    private static bool IsInWindow(ExamPlan plan, DateTimeOffset now) => plan.IsSchedulingOpen(now);

    private void Publish(ExamPlan plan) =>
        changes.Publish(new ChangeNotice(SchedulingTopics.Arrangements, OrganizationId: plan.OrganizationId));

    private static string Describe(SchedulingProblem problem, SchedulingShortfall shortfall)
    {
        var subject = problem.Subjects.FirstOrDefault(s => s.Id == shortfall.SubjectId)?.Name ?? "";
        var room = shortfall.RoomId is { } roomId ? problem.Rooms.FirstOrDefault(r => r.Id == roomId)?.Name : null;
        return room is null ? $"{subject}: {shortfall.Reason}" : $"{subject} {room}: {shortfall.Reason}";
    }

    /// <summary>Published plans: an organisation's own; for a school, the plans that list it.</summary>
    private IQueryable<ExamPlan> VisiblePlans(ICertHubDb db)
    {
        var plans = db.Set<ExamPlan>().AsNoTracking().Include(p => p.Subjects).Include(p => p.Certificates).Include(p => p.Schools).Where(p => p.IsPublished);
        if (currentUser.IsOrganization())
        {
            var organizationId = currentUser.OrganizationId;
            return plans.Where(p => p.OrganizationId == organizationId);
        }

        if (currentUser.IsSchool())
        {
            var schoolId = currentUser.SchoolId;
            return plans.Where(p => p.Schools.Any(s => s.SchoolId == schoolId));
        }

        return currentUser.IsPlatform() ? plans : plans.Where(_ => false);
    }

    /// <summary>A school sees its own sites only; an organisation every site of its plans.</summary>
    private bool SiteVisible(int siteSchoolId) => !currentUser.IsSchool() || siteSchoolId == currentUser.SchoolId;

    private async Task<List<SiteArrangementItem>> ListAllAsync(SiteArrangementFilter filter, CancellationToken ct) =>
        [.. (await RowsAsync(filter, ct)).Where(r => filter.Status is null || r.Status == filter.Status)];

    private async Task<List<SiteArrangementItem>> RowsAsync(SiteArrangementFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var plans = await VisiblePlans(db).Where(p => filter.ExamPlanId == null || p.Id == filter.ExamPlanId)
            .OrderByDescending(p => p.SchedulingStartUtc).ThenByDescending(p => p.Id).ToListAsync(ct);
        var rows = new List<SiteArrangementItem>();
        foreach (var plan in plans)
        {
            var problem = await SchedulingData.LoadAsync(db, plan, tracked: false, ct);
            var siteIds = problem.Rooms.Select(r => r.SiteId).Concat(problem.Demands.SelectMany(d => d.SiteIds.Take(1))).Distinct().ToList();
            var sites = await db.Set<ExamSite>().IgnoreQueryFilters().AsNoTracking().Where(s => siteIds.Contains(s.Id))
                .Join(db.Set<PilotSchool>().IgnoreQueryFilters(), s => s.SchoolId, x => x.Id, (s, x) => new { s.Id, s.Name, s.SchoolId, SchoolName = x.Name })
                .ToDictionaryAsync(s => s.Id, ct);
            var certificateIds = problem.Subjects.Select(s => s.CertificateId).Distinct().ToList();
            var certificates = await db.Set<Certificate>().IgnoreQueryFilters().AsNoTracking().Where(c => certificateIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
            var rooms = problem.Rooms.ToDictionary(r => r.Id);
            foreach (var subject in problem.Subjects.OrderBy(s => s.StartUtc).ThenBy(s => s.Id))
            {
                if (!Matches(filter.SubjectName, subject.Name))
                {
                    continue;
                }

                var registered = problem.Demands.Where(d => d.SubjectId == subject.Id && d.SiteIds.Count > 0).GroupBy(d => d.SiteIds[0]).ToDictionary(g => g.Key, g => g.Count());
                var sessions = problem.Existing.Where(s => s.SubjectId == subject.Id && s.Seats.Count > 0).GroupBy(s => rooms[s.RoomId].SiteId).ToDictionary(g => g.Key, g => g.ToList());
                var subjectSites = registered.Keys.Concat(sessions.Keys)
                    .Concat(problem.Rooms.Where(r => r.SubjectIds.Contains(subject.Id)).Select(r => r.SiteId)).Distinct();
                foreach (var siteId in subjectSites)
                {
                    if (!sites.TryGetValue(siteId, out var site) || !SiteVisible(site.SchoolId) || !Matches(filter.SiteName, site.Name))
                    {
                        continue;
                    }

                    var count = registered.GetValueOrDefault(siteId);
                    var siteSessions = sessions.GetValueOrDefault(siteId) ?? [];
                    var seated = siteSessions.Sum(s => s.Seats.Count);
                    var status = SchedulingStatusCalculator.For(plan.SchedulingStartUtc, plan.SchedulingEndUtc, now, count, seated);
                    rows.Add(new SiteArrangementItem(plan.Id, plan.Name, subject.Id, subject.Name, certificates.GetValueOrDefault(subject.CertificateId, ""), subject.Level,
                        subject.StartUtc, subject.EndUtc, siteId, site.Name, site.SchoolName, status, count, seated, siteSessions.Count));
                }
            }
        }

        return rows;
    }

    private static bool Matches(string? wanted, string value) => string.IsNullOrWhiteSpace(wanted) || value.Contains(wanted.Trim(), StringComparison.OrdinalIgnoreCase);

    private async Task<List<RoomArrangementRow>> RoomRowsAsync(List<SiteArrangementItem> items, CancellationToken ct)
    {
        if (items.Count == 0)
        {
            return [];
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var planIds = items.Select(i => i.ExamPlanId).Distinct().ToList();
        var siteIds = items.Select(i => i.SiteId).Distinct().ToList();
        var keys = items.Select(i => (i.ExamPlanId, i.SubjectId, i.SiteId)).ToHashSet();
        var sessions = await db.Set<RoomSession>().IgnoreQueryFilters().AsNoTracking().Include(s => s.Invigilators)
            .Where(s => planIds.Contains(s.ExamPlanId))
            .Join(db.Set<ExamRoom>().IgnoreQueryFilters().Where(r => siteIds.Contains(r.ExamSiteId)), s => s.ExamRoomId, r => r.Id,
                (s, r) => new { Session = s, Seated = s.Seats.Count, r.Name, r.ExamSiteId })
            .ToListAsync(ct);
        sessions = [.. sessions.Where(s => keys.Contains((s.Session.ExamPlanId, s.Session.SubjectId, s.ExamSiteId)) && s.Seated > 0)];
        var invigilatorIds = sessions.SelectMany(s => s.Session.Invigilators.Select(i => i.InvigilatorId)).Distinct().ToList();
        var invigilators = await db.Set<Invigilator>().IgnoreQueryFilters().AsNoTracking().Where(i => invigilatorIds.Contains(i.Id))
            .Join(db.Set<PilotSchool>().IgnoreQueryFilters(), i => i.SchoolId, s => s.Id, (i, s) => new { i.Id, i.Name, i.TeacherNo, i.Region, School = s.Name })
            .ToDictionaryAsync(i => i.Id, ct);
        var byKey = items.GroupBy(i => (i.ExamPlanId, i.SubjectId, i.SiteId)).ToDictionary(g => g.Key, g => g.First());
        return [.. sessions
            .OrderBy(s => s.Session.ExamPlanId).ThenBy(s => s.Session.StartUtc).ThenBy(s => s.ExamSiteId).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s =>
            {
                var item = byKey[(s.Session.ExamPlanId, s.Session.SubjectId, s.ExamSiteId)];
                var people = s.Session.Invigilators.Select(i => invigilators.GetValueOrDefault(i.InvigilatorId)).Where(i => i is not null).ToList();
                return new RoomArrangementRow(s.Session.Id, item.PlanName, s.Name, item.SchoolName, item.SiteName, item.CertificateText, item.SubjectName,
                    s.Session.StartUtc, s.Session.EndUtc, s.Session.Capacity, s.Seated,
                    string.Join("、", people.Select(i => $"{i!.Name}({i.TeacherNo})")),
                    string.Join("、", people.Select(i => string.IsNullOrEmpty(i!.Region) ? i.School : $"{i.Region}({i.School})")));
            })];
    }
}
