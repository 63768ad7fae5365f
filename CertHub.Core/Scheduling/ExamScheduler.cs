namespace CertHub.Core.Scheduling;

/// <summary>
/// 一键排考, in memory: seats every demand (a paid registration for a subject) in a room session at one of its sites and
/// gives each session two certified invigilators.
/// Hard constraints: seats within the usable seats of the room; the room lists the subject and has the room type its exam
/// mode needs; a candidate is never in two sessions at overlapping times; an invigilator never in two sessions at
/// overlapping times; a room never hosts two sessions at overlapping times. What cannot be placed is reported, never forced.
/// Soft constraints: neighbouring seats (n, n+1) from different schools; invigilators not from the candidates' schools;
/// rooms already opened are filled before new ones are opened, in the chosen order.
/// Incremental: seats of the existing sessions are never moved; seats of demands that no longer exist (withdrawn, unpaid)
/// are removed; only what is missing is added. A full reschedule is a run without existing sessions.
/// </summary>
public static class ExamScheduler
{
    public const int InvigilatorsPerSession = RoomSession.MaxInvigilators;

    public static SchedulingResult Run(SchedulingProblem problem, SchedulingOptions options)
    {
        options.Validate();
        return new SchedulingRun(problem, options).Execute();
    }

    private sealed class SchedulingRun(SchedulingProblem problem, SchedulingOptions options)
    {
        private readonly Dictionary<int, SchedulingSubject> _subjects = problem.Subjects.ToDictionary(s => s.Id);
        private readonly Dictionary<int, SchedulingRoom> _rooms = problem.Rooms.ToDictionary(r => r.Id);
        private readonly List<WorkSession> _sessions = [];
        private readonly Dictionary<int, List<WorkSession>> _sessionsByRoom = [];
        private readonly Dictionary<int, List<(DateTimeOffset Start, DateTimeOffset End)>> _candidateBusy = [];
        private readonly Dictionary<int, List<(DateTimeOffset Start, DateTimeOffset End)>> _invigilatorBusy = [];
        private readonly HashSet<(int RegistrationId, int SubjectId)> _placed = [];
        private readonly List<SchedulingShortfall> _shortfalls = [];
        private int _added;
        private int _removed;
        private int _opened;
        private int _closed;
        private int _invigilatorsAssigned;

        public SchedulingResult Execute()
        {
            LoadExisting();
            RemoveStaleSeats();
            foreach (var group in PendingDemands().GroupBy(d => d.SubjectId).OrderBy(g => _subjects[g.Key].StartUtc).ThenBy(g => g.Key))
            {
                PlaceSubject(_subjects[group.Key], [.. group]);
            }

            AssignInvigilators();
            var sessions = _sessions.Select(s => s.ToRecord()).ToList();
            return new SchedulingResult(sessions, _shortfalls, _added, _removed, _opened, _closed, _invigilatorsAssigned);
        }

        private void LoadExisting()
        {
            foreach (var existing in problem.Existing)
            {
                if (!_rooms.TryGetValue(existing.RoomId, out var room) || !_subjects.TryGetValue(existing.SubjectId, out var subject))
                {
                    continue;
                }

                var session = new WorkSession(existing.Id, room, subject, Math.Max(existing.Capacity, room.SeatCount));
                foreach (var seat in existing.Seats)
                {
                    session.Seats[seat.SeatNo] = seat;
                    _placed.Add((seat.RegistrationId, subject.Id));
                    Busy(_candidateBusy, seat.CandidateId).Add((subject.StartUtc, subject.EndUtc));
                }

                foreach (var invigilator in existing.Invigilators)
                {
                    session.Invigilators.Add(invigilator);
                    Busy(_invigilatorBusy, invigilator.InvigilatorId).Add((subject.StartUtc, subject.EndUtc));
                }

                Add(session);
            }

            foreach (var busy in problem.CandidateCommitments)
            {
                Busy(_candidateBusy, busy.OwnerId).Add((busy.StartUtc, busy.EndUtc));
            }

            foreach (var busy in problem.InvigilatorCommitments)
            {
                Busy(_invigilatorBusy, busy.OwnerId).Add((busy.StartUtc, busy.EndUtc));
            }
        }

