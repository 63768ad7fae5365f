using CertHub.Core.Registrations;
using CertHub.Core.Scheduling;
using CertHub.Core.Scores.Import;

namespace CertHub.Tests.Support.Builders;

/// <summary>A seat as the score template names it: 准考证号, 考生编号, 姓名, 科目编号.</summary>
public sealed record ScoreSeatRow(string Ticket, string CandidateNo, string Name, string SubjectCode, SeededRegistration Registration)
{
    public ScoreImportRow Row(int n, string? score, string? name = null, string? candidateNo = null, string? code = null) =>
        new(n + 1, Ticket, candidateNo ?? CandidateNo, name ?? Name, code ?? SubjectCode, score);
}

/// <summary>
/// An <see cref="ExamChainSeed"/> plan (成绩登记 Day 17..20, 公示 Day 20..25) with two junior subjects (KM001, KM002; 满分 100,
/// 合格 60) and candidate A of the school and candidate B of the other school seated in both (A1, A2, B1, B2).
/// </summary>
public sealed record AScoredPlan(IssuanceCatalogSeed Seed, ExamChainSeed Chain, ScoreSeatRow A1, ScoreSeatRow A2, ScoreSeatRow B1, ScoreSeatRow B2)
{
    public static readonly DateTimeOffset InEntry = ADomain.Day(18);
    public static readonly DateTimeOffset InNotice = ADomain.Day(21);
    public static readonly DateTimeOffset AfterNotice = ADomain.Day(26);

    public static string Ticket(int n) => $"2021091600241100000020{n:D4}";

    public static AScoredPlan SaveIn(SqliteTestDb db)
    {
        var seed = IssuanceCatalogSeed.SaveIn(db);
        var chain = ExamChainSeed.SaveIn(db, seed, siteSchoolId: seed.SchoolId);
        var a = chain.SaveRegistration(db, ExamChainSeed.SaveCandidate(db, seed.SchoolId));
        var b = chain.SaveRegistration(db, ExamChainSeed.SaveCandidate(db, seed.OtherSchoolId, ADomain.OtherValidIdNumber));
        using var context = db.OpenAsSystem();
        var first = RoomSession.Create(chain.ExamPlanId, chain.ExamRoomId, chain.SubjectId, ADomain.Day(16, 8), ADomain.Day(16, 9), 30);
        var second = RoomSession.Create(chain.ExamPlanId, chain.ExamRoomId, chain.OtherSubjectId, ADomain.Day(16, 10), ADomain.Day(16, 11), 30);
        first.AssignSeat(a.Id, a.CandidateId, a.SchoolId, 1, Ticket(1));
        first.AssignSeat(b.Id, b.CandidateId, b.SchoolId, 2, Ticket(2));
        second.AssignSeat(a.Id, a.CandidateId, a.SchoolId, 1, Ticket(3));
        second.AssignSeat(b.Id, b.CandidateId, b.SchoolId, 2, Ticket(4));
        context.AddRange(first, second);
        context.SaveChanges();
        var registrations = context.Set<Registration>().ToDictionary(r => r.Id);
        ScoreSeatRow SeatOf(SeededRegistration r, string ticket, string code) => new(ticket, registrations[r.Id].CandidateNo, registrations[r.Id].Name, code, r);
        return new AScoredPlan(seed, chain, SeatOf(a, Ticket(1), "KM001"), SeatOf(a, Ticket(3), "KM002"), SeatOf(b, Ticket(2), "KM001"), SeatOf(b, Ticket(4), "KM002"));
    }
}
