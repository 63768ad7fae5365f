using CertHub.Core.Candidates;
using CertHub.Core.Common;

namespace CertHub.Tests.Core.Candidates;

public sealed class IdNumberLegacyTests
{
    [Fact]
    public void TryParse_Should_Refuse_When_LegacyFifteenDigitNumber()
    {
        Assert.False(IdNumber.TryParse("110101900307447", out _, out var error));
        Assert.Contains("18位", error);
    }

    [Fact]
    public void Create_Should_Refuse_When_ResidentIdIsFifteenDigits()
    {
        var details = new CandidateDetails("张三", null, IdType.ResidentIdCard, "110101900307447");

        Assert.Throws<DomainRuleException>(() => Candidate.Create(1, CandidateType.SchoolCandidate, CandidateNoGenerator.Generate("110101", 2021, DateTimeOffset.FromUnixTimeSeconds(1631773601), 1), details, DateTimeOffset.UnixEpoch));
    }
}
