using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Core.Exams;

public sealed class ExamPlanTests
{
    public static TheoryData<DateTimeOffset, ExamPlanStage> Boundaries() => new()
    {
        { ADomain.Day(1).AddTicks(-1), ExamPlanStage.NotStarted },
        { ADomain.Day(1), ExamPlanStage.Registration },
        { ADomain.Day(10).AddTicks(-1), ExamPlanStage.Registration },
        { ADomain.Day(10), ExamPlanStage.Scheduling },
        { ADomain.Day(15).AddTicks(-1), ExamPlanStage.Scheduling },
        { ADomain.Day(15), ExamPlanStage.Examination },
        { ADomain.Day(16, 10), ExamPlanStage.Examination },
        { ADomain.Day(17), ExamPlanStage.ScoreEntry },
        { ADomain.Day(20).AddTicks(-1), ExamPlanStage.ScoreEntry },
        { ADomain.Day(20), ExamPlanStage.Notice },
        { ADomain.Day(25).AddTicks(-1), ExamPlanStage.Notice },
        { ADomain.Day(25), ExamPlanStage.Ended },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void StageAt_Should_FollowWindows_When_AtBoundaryInstants(DateTimeOffset now, ExamPlanStage expected) =>
        Assert.Equal(expected, ADomain.ExamPlan().StageAt(now));

    [Fact]
    public void StageAt_Should_BeUnpublished_When_NotPublished() =>
        Assert.Equal(ExamPlanStage.Unpublished, ADomain.ExamPlan(publish: false).StageAt(ADomain.Day(5)));

    [Fact]
    public void Create_Should_Throw_When_SchedulingStartsBeforeRegistrationEnds()
    {
        var windows = ADomain.Windows() with { SchedulingStartUtc = ADomain.Day(9) };

        var ex = Assert.Throws<DomainRuleException>(() => ExamPlan.Create(1, 2021, "计划", RegistrationMode.ByCertificate, windows, ADomain.T0));

        Assert.Equal("排考开始时间不能早于报考结束时间", ex.Message);
    }

    [Fact]
    public void Create_Should_Throw_When_WindowEndsBeforeItStarts()
    {
        var windows = ADomain.Windows() with { NoticeEndUtc = ADomain.Day(20) };

        Assert.Throws<DomainRuleException>(() => ExamPlan.Create(1, 2021, "计划", RegistrationMode.ByCertificate, windows, ADomain.T0));
    }

    [Fact]
    public void Publish_Should_Throw_When_ExamBeforeSchedulingEnds()
    {
        var plan = ADomain.ExamPlan(publish: false);
        plan.SetSubject(ADomain.Subject(), ADomain.Day(14), ADomain.Day(14, 2));

        var ex = Assert.Throws<DomainRuleException>(() => plan.Publish("组织", ADomain.T0));

        Assert.Equal("科目考试时间不能早于排考结束时间", ex.Message);
        Assert.False(plan.IsPublished);
    }

    [Fact]
    public void Publish_Should_Throw_When_ExamEndsAfterScoreEntryStarts()
    {
        var plan = ADomain.ExamPlan(publish: false);
        plan.SetSubject(ADomain.Subject(), ADomain.Day(16), ADomain.Day(17, 1));

        Assert.Throws<DomainRuleException>(() => plan.Publish("组织", ADomain.T0));
    }

    [Fact]
    public void Publish_Should_Throw_When_NoSchool()
    {
        var plan = ADomain.ExamPlan(publish: false, schoolIds: []);

        Assert.Throws<DomainRuleException>(() => plan.Publish("组织", ADomain.T0));
    }

    [Fact]
    public void Publish_Should_Throw_When_PublishedTwice()
    {
        var plan = ADomain.ExamPlan();

        Assert.Throws<DomainRuleException>(() => plan.Publish("组织", ADomain.T0));
    }

    [Fact]
    public void SetCertificate_Should_Throw_When_Published() =>
        Assert.Throws<DomainRuleException>(() => ADomain.ExamPlan().SetCertificate(2, CertificateLevel.Senior, 100));

    [Fact]
    public void SetSubject_Should_Throw_When_SubjectCertificateNotInPlan()
    {
        var plan = ADomain.ExamPlan(publish: false);

        Assert.Throws<DomainRuleException>(() => plan.SetSubject(ADomain.Subject(2, certificateId: 9), ADomain.Day(16), ADomain.Day(16, 1)));
    }

    [Fact]
    public void ExtendWindow_Should_MoveEndLater_When_Published()
    {
        var plan = ADomain.ExamPlan();

        plan.ExtendWindow(ExamPlanWindow.Notice, ADomain.Day(30), ADomain.Day(21));

        Assert.Equal(ADomain.Day(30), plan.NoticeEndUtc);
    }

    [Fact]
    public void ExtendWindow_Should_Throw_When_NewEndIsEarlier()
    {
        var plan = ADomain.ExamPlan();

        var ex = Assert.Throws<DomainRuleException>(() => plan.ExtendWindow(ExamPlanWindow.Notice, ADomain.Day(24), ADomain.Day(21)));

        Assert.Contains("只能延长", ex.Message);
        Assert.Equal(ADomain.Day(25), plan.NoticeEndUtc);
    }

    [Fact]
    public void ExtendWindow_Should_Throw_When_NewEndInThePast()
    {
        var plan = ADomain.ExamPlan();

        Assert.Throws<DomainRuleException>(() => plan.ExtendWindow(ExamPlanWindow.Notice, ADomain.Day(26), ADomain.Day(27)));
    }

    [Fact]
    public void ExtendWindow_Should_Throw_When_RunningIntoNextWindow()
    {
        var plan = ADomain.ExamPlan();

        Assert.Throws<DomainRuleException>(() => plan.ExtendWindow(ExamPlanWindow.Registration, ADomain.Day(10, 1), ADomain.Day(5)));
        Assert.Throws<DomainRuleException>(() => plan.ExtendWindow(ExamPlanWindow.Scheduling, ADomain.Day(16, 10), ADomain.Day(12)));
        plan.ExtendWindow(ExamPlanWindow.Scheduling, ADomain.Day(16, 9), ADomain.Day(12));
        Assert.Equal(ADomain.Day(16, 9), plan.SchedulingEndUtc);
    }

    [Fact]
    public void ExtendWindow_Should_Throw_When_NotPublished() =>
        Assert.Throws<DomainRuleException>(() => ADomain.ExamPlan(publish: false).ExtendWindow(ExamPlanWindow.Notice, ADomain.Day(30), ADomain.T0));

    [Fact]
    public void FeeFor_Should_UseSubjectFee_When_BySubject()
    {
        var bySubject = ADomain.ExamPlan(RegistrationMode.BySubject);
        var byCertificate = ADomain.ExamPlan();

        Assert.Equal(90m, bySubject.FeeFor(1, CertificateLevel.Junior, 1));
        Assert.Equal(180m, byCertificate.FeeFor(1, CertificateLevel.Junior, null));
    }

    [Fact]
    public void SetSubject_Should_Throw_When_BySubjectWithoutFee()
    {
        var plan = ExamPlan.Create(1, 2021, "计划", RegistrationMode.BySubject, ADomain.Windows(), ADomain.T0);
        plan.SetCertificate(1, CertificateLevel.Junior, 0);

        Assert.Throws<DomainRuleException>(() => plan.SetSubject(ADomain.Subject(), ADomain.Day(16), ADomain.Day(16, 1)));
    }

    [Fact]
    public void SetSubject_Should_Throw_When_SubjectOfAnotherOrganization()
    {
        var plan = ADomain.ExamPlan(publish: false);
        var foreign = ExamSubject.Create(2, 1, CertificateLevel.Junior, "KM900", "理论知识", ExamMode.Written, CandidateScope.All, 100, 60, 90).WithId(9);

        var ex = Assert.Throws<DomainRuleException>(() => plan.SetSubject(foreign, ADomain.Day(16), ADomain.Day(16, 1)));

        Assert.Equal("该科目不属于本培训评价组织", ex.Message);
    }

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void StageOf_Should_AgreeWithStageAt_When_GivenTheWindows(DateTimeOffset now, ExamPlanStage expected)
    {
        Assert.Equal(expected, ExamPlan.StageOf(true, ADomain.Windows(), now));
        Assert.Equal(ExamPlanStage.Unpublished, ExamPlan.StageOf(false, ADomain.Windows(), now));
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(12, true)]
    [InlineData(9, false)]
    [InlineData(15, false)]
    [InlineData(16, false)]
    public void IsSchedulingOpen_Should_HoldOnlyInsideTheSchedulingWindow(int day, bool open) =>
        Assert.Equal(open, ADomain.ExamPlan().IsSchedulingOpen(ADomain.Day(day)));

    [Fact]
    public void EnsureScheduleAdjustable_Should_Refuse_When_SchedulingEnded()
    {
        var ex = Assert.Throws<DomainRuleException>(() => ADomain.ExamPlan().EnsureScheduleAdjustable(ADomain.Day(15)));

        Assert.Equal("排考时间已结束，不能调整", ex.Message);
    }

    [Fact]
    public void EnsureScheduleAdjustable_Should_Refuse_When_SchedulingNotStarted()
    {
        var ex = Assert.Throws<DomainRuleException>(() => ADomain.ExamPlan().EnsureScheduleAdjustable(ADomain.Day(10).AddTicks(-1)));

        Assert.Equal("排考时间未开始，不能调整", ex.Message);
    }

    [Fact]
    public void EnsureScheduleAdjustable_Should_Refuse_When_PlanUnpublished()
    {
        var plan = ADomain.ExamPlan(publish: false);

        Assert.Equal(ExamPlan.SchedulingUnpublished, Assert.Throws<DomainRuleException>(() => plan.EnsureScheduleAdjustable(ADomain.Day(12))).Message);
        Assert.False(plan.IsSchedulingOpen(ADomain.Day(12)));
    }

    [Fact]
    public void EnsureScheduleAdjustable_Should_Pass_When_InsideSchedulingWindow()
    {
        var plan = ADomain.ExamPlan();

        plan.EnsureScheduleAdjustable(ADomain.Day(12));

        Assert.Null(plan.ScheduleAdjustmentRefusal(ADomain.Day(12)));
    }
}
