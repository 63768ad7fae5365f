namespace CertHub.Core.Scheduling;

/// <summary>A seat a refused move could go to instead, with the same-school neighbours it would have.</summary>
public sealed record SeatSuggestion(int RoomId, int SeatNo, int SameSchoolNeighbours);

/// <summary>An invigilator that could take the place instead: free at that time and certified.</summary>
public sealed record InvigilatorSuggestion(int InvigilatorId, int SchoolId, bool IsCrossInvigilation, int Load);

/// <summary>The outcome of a manual change: the new schedule when done, else why not and the least harmful alternatives.</summary>
public sealed record ScheduleEdit(
    bool Done,
    string? Refusal,
    IReadOnlyList<ScheduledSession> Sessions,
    IReadOnlyList<SeatSuggestion> SeatSuggestions,
    IReadOnlyList<InvigilatorSuggestion> InvigilatorSuggestions)
{
    internal static ScheduleEdit Ok(IReadOnlyList<ScheduledSession> sessions) => new(true, null, sessions, [], []);

    internal static ScheduleEdit Refused(IReadOnlyList<ScheduledSession> sessions, string reason, IReadOnlyList<SeatSuggestion>? seats = null, IReadOnlyList<InvigilatorSuggestion>? invigilators = null) =>
        new(false, reason, sessions, seats ?? [], invigilators ?? []);
}

/// <summary>
/// 手动调整: move a candidate to another seat or room session of the same subject, replace or swap invigilators. Each change
/// is checked against the hard constraints (seat free and within the room's seats, the room at one of the candidate's sites,
/// certification, no overlapping times); a refused change lists the least harmful alternatives.
/// </summary>
public static class ScheduleEditor
{
    public const int SuggestionCount = 5;

    /// <summary>Moves a registration's seat of <paramref name="subjectId"/> to <paramref name="seatNo"/> (or the best free seat) in the room's session.</summary>
    public static ScheduleEdit MoveSeat(SchedulingProblem problem, IReadOnlyList<ScheduledSession> sessions, int registrationId, int subjectId, int targetRoomId, int? seatNo)
    {
        var source = sessions.FirstOrDefault(s => s.SubjectId == subjectId && s.Seats.Any(x => x.RegistrationId == registrationId));
        if (source is null)
        {
            return ScheduleEdit.Refused(sessions, "该考生尚未排考该科目");
        }

        var seat = source.Seats.First(x => x.RegistrationId == registrationId);
        var demand = problem.Demands.FirstOrDefault(d => d.RegistrationId == registrationId && d.SubjectId == subjectId);
        var sites = demand?.SiteIds ?? [];
        var rooms = problem.Rooms.ToDictionary(r => r.Id);
        var target = sessions.FirstOrDefault(s => s.RoomId == targetRoomId && s.SubjectId == subjectId);
        var suggestions = Suggest(problem, sessions, seat, subjectId, sites, rooms, targetRoomId);
        if (target is null)
        {
            return ScheduleEdit.Refused(sessions, "目标考场没有该科目的考场场次", suggestions);
        }

        if (!sites.Contains(rooms[targetRoomId].SiteId))
        {
            return ScheduleEdit.Refused(sessions, "目标考场不在该考生可用的考核站点", suggestions);
        }

        var limit = Math.Min(target.Capacity, rooms[targetRoomId].SeatCount);
        var wanted = seatNo ?? FreeSeats(target, limit, seat).Where(n => !(ReferenceEquals(target, source) && n == seat.SeatNo)).OrderBy(n => SameSchoolNeighbours(target, n, seat)).ThenBy(n => n).Cast<int?>().FirstOrDefault();
        if (wanted is null)
        {
            return ScheduleEdit.Refused(sessions, "目标考场已满: 没有空座位", suggestions);
        }

        if (wanted < 1 || wanted > limit)
        {
            return ScheduleEdit.Refused(sessions, $"座位号应在1到{limit}之间", suggestions);
        }

        if (target.Seats.Any(x => x.SeatNo == wanted && x.RegistrationId != registrationId))
        {
            return ScheduleEdit.Refused(sessions, $"座位号{wanted}已被占用", suggestions);
        }

        if (ReferenceEquals(target, source) && seat.SeatNo == wanted)
        {
            return ScheduleEdit.Refused(sessions, "考生已在该座位", suggestions);
        }

        var subject = problem.Subjects.First(s => s.Id == subjectId);
        var moved = seat with
        {
            SeatNo = wanted.Value,
            AdmissionTicketNo = AdmissionTicketNumber.ForSubject(problem.ExamPlanId, subject.Code, subject.Id, targetRoomId, wanted.Value),
        };
        var result = sessions.Select(s =>
        {
            var seats = s.Seats.Where(x => !(ReferenceEquals(s, source) && x.RegistrationId == registrationId)).ToList();
            if (ReferenceEquals(s, target))
            {
                seats.Add(moved);
            }

            return s with { Seats = [.. seats.OrderBy(x => x.SeatNo)] };
        }).ToList();
        return ScheduleEdit.Ok(result);
    }

