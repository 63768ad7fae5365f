using System.ComponentModel.DataAnnotations;

namespace CertHub.Core.Scheduling;

/// <summary>The hard constraints a schedule must never break.</summary>
public enum ScheduleViolationKind
{
    [Display(Name = "座位超出考位数")] Capacity,
    [Display(Name = "座位号重复")] DuplicateSeat,
    [Display(Name = "考场不支持该科目")] RoomSubject,
    [Display(Name = "考场类型与考试方式不符")] RoomType,
    [Display(Name = "场次时间与科目考试时间不符")] SessionTime,
    [Display(Name = "考生考试时间重叠")] CandidateOverlap,
    [Display(Name = "监考人员时间重叠")] InvigilatorOverlap,
    [Display(Name = "监考人员未认证")] InvigilatorNotCertified,
    [Display(Name = "监考人员过多或重复")] InvigilatorCount,
    [Display(Name = "考场时间重叠")] RoomOverlap,
    [Display(Name = "考生不在可用考核站点")] SiteNotAllowed,
    [Display(Name = "座位上的报考未缴费或已撤销")] NotPaid,
    [Display(Name = "考生重复排考")] DuplicatePlacement,
    [Display(Name = "准考证号重复")] DuplicateTicket,
    [Display(Name = "考场或科目不存在")] Unknown,
}

public sealed record ScheduleViolation(ScheduleViolationKind Kind, string Message);

/// <summary>The soft-constraint scores of a schedule.</summary>
public sealed record ScheduleScores(
    int Seated,
    int NeighbourPairs,
    int SameSchoolNeighbourPairs,
    int InvigilatorAssignments,
    int SameSchoolInvigilations,
    int SessionsShortOfInvigilators,
    int Sessions,
    int ExtraPartlyFilledSessions)
{
    /// <summary>同校相邻比例: share of neighbouring occupied seat pairs (n, n+1) from the same school.</summary>
    public double SameSchoolNeighbourShare => NeighbourPairs == 0 ? 0 : (double)SameSchoolNeighbourPairs / NeighbourPairs;

    /// <summary>交叉监考比例: share of invigilator assignments not from any of the session's candidates' schools.</summary>
    public double CrossInvigilationShare => InvigilatorAssignments == 0 ? 1 : 1 - ((double)SameSchoolInvigilations / InvigilatorAssignments);
}

public sealed record ScheduleCheckReport(IReadOnlyList<ScheduleViolation> Violations, ScheduleScores Scores)
{
    public bool IsValid => Violations.Count == 0;

    public int Count(ScheduleViolationKind kind) => Violations.Count(v => v.Kind == kind);
}

