using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Imports;
using CertHub.Core.Registrations;
using CertHub.Core.Scheduling;
using CertHub.Core.Scores.Import;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Scores;

/// <summary>
/// 5.2.9 科目成绩. The organisation of a plan imports scores per subject in the 成绩登记时间 (<see cref="ApplyRowsAsync(int, IEnumerable{ScoreImportRow}, CancellationToken)"/>, shared with
/// the API), corrects them (in the 公示期 only with a reason) and answers 成绩复核; a school lists and exports its candidates'
/// scores and files 成绩复核 in the 公示期; after the 公示期 nothing changes (the entities refuse). Every method checks the role
/// and the tenant explicitly, on top of the query filters.
/// </summary>
public sealed class ScoreService(ICertHubDbFactory dbFactory, ICurrentUser currentUser, IScoreSheet sheet, IFileStore files, IChangeFeed changes, TimeProvider clock,
    ImportFailureRetry? failureRetry = null)
{
    public const string Topic = "scores";
    public const int ExportLimit = 100_000;

    /// <summary>The database went away mid-import: the transaction was rolled back, no score of this file was kept.</summary>
    public static readonly string ImportDatabaseFailed = FailedImportRecorder.DatabaseFailedMessage("成绩");

    public bool CanImport => currentUser.IsOrganization() && currentUser.OrganizationId is not null;

    public bool CanFileReview => currentUser.IsSchool() && currentUser.SchoolId is not null;

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<PagedResult<ScoreListItem>> ListAsync(ScoreFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await Project(db, Filtered(db, filter)).ToPagedAsync(page, ct);
    }

    /// <summary>批量导出科目成绩: the chosen scores, or all matching the filter when none is chosen.</summary>
    public async Task<IReadOnlyList<ScoreListItem>> ExportRowsAsync(ScoreFilter filter, IReadOnlyCollection<int>? ids, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var query = Filtered(db, filter);
        if (ids is { Count: > 0 })
        {
            query = query.Where(s => ids.Contains(s.Id));
        }

        return await Project(db, query).Take(ExportLimit).ToListAsync(ct);
    }

    /// <summary>成绩修改记录 of a visible score, oldest first.</summary>
    public async Task<IReadOnlyList<ScoreCorrectionItem>> CorrectionsAsync(int scoreId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await Scoped(db).Where(s => s.Id == scoreId).SelectMany(s => s.Corrections).OrderBy(c => c.AtUtc).ThenBy(c => c.Id)
            .Select(c => new ScoreCorrectionItem(c.OldScore, c.OldAbsent, c.NewScore, c.NewAbsent, c.Reason, c.ActorName, c.AtUtc))
            .ToListAsync(ct);
    }

    /// <summary>Plans for the filters: an organisation's own plans, a school's plans it takes part in, newest first.</summary>
    public async Task<IReadOnlyList<ScorePlanOption>> PlanOptionsAsync(int? year, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var plans = db.Set<ExamPlan>().AsNoTracking().Where(p => p.IsPublished);
        if (currentUser.IsOrganization())
        {
            plans = plans.Where(p => p.OrganizationId == currentUser.OrganizationId);
        }
        else if (currentUser.IsSchool())
        {
            plans = plans.Where(p => p.Schools.Any(s => s.SchoolId == currentUser.SchoolId));
        }

        if (year is int y)
        {
            plans = plans.Where(p => p.Year == y);
        }

        var now = clock.GetUtcNow();
        var list = await plans.OrderByDescending(p => p.Year).ThenByDescending(p => p.Id).Take(500).ToListAsync(ct);
        return [.. list.Select(p => new ScorePlanOption(p.Id, p.Name, p.Year, p.StageAt(now)))];
    }

    /// <summary>
    /// 按科目导入成绩 from the xlsx template: the rows go through <see cref="ApplyRowsAsync(int, IEnumerable{ScoreImportRow}, CancellationToken)"/>;
    /// an 导入记录 (成绩导入) keeps the failed rows, in the same transaction. An import that fails as a whole (wrong template,
    /// unreadable file, outside the 成绩登记时间, the database gone) keeps no score and leaves a failed 导入记录 with the reason
    /// (<see cref="FailedImportRecorder.GuardAsync"/>).
    /// </summary>
    public async Task<ScoreImportResult> ImportAsync(int planId, Stream xlsx, string fileName, IProgress<int>? progress, CancellationToken ct)
    {
        var organizationId = RequireOrganization();
        return await new FailedImportRecorder(dbFactory, failureRetry ?? ImportFailureRetry.Default).GuardAsync(
            read => ImportRowsAsync(organizationId, planId, xlsx, fileName, read, progress, ct),
            (rows, reason) => ImportRecord.Failed(ImportKind.ScoreImport, TrimName(fileName), currentUser.ActorName(), null, organizationId, rows, reason, clock.GetUtcNow()),
            ImportDatabaseFailed,
            () => changes.Publish(new ChangeNotice("imports", OrganizationId: organizationId)));
    }

    /// <summary>
    /// Applies score rows to a plan of the organisation (xlsx import and POST /api/v1/plans/{planId}/scores): only in the
    /// plan's 成绩登记时间; each row checked by <see cref="ScoreRowValidator"/>; good rows are kept, refused rows reported.
    /// Idempotent: the same score again for the same candidate + subject changes nothing; a different one replaces it (with a
    /// 成绩修改记录). Results of the plan are recomputed.
    /// </summary>
    public Task<ScoreRowsResult> ApplyRowsAsync(int planId, IEnumerable<ScoreImportRow> rows, CancellationToken ct) =>
        ApplyRowsAsync(planId, rows, null, ct);

    /// <summary>
    /// <see cref="ApplyRowsAsync(int, IEnumerable{ScoreImportRow}, CancellationToken)"/> with the plan's seats already loaded by
    /// the caller (<see cref="SeatsAsync"/>; the API matches its rows against them first), so they are read once per request.
    /// </summary>
    internal async Task<ScoreRowsResult> ApplyRowsAsync(int planId, IEnumerable<ScoreImportRow> rows, IReadOnlyList<ScoreSeat>? seats, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var organizationId = RequireOrganization();
        await using var db = await dbFactory.CreateAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await ApplyAsync(db, organizationId, planId, [.. rows.Where(r => !r.IsEmpty)], seats, ct);
        await transaction.CommitAsync(ct);
        Publish(organizationId);
        return result;
    }

    /// <summary>更正成绩 by the organisation: in the 公示期 only with a reason (old and new values kept); never after it.</summary>
    public async Task CorrectAsync(int scoreId, decimal? newScore, bool isAbsent, string? reason, CancellationToken ct)
    {
        var organizationId = RequireOrganization();
        await using var db = await dbFactory.CreateAsync(ct);
        var (score, window) = await OrganizationScoreAsync(db, organizationId, scoreId, ct);
        score.Correct(newScore, isAbsent, reason, currentUser.ActorName(), clock.GetUtcNow(), window);
        await db.SaveChangesAsync(ct);
        await ResultRefresh.RefreshAsync(db, score.ExamPlanId, clock.GetUtcNow(), ct);
        Publish(organizationId);
    }

    /// <summary>申请成绩复核: a school, for its own candidate's score, in the 公示期, with a reason; one open request per score.</summary>
    public async Task<int> FileReviewAsync(int scoreId, string reason, CancellationToken ct)
    {
        var schoolId = currentUser.IsSchool() && currentUser.SchoolId is int id ? id : throw new DomainRuleException("只有试点院校可以申请成绩复核");
        await using var db = await dbFactory.CreateAsync(ct);
        var row = await (
            from s in db.Set<SubjectScore>().AsNoTracking()
            join r in db.Set<Registration>() on s.RegistrationId equals r.Id
            join p in db.Set<ExamPlan>() on s.ExamPlanId equals p.Id
            where s.Id == scoreId && r.SchoolId == schoolId
            select new { s.Id, p.ScoreEntryStartUtc, p.ScoreEntryEndUtc, p.NoticeStartUtc, p.NoticeEndUtc })
            .FirstOrDefaultAsync(ct) ?? throw new DomainRuleException("科目成绩不存在或不属于本院校考生");
        var window = new ScoreWindow(row.ScoreEntryStartUtc, row.ScoreEntryEndUtc, row.NoticeStartUtc, row.NoticeEndUtc);
        var request = ScoreReviewRequest.File(row.Id, schoolId, reason, currentUser.ActorName(), clock.GetUtcNow(), window);
        DomainRuleException.ThrowIf(
            await db.Set<ScoreReviewRequest>().AnyAsync(x => x.SubjectScoreId == scoreId && x.Status == ScoreReviewStatus.Pending, ct),
            "该成绩已有待处理的复核申请");
        db.Set<ScoreReviewRequest>().Add(request);
        await db.SaveChangesAsync(ct);
        changes.Publish(new ChangeNotice(Topic, SchoolId: schoolId));
        return request.Id;
    }

    /// <summary>成绩复核 list: a school its own requests, an organisation the requests on its plans' scores.</summary>
    public async Task<PagedResult<ScoreReviewItem>> ReviewsAsync(ScoreReviewFilter filter, PageRequest page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateAsync(ct);
        var scores = Scoped(db);
        var query =
            from q in db.Set<ScoreReviewRequest>().AsNoTracking()
            join s in scores on q.SubjectScoreId equals s.Id
            join r in db.Set<Registration>() on s.RegistrationId equals r.Id
            join p in db.Set<ExamPlan>() on s.ExamPlanId equals p.Id
            join subject in db.Set<ExamSubject>() on s.SubjectId equals subject.Id
            join school in db.Set<PilotSchool>() on r.SchoolId equals school.Id
            where (filter.ExamPlanId == null || s.ExamPlanId == filter.ExamPlanId) && (filter.Status == null || q.Status == filter.Status)
            orderby q.Status, q.RequestedUtc descending, q.Id descending
            select new ScoreReviewItem(q.Id, s.Id, p.Name, r.CandidateNo, r.Name, school.Name, subject.Name, s.Score, s.IsAbsent, s.FullMark,
                q.Reason, q.RequestedBy, q.RequestedUtc, q.Status, q.Opinion, q.AnsweredBy, q.AnsweredUtc);
        return await query.ToPagedAsync(page, ct);
    }

    /// <summary>处理成绩复核 by the plan's organisation: 维持原成绩, or 更正成绩 with the new score (the opinion is the reason).</summary>
    public async Task AnswerReviewAsync(int requestId, ScoreReviewAction action, decimal? newScore, bool isAbsent, string opinion, CancellationToken ct)
    {
        var organizationId = RequireOrganization();
        await using var db = await dbFactory.CreateAsync(ct);
        var request = await db.Set<ScoreReviewRequest>().FirstOrDefaultAsync(r => r.Id == requestId, ct)
            ?? throw new DomainRuleException("复核申请不存在");
        var (score, window) = await OrganizationScoreAsync(db, organizationId, request.SubjectScoreId, ct);
        var now = clock.GetUtcNow();
        DomainRuleException.ThrowIf(window.IsLockedAt(now), SubjectScore.LockedMessage);
        if (action == ScoreReviewAction.Correct)
        {
            request.Correct(score, newScore, isAbsent, opinion, currentUser.ActorName(), now, window);
        }
        else
        {
            request.Maintain(opinion, currentUser.ActorName(), now);
        }

        await db.SaveChangesAsync(ct);
        await ResultRefresh.RefreshAsync(db, score.ExamPlanId, now, ct);
        Publish(organizationId);
        changes.Publish(new ChangeNotice(Topic, SchoolId: request.SchoolId));
    }

    private async Task<ScoreImportResult> ImportRowsAsync(int organizationId, int planId, Stream xlsx, string fileName, ImportRowCounter read, IProgress<int>? progress,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = sheet.ReadRows(xlsx).Where(r => !r.IsEmpty).ToList();
        read.Rows = rows.Count;
        progress?.Report(rows.Count);
        var result = await ApplyAsync(db, organizationId, planId, rows, null, ct);
        var now = clock.GetUtcNow();
        string? failedPath = null;
        if (result.Failures.Count > 0)
        {
            await using var failedFile = await sheet.WriteFailedRowsAsync(result.Failures, ct);
            failedPath = await files.SaveAsync($"imports/org-{organizationId}", $"scores-failed-{now.ToUnixTimeMilliseconds()}.xlsx", failedFile, ct);
        }

        var record = ImportRecord.Create(ImportKind.ScoreImport, TrimName(fileName), currentUser.ActorName(), null, organizationId,
            result.Succeeded, result.Failures.Count, failedPath, now);
        db.Set<ImportRecord>().Add(record);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Publish(organizationId);
        changes.Publish(new ChangeNotice("imports", OrganizationId: organizationId));
        return new ScoreImportResult(result, record.Id, failedPath);
    }

    /// <summary>
    /// The rules of <see cref="ApplyRowsAsync(int, IEnumerable{ScoreImportRow}, CancellationToken)"/>. Fast on large files: the
    /// existing scores are read as values, only the ones a row changes are loaded for update, and new scores are inserted in
    /// bulk when the database offers it (<see cref="IBulkInsert"/>).
    /// </summary>
    private async Task<ScoreRowsResult> ApplyAsync(ICertHubDb db, int organizationId, int planId, List<ScoreImportRow> rows,
        IReadOnlyList<ScoreSeat>? seats, CancellationToken ct)
    {
        var plan = await db.Set<ExamPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId && p.OrganizationId == organizationId, ct)
            ?? throw new DomainRuleException("考试计划不存在或不属于本机构");
        var window = new ScoreWindow(plan.ScoreEntryStartUtc, plan.ScoreEntryEndUtc, plan.NoticeStartUtc, plan.NoticeEndUtc);
        var now = clock.GetUtcNow();
        DomainRuleException.ThrowIf(window.IsLockedAt(now), SubjectScore.LockedMessage);
        DomainRuleException.ThrowIf(!plan.IsPublished || !window.IsEntryOpenAt(now), "当前不在该考试计划的成绩登记时间内，不能导入成绩");

        var validator = new ScoreRowValidator(seats ?? await SeatsAsync(db, planId, ct));
        var absent = await CheckIn.Absences.OfPlanAsync(db, planId, ct);
        var existing = (await db.Set<SubjectScore>().IgnoreQueryFilters().AsNoTracking().Where(s => s.ExamPlanId == planId)
                .Select(s => new { s.Id, s.RegistrationId, s.SubjectId, s.Score, s.IsAbsent }).ToListAsync(ct))
            .ToDictionary(s => (s.RegistrationId, s.SubjectId));
        var failures = new List<ScoreRowFailure>();
        var valid = new List<(ScoreImportRow Row, ValidScoreRow Value)>(rows.Count);
        foreach (var row in rows.OrderBy(r => r.RowNumber))
        {
            ct.ThrowIfCancellationRequested();
            var (value, reason) = validator.Validate(row);
            if (value is null)
            {
                failures.Add(new ScoreRowFailure(row, reason!));
            }
            else if (CheckIn.Absences.RefusesScore(absent, value.Seat.RegistrationId, value.Seat.SubjectId, value.IsAbsent))
            {
                failures.Add(new ScoreRowFailure(row, CheckIn.Absences.ScoreRefused));
            }
            else
            {
                valid.Add((row, value));
            }
        }

        // The scores the rows change (not the same value again), loaded for update.
        var changing = valid
            .Select(v => existing.GetValueOrDefault((v.Value.Seat.RegistrationId, v.Value.Seat.SubjectId)))
            .Where((e, i) => e is not null && !SubjectScore.SameValue(e.Score, e.IsAbsent, valid[i].Value.Score, valid[i].Value.IsAbsent))
            .Select(e => e!.Id).ToList();
        var tracked = new Dictionary<int, SubjectScore>();
        foreach (var chunk in changing.Chunk(500))
        {
            foreach (var score in await db.Set<SubjectScore>().IgnoreQueryFilters().Where(s => chunk.Contains(s.Id)).ToListAsync(ct))
            {
                tracked[score.Id] = score;
            }
        }

        var outcomes = new Dictionary<int, ScoreRowOutcome>();
        var created = new List<SubjectScore>();
        var actor = currentUser.ActorName();
        foreach (var (row, value) in valid)
        {
            try
            {
                var seat = value.Seat;
                if (existing.TryGetValue((seat.RegistrationId, seat.SubjectId), out var known))
                {
                    if (!tracked.TryGetValue(known.Id, out var score))
                    {
                        outcomes[row.RowNumber] = ScoreRowOutcome.Unchanged;
                        continue;
                    }

                    score.Correct(value.Score, value.IsAbsent, null, actor, now, window);
                    outcomes[row.RowNumber] = ScoreRowOutcome.Changed;
                }
                else
                {
                    created.Add(SubjectScore.Record(planId, seat.SubjectId, seat.CandidateId, seat.RegistrationId, value.Score, value.IsAbsent, seat.FullMark, seat.PassMark, now));
                    outcomes[row.RowNumber] = ScoreRowOutcome.Recorded;
                }
            }
            catch (DomainRuleException ex)
            {
                failures.Add(new ScoreRowFailure(row, ex.Message));
            }
        }

        if (db is IBulkInsert bulk)
        {
            await bulk.BulkInsertAsync(created, ct);
        }
        else
        {
            db.Set<SubjectScore>().AddRange(created);
        }

        await db.SaveChangesAsync(ct);
        await ResultRefresh.RefreshAsync(db, planId, now, ct);
        return new ScoreRowsResult(
            outcomes.Values.Count(o => o == ScoreRowOutcome.Recorded),
            outcomes.Values.Count(o => o == ScoreRowOutcome.Changed),
            outcomes.Values.Count(o => o == ScoreRowOutcome.Unchanged),
            [.. failures.OrderBy(f => f.Row.RowNumber)], outcomes);
    }

    /// <summary>The plan's seats: 准考证号, registration snapshot (考生编号, 姓名) and the session's subject.</summary>
    internal static Task<List<ScoreSeat>> SeatsAsync(ICertHubDb db, int planId, CancellationToken ct) => (
        from seat in db.Set<SeatAssignment>().IgnoreQueryFilters()
        join session in db.Set<RoomSession>().IgnoreQueryFilters() on seat.RoomSessionId equals session.Id
        join registration in db.Set<Registration>().IgnoreQueryFilters() on seat.RegistrationId equals registration.Id
        join subject in db.Set<ExamSubject>().IgnoreQueryFilters() on session.SubjectId equals subject.Id
        where session.ExamPlanId == planId
        select new ScoreSeat(seat.RegistrationId, seat.CandidateId, seat.SchoolId, seat.AdmissionTicketNo, registration.CandidateNo, registration.Name,
            subject.Id, subject.Code, subject.FullMark, subject.PassMark))
        .ToListAsync(ct);

    private static async Task<(SubjectScore Score, ScoreWindow Window)> OrganizationScoreAsync(ICertHubDb db, int organizationId, int scoreId, CancellationToken ct)
    {
        var score = await db.Set<SubjectScore>().Include(s => s.Corrections).FirstOrDefaultAsync(s => s.Id == scoreId, ct);
        var plan = score is null ? null : await db.Set<ExamPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == score.ExamPlanId && p.OrganizationId == organizationId, ct);
        DomainRuleException.ThrowIf(score is null || plan is null, "科目成绩不存在或不属于本机构的考试计划");
        return (score!, new ScoreWindow(plan!.ScoreEntryStartUtc, plan.ScoreEntryEndUtc, plan.NoticeStartUtc, plan.NoticeEndUtc));
    }

    /// <summary>The scores the user may see: a school its candidates', an organisation its plans', a province its schools', the platform all.</summary>
    private IQueryable<SubjectScore> Scoped(ICertHubDb db)
    {
        var scores = db.Set<SubjectScore>().AsNoTracking();
        if (currentUser.OwnedCertificatesOnly() is { } owned)
        {
            // 证书负责人: only the scores of subjects of its 负责证书.
            scores = scores.Where(s => db.Set<ExamSubject>().Any(x => x.Id == s.SubjectId && owned.Contains(x.CertificateId)));
        }

        if (currentUser.IsSchool())
        {
            var schoolId = currentUser.SchoolId ?? -1;
            return scores.Where(s => db.Set<Registration>().Any(r => r.Id == s.RegistrationId && r.SchoolId == schoolId));
        }

        if (currentUser.IsOrganization())
        {
            var organizationId = currentUser.OrganizationId ?? -1;
            return scores.Where(s => db.Set<ExamPlan>().Any(p => p.Id == s.ExamPlanId && p.OrganizationId == organizationId));
        }

        if (currentUser.IsProvince())
        {
            var provinceId = currentUser.ProvinceId ?? -1;
            return scores.Where(s => db.Set<Registration>().Any(r => r.Id == s.RegistrationId
                && db.Set<PilotSchool>().Any(x => x.Id == r.SchoolId && x.ProvinceId == provinceId)));
        }

        return currentUser.IsPlatform() ? scores : scores.Where(_ => false);
    }

    private IQueryable<SubjectScore> Filtered(ICertHubDb db, ScoreFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Scoped(db);
        if (filter.ExamPlanId is int planId)
        {
            query = query.Where(s => s.ExamPlanId == planId);
        }

        if (filter.Year is int year)
        {
            query = query.Where(s => db.Set<ExamPlan>().Any(p => p.Id == s.ExamPlanId && p.Year == year));
        }

        if (filter.SchoolId is int schoolId)
        {
            query = query.Where(s => db.Set<Registration>().Any(r => r.Id == s.RegistrationId && r.SchoolId == schoolId));
        }

        if (!string.IsNullOrWhiteSpace(filter.Candidate))
        {
            var text = filter.Candidate.Trim();
            query = query.Where(s => db.Set<Registration>().Any(r => r.Id == s.RegistrationId && (r.CandidateNo.Contains(text) || r.Name.Contains(text))));
        }

        if (!string.IsNullOrWhiteSpace(filter.Subject))
        {
            var text = filter.Subject.Trim();
            query = query.Where(s => db.Set<ExamSubject>().Any(x => x.Id == s.SubjectId && (x.Code.Contains(text) || x.Name.Contains(text))));
        }

        return query;
    }

    private static IQueryable<ScoreListItem> Project(ICertHubDb db, IQueryable<SubjectScore> scores) =>
        from s in scores
        join r in db.Set<Registration>().IgnoreQueryFilters() on s.RegistrationId equals r.Id
        join p in db.Set<ExamPlan>().IgnoreQueryFilters() on s.ExamPlanId equals p.Id
        join subject in db.Set<ExamSubject>().IgnoreQueryFilters() on s.SubjectId equals subject.Id
        join certificate in db.Set<Certificate>().IgnoreQueryFilters() on r.CertificateId equals certificate.Id
        join school in db.Set<PilotSchool>().IgnoreQueryFilters() on r.SchoolId equals school.Id
        orderby s.ExamPlanId descending, r.CandidateNo, subject.Code
        select new ScoreListItem(
            s.Id, s.ExamPlanId, p.Name, r.Name, r.CandidateNo, r.IdNumber,
            db.Set<SeatAssignment>().IgnoreQueryFilters()
                .Where(x => x.RegistrationId == s.RegistrationId
                    && db.Set<RoomSession>().IgnoreQueryFilters().Any(rs => rs.Id == x.RoomSessionId && rs.SubjectId == s.SubjectId))
                .Select(x => x.AdmissionTicketNo).FirstOrDefault(),
            r.CandidateType, school.Name, subject.Code, subject.Name, subject.ExamMode, certificate.Name, r.Level, certificate.Organization!.Name,
            s.PassMark, s.FullMark, s.Score, s.IsAbsent, s.Corrections.Count,
            db.Set<ScoreReviewRequest>().IgnoreQueryFilters().Any(q => q.SubjectScoreId == s.Id && q.Status == ScoreReviewStatus.Pending),
            p.NoticeStartUtc, p.NoticeEndUtc, p.ScoreEntryStartUtc, p.ScoreEntryEndUtc);

    private int RequireOrganization() =>
        currentUser.IsOrganization() && currentUser.OrganizationId is int id ? id : throw new DomainRuleException("只有培训评价组织可以登记和修改成绩");

    private void Publish(int organizationId) => changes.Publish(new ChangeNotice(Topic, OrganizationId: organizationId));

    private static string TrimName(string fileName)
    {
        var name = Path.GetFileName(fileName);
        name = string.IsNullOrWhiteSpace(name) ? "科目成绩.xlsx" : name;
        return name.Length > ImportRecord.FileNameMaxLength ? name[^ImportRecord.FileNameMaxLength..] : name;
    }
}
