using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Core.Exams;

public sealed class ExamRoomAccessTests
{
    [Fact]
    public void EnsureOpen_Should_Pass_When_PublishedListsSchoolAndBeforeScheduling() =>
        ExamRoomAccess.EnsureOpen(ADomain.ExamPlan(schoolIds: [1]), 1, ADomain.Day(9));

    [Fact]
    public void EnsureOpen_Should_Throw_When_PlanNotPublished() =>
        Assert.Equal(ExamRoomAccess.PlanNotPublished,
            Assert.Throws<DomainRuleException>(() => ExamRoomAccess.EnsureOpen(ADomain.ExamPlan(publish: false, schoolIds: [1]), 1, ADomain.Day(2))).Message);

    [Fact]
    public void EnsureOpen_Should_Throw_When_PlanDoesNotListSchool() =>
        Assert.Equal(ExamRoomAccess.PlanNotForSchool,
            Assert.Throws<DomainRuleException>(() => ExamRoomAccess.EnsureOpen(ADomain.ExamPlan(schoolIds: [1]), 2, ADomain.Day(2))).Message);

    [Fact]
    public void EnsureOpen_Should_Throw_When_SchedulingStarted() =>
        Assert.Equal(ExamRoomAccess.SchedulingStarted,
            Assert.Throws<DomainRuleException>(() => ExamRoomAccess.EnsureOpen(ADomain.ExamPlan(schoolIds: [1]), 1, ADomain.Day(10))).Message);
}