/// <summary>
/// 排考校验: verifies a schedule against every hard constraint and computes the soft scores, independently of
/// <see cref="ExamScheduler"/> (it shares none of its placement code), so the scheduler and manual changes are checked
/// by a second opinion. Usable seats are read from the room (考位数), not from the run options.
/// </summary>
public static class ScheduleChecker
{
    public static ScheduleCheckReport Check(SchedulingProblem problem, IReadOnlyList<ScheduledSession> sessions)
    {
        var violations = new List<ScheduleViolation>();
        void Fail(ScheduleViolationKind kind, string message) => violations.Add(new ScheduleViolation(kind, message));

        var rooms = problem.Rooms.ToDictionary(r => r.Id);
        var subjects = problem.Subjects.ToDictionary(s => s.Id);
        var invigilators = problem.Invigilators.ToDictionary(i => i.Id);
        var demands = new Dictionary<(int, int), SchedulingDemand>();
        foreach (var demand in problem.Demands)
        {
            demands.TryAdd((demand.RegistrationId, demand.SubjectId), demand);
        }

        var candidateTimes = new List<(int Owner, DateTimeOffset Start, DateTimeOffset End, string What)>();
        var invigilatorTimes = new List<(int Owner, DateTimeOffset Start, DateTimeOffset End, string What)>();
        var roomTimes = new List<(int Owner, DateTimeOffset Start, DateTimeOffset End, string What)>();
        candidateTimes.AddRange(problem.CandidateCommitments.Select(b => (b.OwnerId, b.StartUtc, b.EndUtc, "其他考试计划")));
        invigilatorTimes.AddRange(problem.InvigilatorCommitments.Select(b => (b.OwnerId, b.StartUtc, b.EndUtc, "其他考试计划")));
        var placements = new HashSet<(int, int)>();
        var tickets = new HashSet<string>(StringComparer.Ordinal);

        foreach (var session in sessions)
        {
            var where = $"考场{session.RoomId}科目{session.SubjectId}";
            if (!rooms.TryGetValue(session.RoomId, out var room) || !subjects.TryGetValue(session.SubjectId, out var subject))
            {
                Fail(ScheduleViolationKind.Unknown, $"{where}: 考场或科目不存在");
                continue;
            }

            if (!room.SubjectIds.Contains(subject.Id))
            {
                Fail(ScheduleViolationKind.RoomSubject, $"{where}: 考场未设置该科目");
            }

            if (room.RoomType != subject.RoomType)
            {
                Fail(ScheduleViolationKind.RoomType, $"{where}: 考场类型与考试方式不符");
            }

            if (session.StartUtc != subject.StartUtc || session.EndUtc != subject.EndUtc || session.EndUtc <= session.StartUtc)
            {
                Fail(ScheduleViolationKind.SessionTime, $"{where}: 场次时间与科目考试时间不符");
            }

            var limit = Math.Min(session.Capacity, room.SeatCount);
            if (session.Capacity > room.SeatCount || session.Seats.Count > limit)
            {
                Fail(ScheduleViolationKind.Capacity, $"{where}: 排考{session.Seats.Count}人，考位数{room.SeatCount}");
            }

            var seatNos = new HashSet<int>();
            foreach (var seat in session.Seats)
            {
                if (seat.SeatNo < 1 || seat.SeatNo > limit)
                {
                    Fail(ScheduleViolationKind.Capacity, $"{where}: 座位号{seat.SeatNo}超出考位数{limit}");
                }

                if (!seatNos.Add(seat.SeatNo))
                {
                    Fail(ScheduleViolationKind.DuplicateSeat, $"{where}: 座位号{seat.SeatNo}重复");
                }

                if (!demands.TryGetValue((seat.RegistrationId, subject.Id), out var demand))
                {
                    Fail(ScheduleViolationKind.NotPaid, $"{where}: 报考{seat.RegistrationId}未缴费或已撤销");
                }
                else if (!demand.SiteIds.Contains(room.SiteId))
                {
                    Fail(ScheduleViolationKind.SiteNotAllowed, $"{where}: 报考{seat.RegistrationId}不能在该考核站点考试");
                }

                if (!placements.Add((seat.RegistrationId, subject.Id)))
                {
                    Fail(ScheduleViolationKind.DuplicatePlacement, $"报考{seat.RegistrationId}在科目{subject.Id}中重复排考");
                }

                if (!tickets.Add(seat.AdmissionTicketNo))
                {
                    Fail(ScheduleViolationKind.DuplicateTicket, $"准考证号{seat.AdmissionTicketNo}重复");
                }

                candidateTimes.Add((seat.CandidateId, session.StartUtc, session.EndUtc, where));
            }

            if (session.Invigilators.Count > RoomSession.MaxInvigilators
                || session.Invigilators.Select(i => i.InvigilatorId).Distinct().Count() != session.Invigilators.Count)
            {
                Fail(ScheduleViolationKind.InvigilatorCount, $"{where}: 监考人员过多或重复");
            }

            foreach (var assigned in session.Invigilators)
            {
                if (!invigilators.TryGetValue(assigned.InvigilatorId, out var invigilator)
                    || !invigilator.Certified.Contains(new CertifiedLevel(subject.CertificateId, subject.Level)))
                {
                    Fail(ScheduleViolationKind.InvigilatorNotCertified, $"{where}: 监考人员{assigned.InvigilatorId}未获该证书等级认证");
                }

                invigilatorTimes.Add((assigned.InvigilatorId, session.StartUtc, session.EndUtc, where));
            }

            roomTimes.Add((session.RoomId, session.StartUtc, session.EndUtc, where));
        }

        foreach (var clash in Clashes(candidateTimes))
        {
            Fail(ScheduleViolationKind.CandidateOverlap, $"考生{clash.Owner}: {clash.First}与{clash.Second}时间重叠");
        }

        foreach (var clash in Clashes(invigilatorTimes))
        {
            Fail(ScheduleViolationKind.InvigilatorOverlap, $"监考人员{clash.Owner}: {clash.First}与{clash.Second}时间重叠");
        }

        foreach (var clash in Clashes(roomTimes))
        {
            Fail(ScheduleViolationKind.RoomOverlap, $"考场{clash.Owner}: {clash.First}与{clash.Second}时间重叠");
        }

        return new ScheduleCheckReport(violations, Score(sessions, rooms));
    }

    /// <summary>Overlapping pairs per owner (sorted sweep: each interval against the running latest end).</summary>
    private static IEnumerable<(int Owner, string First, string Second)> Clashes(List<(int Owner, DateTimeOffset Start, DateTimeOffset End, string What)> times)
    {
        foreach (var owner in times.GroupBy(t => t.Owner))
        {
            var sorted = owner.OrderBy(t => t.Start).ToList();
            for (var i = 1; i < sorted.Count; i++)
            {
                var latest = sorted.Take(i).MaxBy(t => t.End);
                if (sorted[i].Start < latest.End)
                {
                    yield return (owner.Key, latest.What, sorted[i].What);
                }
            }
        }
    }

    private static ScheduleScores Score(IReadOnlyList<ScheduledSession> sessions, Dictionary<int, SchedulingRoom> rooms)
    {
        int seated = 0, pairs = 0, samePairs = 0, assignments = 0, sameInvigilations = 0, shortOfInvigilators = 0;
        foreach (var session in sessions)
        {
            var bySeat = session.Seats.GroupBy(s => s.SeatNo).ToDictionary(g => g.Key, g => g.First().SchoolId);
            seated += session.Seats.Count;
            foreach (var (seatNo, schoolId) in bySeat)
            {
                if (bySeat.TryGetValue(seatNo + 1, out var next))
                {
                    pairs++;
                    samePairs += next == schoolId ? 1 : 0;
                }
            }

            var schools = session.Seats.Select(s => s.SchoolId).ToHashSet();
            assignments += session.Invigilators.Count;
            sameInvigilations += session.Invigilators.Count(i => schools.Contains(i.SchoolId));
            shortOfInvigilators += session.Seats.Count > 0 && session.Invigilators.Count < RoomSession.MaxInvigilators ? 1 : 0;
        }

        // Rooms filled before new ones are opened: per subject and site, at most one session should have free seats.
        var extra = sessions.Where(s => rooms.ContainsKey(s.RoomId))
            .GroupBy(s => (s.SubjectId, rooms[s.RoomId].SiteId))
            .Sum(g => Math.Max(0, g.Count(s => s.Seats.Count < s.Capacity) - 1));
        return new ScheduleScores(seated, pairs, samePairs, assignments, sameInvigilations, shortOfInvigilators, sessions.Count, extra);
    }
}
