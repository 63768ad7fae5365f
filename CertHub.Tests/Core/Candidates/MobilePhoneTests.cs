using CertHub.Core.Candidates;
using CertHub.Core.Common;

namespace CertHub.Tests.Core.Candidates;

public sealed class MobilePhoneTests
{
    [Theory]
    [InlineData("18300000551", true)]
    [InlineData("13912345678", true)]
    [InlineData("12912345678", false)]
    [InlineData("1830000055", false)]
    [InlineData("28300000551", false)]
    [InlineData("010-5168888", false)]
    public void IsValid_Should_AcceptMainlandMobiles_When_Checked(string value, bool expected) =>
        Assert.Equal(expected, MobilePhone.IsValid(value));

    [Fact]
    public void Optional_Should_NormalizeOrThrow_When_Given()
    {
        Assert.Equal("18300000551", MobilePhone.Optional(" 183-0000-0551 "));
        Assert.Null(MobilePhone.Optional(""));
        Assert.Throws<DomainRuleException>(() => MobilePhone.Optional("123"));
        Assert.Equal("183****0551", MobilePhone.Mask("18300000551"));
    }
}
