using CertHub.Core.Exams;
using CertHub.Core.Scores;

namespace CertHub.Data.Seed;

public sealed partial class OperationsDemoSeeder
{
    /// <summary>
    /// 科目成绩 for plans from 成绩登记中 on (partly while 成绩登记中; some 缺考 and some below 合格分), corrections (one
    /// without reason in the 成绩登记时间, with a reason in the 公示期) and 成绩复核 requests (待处理, 维持原成绩, 已更正).
    /// </summary>
    private static async Task SeedScoresAsync(CertHubDbContext db, SeedState state, CancellationToken ct)
    {
        var scored = state.Plans.Where(p => p.IsAtLeast(ExamPlanStage.ScoreEntry)).ToList();
        foreach (var seeded in scored)
        {
            var random = new Random(20210916 + seeded.Plan.Id);
            var entered = Past(state, seeded.Plan.ScoreEntryStartUtc.AddDays(1));
            foreach (var session in seeded.Sessions)
            {
                var subject = state.Subjects.First(s => s.Id == session.SubjectId);
                var theory = subject.ExamMode != ExamMode.Practical;
                foreach (var seat in session.Seats.OrderBy(s => s.SeatNo))
                {
                    if (seeded.Stage == ExamPlanStage.ScoreEntry && (theory ? seat.SeatNo % 3 == 0 : seat.SeatNo % 3 != 1))
                    {
                        continue;
                    }

                    var roll = random.Next(100);
                    var absent = roll < 4;
                    decimal? score = absent ? null : roll < 18 ? random.Next(30, 60) : random.Next(60, 99) + (roll % 2) * 0.5m;
                    var row = SubjectScore.Record(seeded.Plan.Id, subject.Id, seat.CandidateId, seat.RegistrationId, score, absent,
                        subject.FullMark, subject.PassMark, entered.AddSeconds(seat.SeatNo));
                    state.Scores.Add(row);
                    db.Add(row);
                }
            }
        }

        await db.SaveChangesAsync(ct);
        foreach (var seeded in scored)
        {
            CorrectAndReview(db, state, seeded);
        }

        await db.SaveChangesAsync(ct);
    }

    private static void CorrectAndReview(CertHubDbContext db, SeedState state, SeededPlan seeded)
    {
        var plan = seeded.Plan;
        var window = new ScoreWindow(plan.ScoreEntryStartUtc, plan.ScoreEntryEndUtc, plan.NoticeStartUtc, plan.NoticeEndUtc);
        var scores = state.Scores.Where(s => s.ExamPlanId == plan.Id && !s.IsAbsent).ToList();
        if (scores.Count < 4)
        {
            return;
        }

        var organization = state.Organizations[plan.OrganizationId];
        var actor = organization.ContactName ?? organization.Name;
        if (seeded.Stage == ExamPlanStage.ScoreEntry)
        {
            scores[0].Correct(Math.Min(scores[0].FullMark, scores[0].Score!.Value + 2), false, null, actor, Past(state, window.ScoreEntryStartUtc.AddDays(2)), window);
            return;
        }

        var noticeAt = Past(state, window.NoticeStartUtc.AddHours(4));
        scores[0].Correct(Math.Min(scores[0].FullMark, scores[0].Score!.Value + 3), false, "阅卷复核发现第三大题漏计分数，予以更正", actor, noticeAt, window);
        var school = state.Candidate(scores[1].CandidateId).SchoolId;
        var filer = state.Contacts.GetValueOrDefault(school, "管理员");
        var review = ScoreReviewRequest.File(scores[1].Id, school, "考生对实操成绩有异议，申请复核", filer, noticeAt.AddMinutes(10), window);
        db.Add(review);
        if (seeded.Stage == ExamPlanStage.Notice)
        {
            var answered = ScoreReviewRequest.File(scores[2].Id, state.Candidate(scores[2].CandidateId).SchoolId, "考生认为理论成绩偏低，申请复核", filer, noticeAt.AddMinutes(20), window);
            answered.Maintain("经复核，评分无误，维持原成绩", actor, Past(state, noticeAt.AddHours(2)));
            db.Add(answered);
        }
        else
        {
            review.Correct(scores[1], Math.Min(scores[1].FullMark, scores[1].Score!.Value + 5), false, "经复核，实操第二项评分有误，更正成绩", actor, noticeAt.AddDays(1), window);
        }
    }

    /// <summary>考证结果 for plans from 考试中 on, computed by <see cref="ResultCalculator"/> from the scores (各科成绩合格).</summary>
    private static async Task SeedResultsAsync(CertHubDbContext db, SeedState state, CancellationToken ct)
    {
        foreach (var seeded in state.Plans.Where(p => p.IsAtLeast(ExamPlanStage.Examination)))
        {
            var plan = seeded.Plan;
            var locked = state.Now >= plan.NoticeEndUtc;
            var created = Past(state, plan.SchedulingEndUtc);
            var updated = Past(state, locked ? plan.NoticeEndUtc : plan.ScoreEntryStartUtc.AddDays(2));
            foreach (var group in seeded.Registrations.Where(r => r.IsScheduled).GroupBy(r => (r.CandidateId, r.CertificateId, r.Level)))
            {
                var first = group.First();
                var candidate = state.Candidate(first.CandidateId);
                var required = state.SubjectsOf(first.CertificateId, first.Level)
                    .Where(s => s.IsOpenTo(candidate.CandidateType) && plan.SubjectTime(s.Id) is not null)
                    .Select(s => new RequiredSubject(s.Id, s.PassMark)).ToList();
                var scores = state.Scores.Where(s => s.ExamPlanId == plan.Id && s.CandidateId == candidate.Id).Select(s => s.ToValue()).ToList();
                var result = CertificateResult.Create(candidate.Id, plan.Id, first.CertificateId, first.Level, candidate.SchoolId, SiteOf(state, first).Id, created);
                result.Apply(ResultCalculator.Compute(required, scores, locked), updated);
                state.Results.Add(result);
            }
        }

        db.AddRange(state.Results);
        await db.SaveChangesAsync(ct);
    }
}
