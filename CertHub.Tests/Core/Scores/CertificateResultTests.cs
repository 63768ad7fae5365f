using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Scores;

namespace CertHub.Tests.Core.Scores;

public sealed class CertificateResultTests
{
    private static readonly DateTimeOffset T0 = new(2021, 9, 20, 0, 0, 0, TimeSpan.Zero);

    private static CertificateResult New() => CertificateResult.Create(1, 2, 3, CertificateLevel.Junior, 4, 5, T0);

    [Fact]
    public void Create_Should_StartNotRecorded_When_New()
    {
        Assert.Equal(CertificateResultStatus.NotRecorded, New().Status);
        Assert.Equal(["未登记", "登记中", "已通过", "未通过"], Enum.GetValues<CertificateResultStatus>().Select(s => s.ToDisplayName()));
    }

    [Fact]
    public void Apply_Should_UpdateStatusAndTime_When_Changed()
    {
        var result = New();

        Assert.True(result.Apply(CertificateResultStatus.Recording, T0.AddDays(1)));
        Assert.False(result.Apply(CertificateResultStatus.Recording, T0.AddDays(2)));
        Assert.Equal(T0.AddDays(1), result.UpdatedUtc);
        Assert.True(result.Apply(CertificateResultStatus.Passed, T0.AddDays(3)));
        Assert.True(result.IsFinal);
    }

    [Theory]
    [InlineData(CertificateResultStatus.Passed, CertificateResultStatus.Failed)]
    [InlineData(CertificateResultStatus.Failed, CertificateResultStatus.Recording)]
    public void Apply_Should_Throw_When_ResultFinal(CertificateResultStatus final, CertificateResultStatus next)
    {
        var result = New();
        result.Apply(final, T0);

        Assert.Throws<DomainRuleException>(() => result.Apply(next, T0.AddDays(1)));
        Assert.Equal(final, result.Status);
    }
}