        /// <summary>Removes, in scope, the seats of demands that no longer exist and the sessions left empty.</summary>
        private void RemoveStaleSeats()
        {
            var wanted = problem.Demands.Select(d => (d.RegistrationId, d.SubjectId)).ToHashSet();
            foreach (var session in _sessions.Where(InScope).ToList())
            {
                foreach (var seat in session.Seats.Values.Where(s => !wanted.Contains((s.RegistrationId, session.Subject.Id))).ToList())
                {
                    session.Seats.Remove(seat.SeatNo);
                    _placed.Remove((seat.RegistrationId, session.Subject.Id));
                    Release(_candidateBusy, seat.CandidateId, session.Subject);
                    _removed++;
                }

                if (session.Seats.Count == 0)
                {
                    foreach (var invigilator in session.Invigilators)
                    {
                        Release(_invigilatorBusy, invigilator.InvigilatorId, session.Subject);
                    }

                    _sessions.Remove(session);
                    _sessionsByRoom[session.Room.Id].Remove(session);
                    _closed++;
                }
            }
        }

        private List<SchedulingDemand> PendingDemands()
        {
            var seen = new HashSet<(int, int)>();
            var pending = new List<SchedulingDemand>();
            foreach (var demand in problem.Demands.OrderBy(d => d.RegistrationId))
            {
                if (!_subjects.ContainsKey(demand.SubjectId) || _placed.Contains((demand.RegistrationId, demand.SubjectId))
                    || (options.SubjectId is { } subjectId && subjectId != demand.SubjectId)
                    || (options.SiteId is { } siteId && !demand.SiteIds.Contains(siteId))
                    || !seen.Add((demand.RegistrationId, demand.SubjectId)))
                {
                    continue;
                }

                pending.Add(demand);
            }

            return pending;
        }

        private void PlaceSubject(SchedulingSubject subject, List<SchedulingDemand> demands)
        {
            var accepted = new List<SchedulingDemand>();
            var candidatesInSubject = new HashSet<int>();
            var conflicts = 0;
            var noSite = 0;
            foreach (var demand in demands)
            {
                if (SitesOf(demand).Count == 0)
                {
                    noSite++;
                }
                else if (!candidatesInSubject.Add(demand.CandidateId) || Overlaps(_candidateBusy, demand.CandidateId, subject.StartUtc, subject.EndUtc))
                {
                    conflicts++;
                }
                else
                {
                    accepted.Add(demand);
                }
            }

            Report(subject.Id, null, null, ShortfallReasons.TimeConflict, conflicts);
            Report(subject.Id, null, null, ShortfallReasons.NoSite, noSite);

            // Each demand at its first site; what does not fit tries its next sites; the rest is reported at its first site.
            var remaining = accepted;
            for (var choice = 0; remaining.Count > 0; choice++)
            {
                var tries = remaining.Where(d => SitesOf(d).Count > choice).ToList();
                if (tries.Count == 0)
                {
                    break;
                }

                var left = remaining.Where(d => SitesOf(d).Count <= choice).ToList();
                foreach (var site in tries.GroupBy(d => SitesOf(d)[choice]).OrderBy(g => g.Key))
                {
                    left.AddRange(PlaceAtSite(subject, site.Key, [.. site]));
                }

                remaining = left;
            }

            foreach (var site in remaining.GroupBy(d => SitesOf(d)[0]).OrderBy(g => g.Key))
            {
                Report(subject.Id, site.Key, null, ShortfallReasons.SeatsShort(site.Count()), site.Count());
            }
        }

        private List<int> SitesOf(SchedulingDemand demand) =>
            options.SiteId is { } siteId ? (demand.SiteIds.Contains(siteId) ? [siteId] : []) : [.. demand.SiteIds.Distinct()];

