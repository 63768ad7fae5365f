using CertHub.Core.Accounts;
using CertHub.Core.Common;
using CertHub.Tests.Support;

namespace CertHub.Tests.Data.Accounts;

public sealed class SmsVerificationTests : IDisposable
{
    private const string Phone = "13800138000";
    private readonly AccountsHarness _h = new();

    private SmsVerification Sms(ICurrentUser? user = null) => _h.As(user ?? _h.SchoolAAdmin).Sms;

    [Fact]
    public async Task SendCode_Should_SendAChineseTextWithSixDigits_AndStoreOnlyTheHash()
    {
        await Sms().SendCodeAsync(Phone, SmsPurpose.NewAccount, CancellationToken.None);

        var message = Assert.Single(_h.Outbox.Messages);
        Assert.Equal(Phone, message.Phone);
        Assert.Contains("用于新增账号，5分钟内有效", message.Text);
        var code = _h.LatestCode(Phone);
        await using var db = _h.Database.OpenAsSystem();
        var stored = Assert.Single(db.Set<SmsVerificationCode>());
        Assert.DoesNotContain(code, stored.CodeHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_Should_AcceptTheCodeOnce_AndRefuseReuse()
    {
        await Sms().SendCodeAsync(Phone, SmsPurpose.NewAccount, CancellationToken.None);
        var code = _h.LatestCode(Phone);

        await Sms().VerifyAsync(Phone, SmsPurpose.NewAccount, code, CancellationToken.None);
        var reuse = await Assert.ThrowsAsync<DomainRuleException>(() => Sms().VerifyAsync(Phone, SmsPurpose.NewAccount, code, CancellationToken.None));

        Assert.Equal("验证码已使用，请重新获取", reuse.Message);
    }

    [Fact]
    public async Task Verify_Should_Refuse_When_ExpiredAfterFiveMinutes()
    {
        await Sms().SendCodeAsync(Phone, SmsPurpose.NewAccount, CancellationToken.None);
        var code = _h.LatestCode(Phone);
        _h.Clock.Advance(TimeSpan.FromMinutes(5));

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Sms().VerifyAsync(Phone, SmsPurpose.NewAccount, code, CancellationToken.None));

        Assert.Equal("验证码已过期，请重新获取", ex.Message);
    }

    [Fact]
    public async Task Verify_Should_Refuse_When_PurposeDiffers_OrNoCodeWasSent()
    {
        await Sms().SendCodeAsync(Phone, SmsPurpose.NewAccount, CancellationToken.None);
        var code = _h.LatestCode(Phone);

        var other = await Assert.ThrowsAsync<DomainRuleException>(() => Sms().VerifyAsync(Phone, SmsPurpose.Export, code, CancellationToken.None));
        var none = await Assert.ThrowsAsync<DomainRuleException>(() => Sms().VerifyAsync("13900139000", SmsPurpose.NewAccount, code, CancellationToken.None));

        Assert.Equal("请先获取验证码", other.Message);
        Assert.Equal("请先获取验证码", none.Message);
    }

    [Fact]
    public async Task Verify_Should_VoidTheCode_AfterFiveWrongEntries_AndPersistTheCount()
    {
        await Sms().SendCodeAsync(Phone, SmsPurpose.BindPhone, CancellationToken.None);
        var code = _h.LatestCode(Phone);
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < SmsVerificationCode.MaxFailedAttempts; i++)
        {
            await Assert.ThrowsAsync<DomainRuleException>(() => Sms().VerifyAsync(Phone, SmsPurpose.BindPhone, wrong, CancellationToken.None));
        }

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Sms().VerifyAsync(Phone, SmsPurpose.BindPhone, code, CancellationToken.None));

        Assert.Equal("验证码错误次数过多，请重新获取", ex.Message);
    }

    [Fact]
    public async Task SendCode_Should_Refuse_WithinSixtySeconds_PerPhone_AndPerUser()
    {
        await Sms().SendCodeAsync(Phone, SmsPurpose.NewAccount, CancellationToken.None);
        _h.Clock.Advance(TimeSpan.FromSeconds(59));

        var samePhone = await Assert.ThrowsAsync<DomainRuleException>(() => Sms(_h.SchoolBAdmin).SendCodeAsync(Phone, SmsPurpose.NewAccount, CancellationToken.None));
        var sameUser = await Assert.ThrowsAsync<DomainRuleException>(() => Sms().SendCodeAsync("13900139000", SmsPurpose.NewAccount, CancellationToken.None));
        _h.Clock.Advance(TimeSpan.FromSeconds(2));
        await Sms().SendCodeAsync(Phone, SmsPurpose.NewAccount, CancellationToken.None);

        Assert.Equal("验证码发送过于频繁，请60秒后再试", samePhone.Message);
        Assert.Equal("验证码发送过于频繁，请60秒后再试", sameUser.Message);
        Assert.Equal(2, _h.Outbox.Messages.Count);
    }

    [Fact]
    public async Task SendCode_Should_Refuse_AfterTenPerChinaDay_PerPhone_AndPerUser()
    {
        for (var i = 0; i < SmsVerification.DailyLimit; i++)
        {
            await Sms().SendCodeAsync(Phone, SmsPurpose.NewAccount, CancellationToken.None);
            _h.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var phone = await Assert.ThrowsAsync<DomainRuleException>(() => Sms(_h.SchoolBAdmin).SendCodeAsync(Phone, SmsPurpose.NewAccount, CancellationToken.None));
        var user = await Assert.ThrowsAsync<DomainRuleException>(() => Sms().SendCodeAsync("13900139000", SmsPurpose.NewAccount, CancellationToken.None));
        _h.Clock.Advance(TimeSpan.FromDays(1));
        await Sms().SendCodeAsync(Phone, SmsPurpose.NewAccount, CancellationToken.None);

        Assert.Equal("该手机号今日获取验证码次数已达上限，请明天再试", phone.Message);
        Assert.Equal("您今日获取验证码次数已达上限，请明天再试", user.Message);
    }

    public void Dispose() => _h.Dispose();
}