    /// <summary>Replaces <paramref name="outgoingId"/> by <paramref name="incomingId"/> in the session of the room and subject.</summary>
    public static ScheduleEdit ReplaceInvigilator(SchedulingProblem problem, IReadOnlyList<ScheduledSession> sessions, int roomId, int subjectId, int outgoingId, int incomingId)
    {
        var session = sessions.FirstOrDefault(s => s.RoomId == roomId && s.SubjectId == subjectId);
        if (session is null)
        {
            return ScheduleEdit.Refused(sessions, "考场场次不存在");
        }

        if (session.Invigilators.All(i => i.InvigilatorId != outgoingId))
        {
            return ScheduleEdit.Refused(sessions, "该监考人员未安排在本场次");
        }

        var without = Replace(sessions, session, session with { Invigilators = [.. session.Invigilators.Where(i => i.InvigilatorId != outgoingId)] });
        var refusal = InvigilatorRefusal(problem, without, session, incomingId);
        if (refusal is not null)
        {
            return ScheduleEdit.Refused(sessions, refusal, invigilators: SuggestInvigilators(problem, without, session, [outgoingId]));
        }

        var incoming = problem.Invigilators.First(i => i.Id == incomingId);
        var updated = session with
        {
            Invigilators = [.. session.Invigilators.Select(i => i.InvigilatorId == outgoingId ? new ScheduledInvigilator(incoming.Id, incoming.SchoolId) : i)],
        };
        return ScheduleEdit.Ok(Replace(sessions, session, updated));
    }

    /// <summary>Swaps invigilator <paramref name="firstId"/> of session A with <paramref name="secondId"/> of session B.</summary>
    public static ScheduleEdit SwapInvigilators(
        SchedulingProblem problem, IReadOnlyList<ScheduledSession> sessions, (int RoomId, int SubjectId) first, int firstId, (int RoomId, int SubjectId) second, int secondId)
    {
        var a = sessions.FirstOrDefault(s => s.RoomId == first.RoomId && s.SubjectId == first.SubjectId);
        var b = sessions.FirstOrDefault(s => s.RoomId == second.RoomId && s.SubjectId == second.SubjectId);
        if (a is null || b is null || a == b)
        {
            return ScheduleEdit.Refused(sessions, "请选择两个不同的考场场次");
        }

        var ia = a.Invigilators.FirstOrDefault(i => i.InvigilatorId == firstId);
        var ib = b.Invigilators.FirstOrDefault(i => i.InvigilatorId == secondId);
        if (ia is null || ib is null)
        {
            return ScheduleEdit.Refused(sessions, "该监考人员未安排在所选场次");
        }

        var a0 = a with { Invigilators = [.. a.Invigilators.Where(i => i != ia)] };
        var b0 = b with { Invigilators = [.. b.Invigilators.Where(i => i != ib)] };
        var without = Replace(Replace(sessions, a, a0), b, b0);
        var refusal = InvigilatorRefusal(problem, without, a, secondId) ?? InvigilatorRefusal(problem, without, b, firstId);
        if (refusal is not null)
        {
            return ScheduleEdit.Refused(sessions, refusal, invigilators: SuggestInvigilators(problem, without, a, [firstId, secondId]));
        }

        var result = Replace(Replace(without, a0, a0 with { Invigilators = [.. a0.Invigilators, ib] }), b0, b0 with { Invigilators = [.. b0.Invigilators, ia] });
        return ScheduleEdit.Ok(result);
    }