        /// <summary>Fills the site's open sessions of the subject, then opens rooms in the fill order; returns what did not fit.</summary>
        private List<SchedulingDemand> PlaceAtSite(SchedulingSubject subject, int siteId, List<SchedulingDemand> demands)
        {
            var queues = demands.GroupBy(d => d.SchoolId).ToDictionary(g => g.Key, g => new Queue<SchedulingDemand>(g));
            var left = demands.Count;
            var open = _sessions.Where(s => s.Subject.Id == subject.Id && s.Room.SiteId == siteId)
                .OrderByDescending(s => s.Seats.Count).ThenBy(s => s.Room.Id).ToList();
            foreach (var session in open)
            {
                left = Fill(session, queues, left);
            }

            foreach (var room in OpenableRooms(subject, siteId))
            {
                if (left == 0)
                {
                    break;
                }

                var session = new WorkSession(null, room, subject, room.SeatCount);
                Add(session);
                _opened++;
                left = Fill(session, queues, left);
            }

            return [.. queues.Values.SelectMany(q => q)];
        }

        private List<SchedulingRoom> OpenableRooms(SchedulingSubject subject, int siteId)
        {
            var rooms = problem.Rooms.Where(r => r.SiteId == siteId && r.RoomType == subject.RoomType && r.SubjectIds.Contains(subject.Id)
                && options.UsableSeatNos(r.SeatCount).Count > 0
                && !SessionsOf(r.Id).Any(s => s.Subject.Id == subject.Id || s.Overlaps(subject.StartUtc, subject.EndUtc)));
            return options.FillOrder switch
            {
                RoomFillOrder.SmallestFirst => rooms.OrderBy(r => r.SeatCount).ThenBy(r => r.Id).ToList(),
                RoomFillOrder.ByName => rooms.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Id).ToList(),
                _ => rooms.OrderByDescending(r => r.SeatCount).ThenBy(r => r.Id).ToList(),
            };
        }

        /// <summary>
        /// Seats demands on the session's free usable seats in seat order, each time taking the school with most candidates
        /// left that differs from the occupied neighbours (seat n-1 and n+1).
        /// </summary>
        private int Fill(WorkSession session, Dictionary<int, Queue<SchedulingDemand>> queues, int left)
        {
            foreach (var seatNo in options.UsableSeatNos(session.Capacity))
            {
                if (left == 0)
                {
                    break;
                }

                if (session.Seats.ContainsKey(seatNo))
                {
                    continue;
                }

                var before = session.Seats.TryGetValue(seatNo - 1, out var b) ? b.SchoolId : (int?)null;
                var after = session.Seats.TryGetValue(seatNo + 1, out var a) ? a.SchoolId : (int?)null;
                Queue<SchedulingDemand>? best = null;
                var bestKey = (Differs: false, Count: -1, School: int.MaxValue);
                foreach (var (schoolId, queue) in queues)
                {
                    if (queue.Count == 0)
                    {
                        continue;
                    }

                    var key = (Differs: schoolId != before && schoolId != after, queue.Count, School: schoolId);
                    if (best is null || IsBetter(key, bestKey))
                    {
                        best = queue;
                        bestKey = key;
                    }
                }

                var demand = best!.Dequeue();
                Seat(session, demand, seatNo);
                left--;
            }

            return left;
        }

        private static bool IsBetter((bool Differs, int Count, int School) x, (bool Differs, int Count, int School) y) =>
            x.Differs != y.Differs ? x.Differs : x.Count != y.Count ? x.Count > y.Count : x.School < y.School;

        private void Seat(WorkSession session, SchedulingDemand demand, int seatNo)
        {
            var subject = session.Subject;
            var ticket = AdmissionTicketNumber.ForSubject(problem.ExamPlanId, subject.Code, subject.Id, session.Room.Id, seatNo);
            session.Seats[seatNo] = new ScheduledSeat(demand.RegistrationId, demand.CandidateId, demand.SchoolId, seatNo, ticket);
            _placed.Add((demand.RegistrationId, subject.Id));
            Busy(_candidateBusy, demand.CandidateId).Add((subject.StartUtc, subject.EndUtc));
            _added++;
        }

