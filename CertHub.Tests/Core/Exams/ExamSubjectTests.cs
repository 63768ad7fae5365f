using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Core.Exams;

public sealed class ExamSubjectTests
{
    [Theory]
    [InlineData(ExamMode.Written, RoomType.Ordinary)]
    [InlineData(ExamMode.Computer, RoomType.ComputerRoom)]
    [InlineData(ExamMode.Practical, RoomType.PracticalRoom)]
    public void Create_Should_DeriveRoomType_When_ExamModeGiven(ExamMode mode, RoomType expected) =>
        Assert.Equal(expected, ADomain.Subject(mode: mode).RoomType);

    [Fact]
    public void Create_Should_Throw_When_PassMarkAboveFullMark() =>
        Assert.Throws<DomainRuleException>(() =>
            ExamSubject.Create(1, 1, CertificateLevel.Junior, "KM1", "理论", ExamMode.Written, CandidateScope.All, 100, 100.5m, 90));

    [Fact]
    public void Create_Should_Accept_When_PassMarkEqualsFullMark() =>
        Assert.Equal(100, ExamSubject.Create(1, 1, CertificateLevel.Junior, "KM1", "理论", ExamMode.Written, CandidateScope.All, 100, 100, 90).PassMark);

    [Theory]
    [InlineData(CandidateScope.All, CandidateType.PublicCandidate, true)]
    [InlineData(CandidateScope.SchoolCandidates, CandidateType.SchoolCandidate, true)]
    [InlineData(CandidateScope.SchoolCandidates, CandidateType.PublicCandidate, false)]
    [InlineData(CandidateScope.PublicCandidates, CandidateType.SchoolCandidate, false)]
    public void IsOpenTo_Should_FollowScope_When_Asked(CandidateScope scope, CandidateType type, bool expected) =>
        Assert.Equal(expected, ADomain.Subject(scope: scope).IsOpenTo(type));

    [Fact]
    public void Update_Should_RenameOnly_When_InPublishedPlan()
    {
        var subject = ADomain.Subject();

        subject.Update(subject.Code, "理论知识（新）", subject.ExamMode, subject.CandidateScope, subject.FullMark, subject.PassMark, subject.DurationMinutes, inPublishedPlan: true);

        Assert.Equal("理论知识（新）", subject.Name);
    }

    [Theory]
    [InlineData("KM999", ExamMode.Computer, CandidateScope.All, 100, 60, 120)]
    [InlineData("KM001", ExamMode.Written, CandidateScope.All, 100, 60, 120)]
    [InlineData("KM001", ExamMode.Computer, CandidateScope.PublicCandidates, 100, 60, 120)]
    [InlineData("KM001", ExamMode.Computer, CandidateScope.All, 150, 60, 120)]
    [InlineData("KM001", ExamMode.Computer, CandidateScope.All, 100, 70, 120)]
    [InlineData("KM001", ExamMode.Computer, CandidateScope.All, 100, 60, 90)]
    public void Update_Should_Throw_When_InPublishedPlanAndMoreThanNameChanges(string code, ExamMode mode, CandidateScope scope, int full, int pass, int minutes)
    {
        var subject = ADomain.Subject();

        var ex = Assert.Throws<DomainRuleException>(() => subject.Update(code, "理论知识", mode, scope, full, pass, minutes, inPublishedPlan: true));

        Assert.Equal(ExamSubject.InPublishedPlanMessage, ex.Message);
        Assert.Equal(ExamMode.Computer, subject.ExamMode);
    }

    [Fact]
    public void Update_Should_ChangeEverythingAndDeriveRoomType_When_NotInPublishedPlan()
    {
        var subject = ADomain.Subject();

        subject.Update("KM777", "实操技能", ExamMode.Practical, CandidateScope.SchoolCandidates, 150, 90, 60);

        Assert.Equal(("KM777", RoomType.PracticalRoom, CandidateScope.SchoolCandidates, 150m, 90m, 60),
            (subject.Code, subject.RoomType, subject.CandidateScope, subject.FullMark, subject.PassMark, subject.DurationMinutes));
    }
}