    private static string? InvigilatorRefusal(SchedulingProblem problem, IReadOnlyList<ScheduledSession> sessions, ScheduledSession session, int invigilatorId)
    {
        var invigilator = problem.Invigilators.FirstOrDefault(i => i.Id == invigilatorId);
        var subject = problem.Subjects.First(s => s.Id == session.SubjectId);
        if (invigilator is null || !invigilator.IsCertifiedFor(subject))
        {
            return "该监考人员未获得该证书等级的监考认证";
        }

        if (session.Invigilators.Any(i => i.InvigilatorId == invigilatorId))
        {
            return "该监考人员已安排在本场次";
        }

        return IsBusy(problem, sessions, invigilatorId, session) ? "该监考人员在该时间已安排其他考场" : null;
    }

    private static bool IsBusy(SchedulingProblem problem, IReadOnlyList<ScheduledSession> sessions, int invigilatorId, ScheduledSession session) =>
        sessions.Any(s => !(s.RoomId == session.RoomId && s.SubjectId == session.SubjectId)
                && s.Invigilators.Any(i => i.InvigilatorId == invigilatorId) && s.Overlaps(session.StartUtc, session.EndUtc))
            || problem.InvigilatorCommitments.Any(b => b.OwnerId == invigilatorId && b.StartUtc < session.EndUtc && session.StartUtc < b.EndUtc);

    private static List<InvigilatorSuggestion> SuggestInvigilators(SchedulingProblem problem, IReadOnlyList<ScheduledSession> sessions, ScheduledSession session, int[] excluded)
    {
        var subject = problem.Subjects.First(s => s.Id == session.SubjectId);
        var schools = session.Seats.Select(s => s.SchoolId).ToHashSet();
        var target = sessions.First(s => s.RoomId == session.RoomId && s.SubjectId == session.SubjectId);
        return [.. problem.Invigilators
            .Where(i => !excluded.Contains(i.Id) && i.IsCertifiedFor(subject) && target.Invigilators.All(x => x.InvigilatorId != i.Id) && !IsBusy(problem, sessions, i.Id, target))
            .Select(i => new InvigilatorSuggestion(i.Id, i.SchoolId, !schools.Contains(i.SchoolId), sessions.Count(s => s.Invigilators.Any(x => x.InvigilatorId == i.Id))))
            .OrderByDescending(s => s.IsCrossInvigilation).ThenBy(s => s.Load).ThenBy(s => s.InvigilatorId)
            .Take(SuggestionCount)];
    }

    /// <summary>Free seats of the subject's sessions at the candidate's sites, fewest same-school neighbours first, the wanted room first.</summary>
    private static List<SeatSuggestion> Suggest(
        SchedulingProblem problem, IReadOnlyList<ScheduledSession> sessions, ScheduledSeat seat, int subjectId, IReadOnlyList<int> sites, Dictionary<int, SchedulingRoom> rooms, int wantedRoomId) =>
        [.. sessions
            .Where(s => s.SubjectId == subjectId && rooms.TryGetValue(s.RoomId, out var r) && sites.Contains(r.SiteId))
            .SelectMany(s => FreeSeats(s, Math.Min(s.Capacity, rooms[s.RoomId].SeatCount), seat)
                .Where(n => !s.Seats.Any(x => x.RegistrationId == seat.RegistrationId && x.SeatNo == n))
                .Select(n => new SeatSuggestion(s.RoomId, n, SameSchoolNeighbours(s, n, seat))))
            .OrderBy(s => s.RoomId != wantedRoomId).ThenBy(s => s.SameSchoolNeighbours).ThenBy(s => s.RoomId).ThenBy(s => s.SeatNo)
            .Take(SuggestionCount)];

    private static IEnumerable<int> FreeSeats(ScheduledSession session, int limit, ScheduledSeat moving)
    {
        var taken = session.Seats.Where(s => s.RegistrationId != moving.RegistrationId).Select(s => s.SeatNo).ToHashSet();
        return Enumerable.Range(1, Math.Max(0, limit)).Where(n => !taken.Contains(n));
    }

    private static int SameSchoolNeighbours(ScheduledSession session, int seatNo, ScheduledSeat moving) =>
        session.Seats.Count(s => s.RegistrationId != moving.RegistrationId && (s.SeatNo == seatNo - 1 || s.SeatNo == seatNo + 1) && s.SchoolId == moving.SchoolId);

    private static List<ScheduledSession> Replace(IReadOnlyList<ScheduledSession> sessions, ScheduledSession old, ScheduledSession updated) =>
        [.. sessions.Select(s => ReferenceEquals(s, old) ? updated : s)];
}
