using System.Reflection;
using CertHub.Core.CheckIn;
using CertHub.Core.Common;
using CertHub.Core.Scheduling;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Core.CheckIn;

public sealed class RoomRosterTests
{
    private static readonly DateTimeOffset Start = new(2021, 9, 18, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(15);

    private readonly RoomSession _session;
    private readonly RoomRoster _roster;

    public RoomRosterTests()
    {
        _session = RoomSession.Create(1, 2, 3, Start, Start.AddHours(2), 3).WithId(5);
        for (var seat = 1; seat <= 3; seat++)
        {
            var assigned = _session.AssignSeat(100 + seat, 200 + seat, 300, seat, $"T{seat}");
            typeof(SeatAssignment).GetProperty(nameof(SeatAssignment.RoomSessionId))!.SetValue(assigned, _session.Id);
            assigned.WithId(10 + seat);
        }

        _roster = RoomRoster.Create(_session);
    }

    private SeatAssignment Seat(int no) => _session.Seats.Single(s => s.SeatNo == no);

    [Fact]
    public void Create_Should_CopyTheSessionAndBeOpen()
    {
        Assert.Equal((5, 1, 3, Start, RosterStatus.Open), (_roster.RoomSessionId, _roster.ExamPlanId, _roster.SubjectId, _roster.StartUtc, _roster.Status));
        Assert.Equal(AttendanceStatus.NotCheckedIn, _roster.StatusOf(101));
    }

    [Fact]
    public void CheckIn_Should_RecordTimeAndActor_When_SeatNotCheckedIn()
    {
        var entry = _roster.CheckIn(Seat(1), Start.AddMinutes(-10), "监考甲");

        Assert.Equal((AttendanceStatus.CheckedIn, Start.AddMinutes(-10), "监考甲", 1), (entry.Status, entry.CheckedInUtc, entry.CheckedInBy, entry.SeatNo));
        Assert.False(entry.IsLateFor(Start));
        Assert.Equal(AttendanceStatus.CheckedIn, _roster.StatusOf(101));
    }

    [Fact]
    public void CheckIn_Should_MarkLate_When_AfterTheStart()
    {
        var entry = _roster.CheckIn(Seat(1), Start.AddMinutes(5), "监考甲");

        Assert.True(entry.IsLateFor(Start));
    }

    [Fact]
    public void CheckIn_Should_Throw_When_AlreadyCheckedIn()
    {
        _roster.CheckIn(Seat(1), Start.AddMinutes(-10), "监考甲");

        var ex = Assert.Throws<DomainRuleException>(() => _roster.CheckIn(Seat(1), Start.AddMinutes(-5), "监考乙"));
        Assert.Equal("该考生已于2021-09-18 07:50:00签到，请勿重复签到", ex.Message);
        Assert.Single(_roster.Entries);
    }

    [Fact]
    public void CheckIn_Should_Throw_When_SeatOfAnotherSession()
    {
        var other = RoomSession.Create(1, 9, 3, Start, Start.AddHours(2), 3).WithId(6);
        var seat = other.AssignSeat(101, 201, 300, 1, "X1");
        typeof(SeatAssignment).GetProperty(nameof(SeatAssignment.RoomSessionId))!.SetValue(seat, 6);

        var ex = Assert.Throws<DomainRuleException>(() => _roster.CheckIn(seat, Start, "监考甲"));
        Assert.Equal("该考生不在本考场场次", ex.Message);
    }

    [Fact]
    public void CheckIn_Should_Throw_When_ExamIsOver()
    {
        var ex = Assert.Throws<DomainRuleException>(() => _roster.CheckIn(Seat(1), Start.AddHours(2), "监考甲"));
        Assert.Equal("本场次考试已结束，不能签到", ex.Message);
    }

    [Fact]
    public void Close_Should_Throw_When_BeforeStartPlusGrace()
    {
        var ex = Assert.Throws<DomainRuleException>(() => _roster.Close(_session.Seats, Grace, Start.AddMinutes(14), "监考甲"));
        Assert.Equal("考试开始15分钟后（2021-09-18 08:15:00）才能关闭签到", ex.Message);
        Assert.False(_roster.IsClosed);
        Assert.False(_roster.CanClose(Grace, Start.AddMinutes(14)));
        Assert.True(_roster.CanClose(Grace, Start.AddMinutes(15)));
    }

    [Fact]
    public void Close_Should_MarkEverySeatNotCheckedInAbsent_When_AfterGrace()
    {
        _roster.CheckIn(Seat(2), Start.AddMinutes(3), "监考甲");

        var absent = _roster.Close(_session.Seats, Grace, Start.AddMinutes(15), "监考甲");

        Assert.Equal(2, absent);
        Assert.Equal((RosterStatus.Closed, Start.AddMinutes(15), "监考甲"), (_roster.Status, _roster.ClosedUtc, _roster.ClosedBy));
        Assert.Equal([AttendanceStatus.Absent, AttendanceStatus.CheckedIn, AttendanceStatus.Absent], new[] { 101, 102, 103 }.Select(_roster.StatusOf));
    }

    [Fact]
    public void CheckIn_Should_Throw_When_RosterClosed()
    {
        _roster.Close(_session.Seats, Grace, Start.AddMinutes(20), "监考甲");

        var ex = Assert.Throws<DomainRuleException>(() => _roster.CheckIn(Seat(1), Start.AddMinutes(21), "监考甲"));
        Assert.Equal(RoomRoster.ClosedMessage, ex.Message);
    }

    [Fact]
    public void Close_Should_Throw_When_AlreadyClosed()
    {
        _roster.Close(_session.Seats, Grace, Start.AddMinutes(20), "监考甲");

        var ex = Assert.Throws<DomainRuleException>(() => _roster.Close(_session.Seats, Grace, Start.AddMinutes(21), "监考甲"));
        Assert.Equal("本场次签到已关闭，请勿重复关闭", ex.Message);
    }

    [Fact]
    public void CorrectAbsence_Should_CheckInWithTheReason_When_Absent()
    {
        _roster.Close(_session.Seats, Grace, Start.AddMinutes(20), "监考甲");

        var entry = _roster.CorrectAbsence(101, "考生在备用考场参加考试", Start.AddHours(3), "组织管理员");

        Assert.Equal((AttendanceStatus.CheckedIn, "考生在备用考场参加考试", "组织管理员"), (entry.Status, entry.CorrectionReason, entry.CheckedInBy));
        Assert.False(entry.IsLateFor(Start));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void CorrectAbsence_Should_Throw_When_NoReason(string? reason)
    {
        _roster.Close(_session.Seats, Grace, Start.AddMinutes(20), "监考甲");

        Assert.Throws<DomainRuleException>(() => _roster.CorrectAbsence(101, reason, Start.AddHours(3), "组织管理员"));
        Assert.Equal(AttendanceStatus.Absent, _roster.StatusOf(101));
    }

    [Fact]
    public void CorrectAbsence_Should_Throw_When_NotAbsent()
    {
        _roster.CheckIn(Seat(1), Start, "监考甲");

        var ex = Assert.Throws<DomainRuleException>(() => _roster.CorrectAbsence(101, "原因", Start.AddHours(3), "组织管理员"));
        Assert.Equal("该考生没有缺考记录，无需更正", ex.Message);
        Assert.Throws<DomainRuleException>(() => _roster.CorrectAbsence(102, "原因", Start.AddHours(3), "组织管理员"));
    }

    public static TheoryData<AttendanceStatus, AttendanceAction> AllPairs()
    {
        var data = new TheoryData<AttendanceStatus, AttendanceAction>();
        foreach (var status in Enum.GetValues<AttendanceStatus>())
        {
            foreach (var action in Enum.GetValues<AttendanceAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Attendance_Should_FollowTheTransitionTable_For_EveryStatusAndAction(AttendanceStatus from, AttendanceAction action)
    {
        var entry = ReachStatus(from);
        var allowed = Attendance.Transitions.CanApply(from, action);

        void Act()
        {
            switch (action)
            {
                case AttendanceAction.CheckIn:
                    _roster.CheckIn(Seat(1), Start.AddMinutes(1), "监考甲");
                    break;
                case AttendanceAction.MarkAbsent:
                    typeof(Attendance).GetMethod("MarkAbsent", BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(entry, null);
                    break;
                default:
                    _roster.CorrectAbsence(101, "原因", Start.AddHours(3), "组织管理员");
                    break;
            }
        }

        if (allowed)
        {
            Act();
            Assert.Equal(Attendance.Transitions.Apply(from, action), _roster.StatusOf(101));
        }
        else
        {
            var ex = Record.Exception(Act);
            Assert.IsType<DomainRuleException>(ex is TargetInvocationException t ? t.InnerException : ex);
            Assert.Equal(from, _roster.StatusOf(101));
        }
    }

    /// <summary>An entry for seat 1 in <paramref name="status"/>, reached through the verbs (the roster stays open for NotCheckedIn and CheckedIn).</summary>
    private Attendance ReachStatus(AttendanceStatus status)
    {
        switch (status)
        {
            case AttendanceStatus.NotCheckedIn:
                var ctor = typeof(Attendance).GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, [typeof(int), typeof(int), typeof(int), typeof(int)])!;
                var fresh = (Attendance)ctor.Invoke([101, 201, 300, 1]);
                var list = (List<Attendance>)typeof(RoomRoster).GetField("_entries", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(_roster)!;
                list.Add(fresh);
                return fresh;
            case AttendanceStatus.CheckedIn:
                return _roster.CheckIn(Seat(1), Start, "监考甲");
            default:
                _roster.Close(_session.Seats, Grace, Start.AddMinutes(20), "监考甲");
                return _roster.EntryOf(101)!;
        }
    }
}
