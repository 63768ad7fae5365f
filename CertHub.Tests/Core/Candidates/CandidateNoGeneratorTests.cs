using CertHub.Core.Candidates;
using CertHub.Core.Common;

namespace CertHub.Tests.Core.Candidates;

public sealed class CandidateNoGeneratorTests
{
    [Fact]
    public void Generate_Should_ReproduceManualExample_When_GivenItsParts()
    {
        var no = CandidateNoGenerator.Generate("370682", 2021, DateTimeOffset.FromUnixTimeSeconds(1631773601), 551242);

        Assert.Equal("37068220211631773601551242", no);
        Assert.Equal(26, no.Length);
        Assert.True(CandidateNoGenerator.IsValid(no));
    }

    [Fact]
    public void Generate_Should_PadSequence_When_Small() =>
        Assert.EndsWith("000007", CandidateNoGenerator.Generate("110101", 2021, DateTimeOffset.FromUnixTimeSeconds(1631773601), 7));

    [Theory]
    [InlineData("37068", 2021, 1)]
    [InlineData("37068a", 2021, 1)]
    [InlineData("370682", 21, 1)]
    [InlineData("370682", 2021, 1_000_000)]
    [InlineData("370682", 2021, -1)]
    public void Generate_Should_Throw_When_PartsInvalid(string region, int year, int sequence) =>
        Assert.Throws<DomainRuleException>(() => CandidateNoGenerator.Generate(region, year, DateTimeOffset.FromUnixTimeSeconds(1631773601), sequence));

    [Fact]
    public void RegionCodeOf_Should_UseIdOrZeros_When_IdTypeDiffers()
    {
        Assert.Equal("110101", CandidateNoGenerator.RegionCodeOf(IdType.ResidentIdCard, "110101199003074477"));
        Assert.Equal("000000", CandidateNoGenerator.RegionCodeOf(IdType.Passport, "E12345678"));
    }
}
