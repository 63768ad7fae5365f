using CertHub.Core.Common;

namespace CertHub.Tests.Core.Common;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("0", "0.00")]
    [InlineData("120", "120.00")]
    [InlineData("1234.5", "1,234.50")]
    [InlineData("99.99", "99.99")]
    public void Of_Should_KeepTwoDecimals_When_AmountIsValid(string yuan, string printed)
    {
        Assert.Equal(printed, Money.Of(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture)).ToString());
    }

    [Fact]
    public void Of_Should_Throw_When_AmountIsNegative()
    {
        var ex = Assert.Throws<DomainRuleException>(() => Money.Of(-0.01m, "考试费用"));
        Assert.Equal("考试费用不能小于0", ex.Message);
    }

    [Fact]
    public void Of_Should_Throw_When_AmountHasMoreThanTwoDecimals()
    {
        var ex = Assert.Throws<DomainRuleException>(() => Money.Of(10.005m, "考试费用"));
        Assert.Equal("考试费用最多保留两位小数", ex.Message);
    }

    [Fact]
    public void Times_Should_MultiplyExactly_When_ManyCandidates()
    {
        var amount = Money.Of(123.45m).Times(1000);

        Assert.Equal(123_450.00m, amount.Yuan);
        Assert.Equal("123,450.00", amount.ToString());
    }

    [Fact]
    public void Times_Should_Throw_When_CountIsNegative()
    {
        Assert.Throws<DomainRuleException>(() => Money.Of(1m).Times(-1));
    }

    [Fact]
    public void Operators_Should_AddAndCompare()
    {
        var sum = Money.Of(0.1m) + Money.Of(0.2m);

        Assert.Equal(0.3m, sum.Yuan);
        Assert.True(sum > Money.Of(0.29m));
        Assert.True(Money.Zero <= sum);
    }
}
