using System.Diagnostics;
using System.Globalization;
using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using CertHub.Core.Scheduling;

namespace CertHub.Bench;

/// <summary>
/// scheduling: the in-memory scheduler on a generated plan (default 20,000 paid registrations 按科目 over 3 subjects at
/// different times, 40 sites each hosting 3 schools, 500 rooms, 300 certified invigilators), checked by the independent
/// <see cref="ScheduleChecker"/>; then an incremental re-run with late changes.
/// </summary>
public static class SchedulingBench
{
    private const int PlanId = 1;
    private const int CertificateId = 1;

    public static int Run(string[] args)
    {
        var registrations = Arg(args, 0, 20_000);
        var siteCount = Arg(args, 1, 40);
        var roomCount = Arg(args, 2, 500);
        var invigilatorCount = Arg(args, 3, 300);
        var problem = Generate(registrations, siteCount, roomCount, invigilatorCount);
        Console.WriteLine($"CertHub scheduling bench — {Environment.ProcessorCount} cores, {registrations:N0} paid registrations, {problem.Subjects.Count} subjects, " +
            $"{siteCount} sites, {problem.Rooms.Count} rooms ({problem.Rooms.Sum(r => r.SeatCount):N0} seats), {problem.Invigilators.Count} invigilators, " +
            $"{problem.Demands.Select(d => d.SchoolId).Distinct().Count()} schools");

        ExamScheduler.Run(Generate(500, 4, 50, 30), SchedulingOptions.Default); // warm-up (JIT)
        var watch = Stopwatch.StartNew();
        var result = ExamScheduler.Run(problem, SchedulingOptions.Default);
        watch.Stop();
        var checkWatch = Stopwatch.StartNew();
        var check = ScheduleChecker.Check(problem, result.Sessions);
        checkWatch.Stop();
        var scores = check.Scores;
        var unplaced = result.Shortfalls.Where(s => ShortfallReasons.IsSeatShortfall(s.Reason)).Sum(s => s.Count);

        Console.WriteLine();
        Console.WriteLine($"full schedule (ExamScheduler.Run): {watch.Elapsed.TotalSeconds:F2} s   target < 5 s   {Verdict(watch.Elapsed.TotalSeconds < 5)}");
        Console.WriteLine($"  seated {scores.Seated:N0} of {problem.Demands.Count:N0}, unplaced {unplaced:N0}, {result.Sessions.Count:N0} room sessions, {result.InvigilatorsAssigned:N0} invigilator assignments");
        Console.WriteLine($"hard-constraint violations (independent ScheduleChecker, {checkWatch.Elapsed.TotalSeconds:F2} s): {check.Violations.Count}   target 0   {Verdict(check.IsValid)}");
        foreach (var violation in check.Violations.Take(5))
        {
            Console.WriteLine($"  {violation.Kind}: {violation.Message}");
        }

        Console.WriteLine($"same-school neighbours: {scores.SameSchoolNeighbourPairs:N0} of {scores.NeighbourPairs:N0} pairs = {scores.SameSchoolNeighbourShare:P2}   target < 5%   {Verdict(scores.SameSchoolNeighbourShare < 0.05)}");
        Console.WriteLine($"cross-invigilation: {scores.CrossInvigilationShare:P1} of assignments not from the candidates' schools; sessions short of invigilators: {scores.SessionsShortOfInvigilators}");
        Console.WriteLine($"rooms opened before others were full (extra partly filled sessions): {scores.ExtraPartlyFilledSessions}");
        foreach (var shortfall in result.Shortfalls.Take(5))
        {
            Console.WriteLine($"  shortfall subject {shortfall.SubjectId} site {shortfall.SiteId}: {shortfall.Reason}");
        }

        // Late changes: 1% withdrawn, 1% newly paid; nobody already placed may move.
        var withdrawn = problem.Demands.Where((_, i) => i % 100 == 7).Select(d => d.RegistrationId).ToHashSet();
        var late = Generate(registrations / 100, siteCount, roomCount, invigilatorCount, firstRegistration: 10_000_000).Demands;
        var changed = problem with
        {
            Existing = result.Sessions,
            Demands = [.. problem.Demands.Where(d => !withdrawn.Contains(d.RegistrationId)), .. late],
        };
        watch.Restart();
        var rerun = ExamScheduler.Run(changed, SchedulingOptions.Default);
        watch.Stop();
        var before = result.Sessions.SelectMany(s => s.Seats.Select(x => (s.RoomId, x))).Where(p => !withdrawn.Contains(p.x.RegistrationId)).ToHashSet();
        var after = rerun.Sessions.SelectMany(s => s.Seats.Select(x => (s.RoomId, x))).ToHashSet();
        var moved = before.Count(b => !after.Contains(b));
        var recheck = ScheduleChecker.Check(changed, rerun.Sessions);
        Console.WriteLine();
        Console.WriteLine($"incremental re-run ({withdrawn.Count:N0} withdrawn, {late.Count:N0} newly paid): {watch.Elapsed.TotalSeconds:F2} s, " +
            $"seats changed {rerun.SeatsChanged:N0} (+{rerun.SeatsAdded:N0} / -{rerun.SeatsRemoved:N0}), already placed moved: {moved}   target 0   {Verdict(moved == 0)}, " +
            $"violations {recheck.Violations.Count}   target 0   {Verdict(recheck.IsValid)}");
        return check.IsValid && recheck.IsValid && moved == 0 ? 0 : 1;
    }

