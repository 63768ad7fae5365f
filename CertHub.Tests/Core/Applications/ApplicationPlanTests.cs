using CertHub.Core.Applications;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Core.Applications;

public sealed class ApplicationPlanTests
{
    [Theory]
    [InlineData(-1, ApplicationPlanStatus.NotStarted)]
    [InlineData(0, ApplicationPlanStatus.InProgress)]
    [InlineData(10 * 24 * 3600 - 1, ApplicationPlanStatus.InProgress)]
    [InlineData(10 * 24 * 3600, ApplicationPlanStatus.Ended)]
    public void StatusAt_Should_FollowWindow_When_AtBoundaryInstants(int secondsAfterStart, ApplicationPlanStatus expected)
    {
        var plan = ADomain.ApplicationPlan();

        Assert.Equal(expected, plan.StatusAt(ADomain.T0.AddSeconds(secondsAfterStart)));
    }

    [Fact]
    public void IsOpenFor_Should_OnlyAcceptListedCertificates_When_ScopeIsPartial()
    {
        var plan = ADomain.ApplicationPlan(scope: OpenScope.Partial, open: [(5, CertificateLevel.Junior)]);

        Assert.True(plan.IsOpenFor(5, CertificateLevel.Junior, ADomain.Day(1)));
        Assert.False(plan.IsOpenFor(5, CertificateLevel.Senior, ADomain.Day(1)));
        Assert.False(plan.IsOpenFor(6, CertificateLevel.Junior, ADomain.Day(1)));
        Assert.False(plan.IsOpenFor(5, CertificateLevel.Junior, ADomain.Day(10)));
    }

    [Fact]
    public void IsOpenFor_Should_AcceptAnyCertificate_When_ScopeIsAll()
    {
        var plan = ADomain.ApplicationPlan();

        Assert.True(plan.IsOpenFor(99, CertificateLevel.Intermediate, ADomain.Day(1)));
        Assert.Empty(plan.OpenCertificates);
    }

    [Fact]
    public void Create_Should_Throw_When_PartialScopeHasNoCertificates()
    {
        var ex = Assert.Throws<DomainRuleException>(() => ADomain.ApplicationPlan(scope: OpenScope.Partial));

        Assert.Contains("至少选择一个证书", ex.Message);
    }

    [Fact]
    public void Create_Should_Throw_When_EndIsNotAfterStart()
    {
        Assert.Throws<DomainRuleException>(() =>
            ApplicationPlan.Create(1, 2021, 1, "第一批", ADomain.T0, ADomain.T0, false, false, OpenScope.All));
    }

    [Theory]
    [InlineData(1, "第一批")]
    [InlineData(7, "第七批")]
    [InlineData(10, "第十批")]
    [InlineData(12, "第十二批")]
    [InlineData(20, "第二十批")]
    [InlineData(35, "第三十五批")]
    public void BatchNameOf_Should_WriteChineseNumeral_When_Given(int batch, string expected) =>
        Assert.Equal(expected, ApplicationPlan.BatchNameOf(batch));
}
