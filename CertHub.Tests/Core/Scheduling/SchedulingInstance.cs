using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using CertHub.Core.Scheduling;

namespace CertHub.Tests.Core.Scheduling;

/// <summary>A small hand-built scheduling instance: subjects, rooms, demands and invigilators added one by one.</summary>
internal sealed class SchedulingInstance
{
    public const int PlanId = 7;
    public const int CertificateId = 3;
    public static readonly DateTimeOffset Morning = new(2021, 9, 18, 0, 0, 0, TimeSpan.Zero);

    private readonly List<SchedulingSubject> _subjects = [];
    private readonly List<SchedulingRoom> _rooms = [];
    private readonly List<SchedulingDemand> _demands = [];
    private readonly List<SchedulingInvigilator> _invigilators = [];
    private readonly List<BusyInterval> _candidatesBusy = [];
    private readonly List<BusyInterval> _invigilatorsBusy = [];
    private int _nextRegistration = 1000;

    public SchedulingInstance Subject(int id, int startHour = 0, int hours = 2, RoomType type = RoomType.Ordinary, CertificateLevel level = CertificateLevel.Junior)
    {
        _subjects.Add(new SchedulingSubject(id, $"{id}0", $"科目{id}", CertificateId, level, type, Morning.AddHours(startHour), Morning.AddHours(startHour + hours)));
        return this;
    }

    public SchedulingInstance Room(int id, int seats, int siteId = 1, RoomType type = RoomType.Ordinary, params int[] subjectIds)
    {
        _rooms.Add(new SchedulingRoom(id, $"第{id}考场", siteId, siteId * 100, type, seats, subjectIds.Length == 0 ? [.. _subjects.Select(s => s.Id)] : subjectIds));
        return this;
    }

    /// <summary>Adds <paramref name="count"/> candidates of a school (candidate id = registration id) for the subjects, at the sites.</summary>
    public SchedulingInstance Candidates(int count, int schoolId, int[] subjectIds, params int[] siteIds)
    {
        for (var i = 0; i < count; i++)
        {
            var registration = _nextRegistration++;
            foreach (var subjectId in subjectIds)
            {
                _demands.Add(new SchedulingDemand(registration, registration, schoolId, subjectId, siteIds.Length == 0 ? [1] : siteIds));
            }
        }

        return this;
    }

    public SchedulingInstance Invigilators(int count, int schoolId, CertificateLevel level = CertificateLevel.Junior, int firstId = 0)
    {
        var start = firstId == 0 ? (_invigilators.Count == 0 ? 1 : _invigilators.Max(i => i.Id) + 1) : firstId;
        for (var i = 0; i < count; i++)
        {
            _invigilators.Add(new SchedulingInvigilator(start + i, schoolId, [new CertifiedLevel(CertificateId, level)]));
        }

        return this;
    }

    public SchedulingInstance CandidateBusy(int candidateId, int startHour, int hours)
    {
        _candidatesBusy.Add(new BusyInterval(candidateId, Morning.AddHours(startHour), Morning.AddHours(startHour + hours)));
        return this;
    }

    public SchedulingInstance InvigilatorBusy(int invigilatorId, int startHour, int hours)
    {
        _invigilatorsBusy.Add(new BusyInterval(invigilatorId, Morning.AddHours(startHour), Morning.AddHours(startHour + hours)));
        return this;
    }

    public IReadOnlyList<SchedulingDemand> Demands => _demands;

    public SchedulingProblem Problem(IReadOnlyList<ScheduledSession>? existing = null, IReadOnlyList<SchedulingDemand>? demands = null) =>
        new(PlanId, _subjects, _rooms, demands ?? _demands, _invigilators, existing ?? [], _candidatesBusy, _invigilatorsBusy);

    /// <summary>Runs the scheduler and asserts the independent checker finds no hard violation.</summary>
    public (SchedulingResult Result, ScheduleCheckReport Check) Run(SchedulingOptions? options = null, IReadOnlyList<ScheduledSession>? existing = null, IReadOnlyList<SchedulingDemand>? demands = null)
    {
        var problem = Problem(existing, demands);
        var result = ExamScheduler.Run(problem, options ?? SchedulingOptions.Default);
        var check = ScheduleChecker.Check(problem, result.Sessions);
        Assert.True(check.IsValid, string.Join("; ", check.Violations.Select(v => v.Message)));
        return (result, check);
    }
}