    private static string Verdict(bool ok) => ok ? "OK" : "MISSED";

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

    /// <summary>
    /// A deterministic plan: subjects 理论 (笔试, 40%), 机考 (35%), 实操 (25%) on two days; sites each host one school and
    /// lend seats to two more (借考); rooms per site split by type in proportion to demand, 45-80 seats each.
    /// </summary>
    private static SchedulingProblem Generate(int registrations, int siteCount, int roomCount, int invigilatorCount, int firstRegistration = 1)
    {
        var day = new DateTimeOffset(2021, 9, 18, 0, 0, 0, TimeSpan.Zero);
        SchedulingSubject Subject(int id, RoomType type, int hour) =>
            new(id, $"4000000110{id}", $"科目{id}", CertificateId, CertificateLevel.Junior, type, day.AddHours(hour), day.AddHours(hour + 2));
        var subjects = new List<SchedulingSubject> { Subject(1, RoomType.Ordinary, 1), Subject(2, RoomType.ComputerRoom, 6), Subject(3, RoomType.PracticalRoom, 25) };
        var shares = new[] { 0.40, 0.35, 0.25 };

        var random = new Random(firstRegistration);
        var rooms = new List<SchedulingRoom>();
        for (var r = 0; r < roomCount; r++)
        {
            var site = (r % siteCount) + 1;
            var share = (double)(r / siteCount) / Math.Max(1, roomCount / siteCount); // position of the room within its site, 0..1
            var subject = share < shares[0] ? subjects[0] : share < shares[0] + shares[1] ? subjects[1] : subjects[2];
            rooms.Add(new SchedulingRoom(r + 1, $"第{r + 1}考场", site, site, subject.RoomType, 45 + random.Next(0, 8) * 5, [subject.Id]));
        }

        var demands = new List<SchedulingDemand>(registrations);
        var weights = new[] { 1.0, 0.8, 0.6 };
        for (var i = 0; i < registrations; i++)
        {
            var site = (i % siteCount) + 1;
            var pick = random.NextDouble() * weights.Sum();
            var k = pick < weights[0] ? 0 : pick < weights[0] + weights[1] ? 1 : 2;
            var school = site + (k * siteCount); // school = site for the host, + siteCount / + 2 siteCount for the borrowers
            var roll = random.NextDouble();
            var subject = roll < shares[0] ? subjects[0] : roll < shares[0] + shares[1] ? subjects[1] : subjects[2];
            var registration = firstRegistration + i;
            demands.Add(new SchedulingDemand(registration, registration, school, subject.Id, [site]));
        }

        var invigilators = Enumerable.Range(1, invigilatorCount)
            .Select(i => new SchedulingInvigilator(i, ((i - 1) % (siteCount * 3)) + 1, [new CertifiedLevel(CertificateId, CertificateLevel.Junior)])).ToList();
        return new SchedulingProblem(PlanId, subjects, rooms, demands, invigilators, []);
    }
}
