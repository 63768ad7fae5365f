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
}
