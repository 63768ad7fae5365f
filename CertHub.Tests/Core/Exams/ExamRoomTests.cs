using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Core.Exams;

public sealed class ExamRoomTests
{
    /// <summary>What each (time-derived) status allows, written out here.</summary>
    private static readonly HashSet<(ExamRoomStatus, ExamRoomAction)> Allowed =
    [
        (ExamRoomStatus.NotScheduled, ExamRoomAction.Edit),
        (ExamRoomStatus.NotScheduled, ExamRoomAction.RaiseSeatCount),
        (ExamRoomStatus.NotScheduled, ExamRoomAction.Delete),
        (ExamRoomStatus.Scheduling, ExamRoomAction.RaiseSeatCount),
    ];

    private static readonly Dictionary<ExamRoomStatus, DateTimeOffset> InstantOf = new()
    {
        [ExamRoomStatus.NotScheduled] = ADomain.Day(5),
        [ExamRoomStatus.Scheduling] = ADomain.Day(12),
        [ExamRoomStatus.Ended] = ADomain.Day(15),
    };

    public static TheoryData<ExamRoomStatus, ExamRoomAction> AllPairs()
    {
        var data = new TheoryData<ExamRoomStatus, ExamRoomAction>();
        foreach (var status in Enum.GetValues<ExamRoomStatus>())
        {
            foreach (var action in Enum.GetValues<ExamRoomAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    private static (ExamPlan Plan, ExamRoom Room, ExamSubject Subject) NewRoom()
    {
        var subject = ADomain.Subject();
        var plan = ADomain.ExamPlan(subject: subject);
        var room = ExamRoom.Create(plan, ADomain.ExamSite(ExamSiteStatus.Approved), CertificateLevel.Junior, [subject], "第一考场", "主楼301", 40, ADomain.Day(2));
        return (plan, room, subject);
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Action_Should_BeAllowedOrThrow_When_AppliedInStatus(ExamRoomStatus status, ExamRoomAction action)
    {
        var (plan, room, subject) = NewRoom();
        var now = InstantOf[status];
        Assert.Equal(status, room.StatusAt(plan, now));
        void Act()
        {
            switch (action)
            {
                case ExamRoomAction.Edit:
                    room.Edit(plan, [subject], "第二考场", "主楼302", 30, now);
                    break;
                case ExamRoomAction.RaiseSeatCount:
                    room.RaiseSeatCount(plan, 50, now);
                    break;
                case ExamRoomAction.Delete:
                    room.EnsureDeletable(plan, now);
                    break;
            }
        }

        if (Allowed.Contains((status, action)))
        {
            Act();
        }
        else
        {
            Assert.Throws<DomainRuleException>(Act);
            Assert.Equal(40, room.SeatCount);
            Assert.Equal("第一考场", room.Name);
        }
    }

    [Theory]
    [InlineData(-1, ExamRoomStatus.NotScheduled)]
    [InlineData(0, ExamRoomStatus.Scheduling)]
    [InlineData(5 * 24 * 3600 - 1, ExamRoomStatus.Scheduling)]
    [InlineData(5 * 24 * 3600, ExamRoomStatus.Ended)]
    public void StatusAt_Should_FollowSchedulingWindow_When_AtBoundaryInstants(int secondsAfterSchedulingStart, ExamRoomStatus expected)
    {
        var (plan, room, _) = NewRoom();

        Assert.Equal(expected, room.StatusAt(plan, plan.SchedulingStartUtc.AddSeconds(secondsAfterSchedulingStart)));
    }

    [Fact]
    public void RaiseSeatCount_Should_Throw_When_NotLarger()
    {
        var (plan, room, _) = NewRoom();

        var ex = Assert.Throws<DomainRuleException>(() => room.RaiseSeatCount(plan, 40, ADomain.Day(12)));

        Assert.Contains("只能增加", ex.Message);
    }

    [Fact]
    public void CanDelete_Should_BeFalse_When_Scheduling()
    {
        var (plan, room, _) = NewRoom();

        Assert.True(room.CanDelete(plan, ADomain.Day(5)));
        Assert.False(room.CanDelete(plan, ADomain.Day(12)));
        Assert.False(room.CanEdit(plan, ADomain.Day(12)));
        Assert.True(room.CanRaiseSeatCount(plan, ADomain.Day(12)));
    }

    [Fact]
    public void Create_Should_TakeRoomTypeFromSubject_When_SubjectsShareIt()
    {
        var (_, room, _) = NewRoom();

        Assert.Equal(RoomType.ComputerRoom, room.RoomType);
    }

    [Fact]
    public void Create_Should_Throw_When_SubjectsNeedDifferentRoomTypes()
    {
        var computer = ADomain.Subject(1);
        var practical = ADomain.Subject(2, mode: ExamMode.Practical);
        var plan = ADomain.ExamPlan(subject: computer, publish: false);
        plan.SetSubject(practical, ADomain.Day(16, 13), ADomain.Day(16, 15));

        var ex = Assert.Throws<DomainRuleException>(() =>
            ExamRoom.Create(plan, ADomain.ExamSite(ExamSiteStatus.Approved), CertificateLevel.Junior, [computer, practical], "考场", "地址", 10, ADomain.Day(2)));
        Assert.Contains("不同类型的考场", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Should_Throw_When_SiteNotApproved()
    {
        var subject = ADomain.Subject();

        Assert.Throws<DomainRuleException>(() =>
            ExamRoom.Create(ADomain.ExamPlan(subject: subject), ADomain.ExamSite(ExamSiteStatus.Pending), CertificateLevel.Junior, [subject], "考场", "地址", 10, ADomain.Day(2)));
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void CanApplyFrom_Should_MatchTheTable_When_AskedForEveryPair(ExamRoomStatus status, ExamRoomAction action) =>
        Assert.Equal(Allowed.Contains((status, action)), ExamRoom.CanApplyFrom(status, action));

    [Theory]
    [InlineData(9, ExamRoomStatus.NotScheduled)]
    [InlineData(10, ExamRoomStatus.Scheduling)]
    [InlineData(15, ExamRoomStatus.Ended)]
    public void StatusBetween_Should_MatchStatusAt_When_GivenThePlansWindow(int day, ExamRoomStatus expected)
    {
        var (plan, room, _) = NewRoom();

        Assert.Equal(expected, ExamRoom.StatusBetween(plan.SchedulingStartUtc, plan.SchedulingEndUtc, ADomain.Day(day)));
        Assert.Equal(expected, room.StatusAt(plan, ADomain.Day(day)));
    }

    [Fact]
    public void Create_Should_Throw_When_SubjectNotInPlan()
    {
        var planned = ADomain.Subject(1);
        var other = ADomain.Subject(2);

        var ex = Assert.Throws<DomainRuleException>(() =>
            ExamRoom.Create(ADomain.ExamPlan(subject: planned), ADomain.ExamSite(ExamSiteStatus.Approved), CertificateLevel.Junior, [other], "考场", "地址", 10, ADomain.Day(2)));

        Assert.Contains("不在该考试计划中", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Should_Throw_When_SchedulingStarted()
    {
        var subject = ADomain.Subject();

        var ex = Assert.Throws<DomainRuleException>(() =>
            ExamRoom.Create(ADomain.ExamPlan(subject: subject), ADomain.ExamSite(ExamSiteStatus.Approved), CertificateLevel.Junior, [subject], "考场", "地址", 10, ADomain.Day(10)));

        Assert.Contains("排考已开始", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Edit_Should_Throw_When_SubjectNotInPlan()
    {
        var (plan, room, _) = NewRoom();

        Assert.Throws<DomainRuleException>(() => room.Edit(plan, [ADomain.Subject(9)], "第一考场", "主楼301", 40, ADomain.Day(5)));
    }

    [Fact]
    public void CopyTo_Should_KeepNameAddressSeatsAndPlannedSubjects_When_NewPlanFits()
    {
        var (_, room, subject) = NewRoom();
        var target = ADomain.ExamPlan(subject: subject).WithId(2);

        var copy = room.CopyTo(target, ADomain.ExamSite(ExamSiteStatus.Approved), [subject, ADomain.Subject(7)], ADomain.Day(3));

        Assert.Equal((2, "第一考场", "主楼301", 40), (copy.ExamPlanId, copy.Name, copy.Address, copy.SeatCount));
        Assert.Equal([subject.Id], copy.Subjects.Select(s => s.SubjectId));
    }

    [Fact]
    public void CopyTo_Should_Throw_When_SamePlanOrLevelOrSubjectsMissing()
    {
        var (plan, room, subject) = NewRoom();
        var site = ADomain.ExamSite(ExamSiteStatus.Approved);
        var otherSubject = ADomain.Subject(5);
        var otherSubjectsPlan = ADomain.ExamPlan(subject: otherSubject).WithId(3);
        var intermediatePlan = ADomain.ExamPlan(level: CertificateLevel.Intermediate).WithId(4);

        Assert.Contains("同一个考试计划", Assert.Throws<DomainRuleException>(() => room.CopyTo(plan, site, [subject], ADomain.Day(3))).Message, StringComparison.Ordinal);
        Assert.Contains("考试科目", Assert.Throws<DomainRuleException>(() => room.CopyTo(otherSubjectsPlan, site, [otherSubject], ADomain.Day(3))).Message, StringComparison.Ordinal);
        Assert.Contains("证书等级", Assert.Throws<DomainRuleException>(() => room.CopyTo(intermediatePlan, site, [subject], ADomain.Day(3))).Message, StringComparison.Ordinal);
    }
}
