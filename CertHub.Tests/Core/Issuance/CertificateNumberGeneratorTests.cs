using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Issuance;

namespace CertHub.Tests.Core.Issuance;

public sealed class CertificateNumberGeneratorTests
{
    [Fact]
    public void Format_Should_JoinCodeYearLevelAndSequence_When_Valid()
    {
        Assert.Equal("1XXXH2021200000001", CertificateNumberGenerator.Format("1+X-XXH", 2021, CertificateLevel.Intermediate, 1));
        Assert.Equal("JAVA2022312345678", CertificateNumberGenerator.Format("java", 2022, CertificateLevel.Senior, 12345678));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_000_000)]
    public void Format_Should_Throw_When_SequenceOutOfRange(int sequence) =>
        Assert.Throws<DomainRuleException>(() => CertificateNumberGenerator.Format("XXH", 2021, CertificateLevel.Junior, sequence));

    [Fact]
    public void Next_Should_FollowHighestSequenceOfSamePrefix_When_NumbersExist()
    {
        string[] existing = ["1XXXH2021200000007", "1XXXH2021200000003", "1XXXH2021100000050", "JAVA2021200000090"];

        Assert.Equal("1XXXH2021200000008", CertificateNumberGenerator.Next("1+X-XXH", 2021, CertificateLevel.Intermediate, existing));
        Assert.Equal("1XXXH2021300000001", CertificateNumberGenerator.Next("1+X-XXH", 2021, CertificateLevel.Senior, existing));
    }

    [Fact]
    public void Format_Should_DifferAcrossCertificatesLevelsAndYears_When_SameSequence()
    {
        var numbers = new[]
        {
            CertificateNumberGenerator.Format("XXH", 2021, CertificateLevel.Junior, 1),
            CertificateNumberGenerator.Format("XXH", 2021, CertificateLevel.Intermediate, 1),
            CertificateNumberGenerator.Format("XXH", 2022, CertificateLevel.Junior, 1),
            CertificateNumberGenerator.Format("JAVA", 2021, CertificateLevel.Junior, 1),
        };

        Assert.Equal(numbers.Length, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.True(n.Length <= CertificateNumberGenerator.MaxLength));
    }
}