        /// <summary>Two certified, free invigilators per session: not from the candidates' schools when possible, the least loaded first.</summary>
        private void AssignInvigilators()
        {
            var load = _sessions.SelectMany(s => s.Invigilators).GroupBy(i => i.InvigilatorId).ToDictionary(g => g.Key, g => g.Count());
            foreach (var session in _sessions.Where(s => InScope(s) && s.Seats.Count > 0).OrderBy(s => s.Subject.StartUtc).ThenBy(s => s.Room.Id))
            {
                var subject = session.Subject;
                var schools = session.Seats.Values.Select(s => s.SchoolId).ToHashSet();
                while (session.Invigilators.Count < InvigilatorsPerSession)
                {
                    SchedulingInvigilator? best = null;
                    var bestKey = (Cross: false, Load: int.MaxValue, Id: int.MaxValue);
                    foreach (var invigilator in problem.Invigilators)
                    {
                        if (!invigilator.IsCertifiedFor(subject) || session.Invigilators.Any(i => i.InvigilatorId == invigilator.Id)
                            || Overlaps(_invigilatorBusy, invigilator.Id, subject.StartUtc, subject.EndUtc))
                        {
                            continue;
                        }

                        var key = (Cross: !schools.Contains(invigilator.SchoolId), Load: load.GetValueOrDefault(invigilator.Id), invigilator.Id);
                        if (best is null || (key.Cross != bestKey.Cross ? key.Cross : key.Load != bestKey.Load ? key.Load < bestKey.Load : key.Id < bestKey.Id))
                        {
                            best = invigilator;
                            bestKey = key;
                        }
                    }

                    if (best is null)
                    {
                        var missing = InvigilatorsPerSession - session.Invigilators.Count;
                        Report(subject.Id, session.Room.SiteId, session.Room.Id, ShortfallReasons.InvigilatorsShort(missing), missing);
                        break;
                    }

                    session.Invigilators.Add(new ScheduledInvigilator(best.Id, best.SchoolId));
                    Busy(_invigilatorBusy, best.Id).Add((subject.StartUtc, subject.EndUtc));
                    load[best.Id] = load.GetValueOrDefault(best.Id) + 1;
                    _invigilatorsAssigned++;
                }
            }
        }

        private bool InScope(WorkSession session) => options.Covers(session.Subject.Id, session.Room.SiteId);

        private void Add(WorkSession session)
        {
            _sessions.Add(session);
            Busy(_sessionsByRoom, session.Room.Id).Add(session);
        }

        private List<WorkSession> SessionsOf(int roomId) => _sessionsByRoom.TryGetValue(roomId, out var list) ? list : [];

        private void Report(int subjectId, int? siteId, int? roomId, string reason, int count)
        {
            if (count > 0)
            {
                _shortfalls.Add(new SchedulingShortfall(subjectId, siteId, roomId, reason, count));
            }
        }

        private static List<T> Busy<T>(Dictionary<int, List<T>> map, int ownerId)
        {
            if (!map.TryGetValue(ownerId, out var list))
            {
                list = [];
                map[ownerId] = list;
            }

            return list;
        }

        private static void Release(Dictionary<int, List<(DateTimeOffset Start, DateTimeOffset End)>> map, int ownerId, SchedulingSubject subject)
        {
            if (map.TryGetValue(ownerId, out var list))
            {
                list.Remove((subject.StartUtc, subject.EndUtc));
            }
        }

        private static bool Overlaps(Dictionary<int, List<(DateTimeOffset Start, DateTimeOffset End)>> map, int ownerId, DateTimeOffset start, DateTimeOffset end) =>
            map.TryGetValue(ownerId, out var list) && list.Exists(x => x.Start < end && start < x.End);
    }

    /// <summary>A session being built: its seats by seat number and its invigilators.</summary>
    private sealed class WorkSession(int? id, SchedulingRoom room, SchedulingSubject subject, int capacity)
    {
        public int? Id { get; } = id;

        public SchedulingRoom Room { get; } = room;

        public SchedulingSubject Subject { get; } = subject;

        public int Capacity { get; } = capacity;

        public Dictionary<int, ScheduledSeat> Seats { get; } = [];

        public List<ScheduledInvigilator> Invigilators { get; } = [];

        public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => Subject.StartUtc < end && start < Subject.EndUtc;

        public ScheduledSession ToRecord() => new(
            Id, Room.Id, Subject.Id, Subject.StartUtc, Subject.EndUtc, Capacity,
            [.. Seats.Values.OrderBy(s => s.SeatNo)], [.. Invigilators]);
    }
}
