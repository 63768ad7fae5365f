using CertHub.Core.Accounts;
using CertHub.Core.Common;

namespace CertHub.Tests.Core.Accounts;

public sealed class SmsSendWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(60);

    [Fact]
    public void Claim_Should_Refuse_WithinTheInterval_AndAcceptFromItsEnd()
    {
        var window = SmsSendWindow.Open(SmsSendWindow.PhoneKey("13800138000"), Now);

        var ex = Assert.Throws<DomainRuleException>(() => window.Claim(Now.AddSeconds(59.9), Interval));
        window.Claim(Now.AddSeconds(60), Interval);

        Assert.Equal("验证码发送过于频繁，请60秒后再试", ex.Message);
        Assert.Equal(Now.AddSeconds(60), window.LastSentUtc);
    }

    [Fact]
    public void Keys_Should_SeparatePhonesFromAccounts_AndRefuseABlankAccount()
    {
        Assert.Equal("phone:13800138000", SmsSendWindow.PhoneKey("138 0013 8000"));
        Assert.Equal("user:admin-a", SmsSendWindow.UserKey("admin-a"));
        Assert.Throws<DomainRuleException>(() => SmsSendWindow.UserKey(" "));
        Assert.Throws<DomainRuleException>(() => SmsSendWindow.Open("", Now));
    }
}
