using CertHub.Core.Accounts;
using CertHub.Core.Common;

namespace CertHub.Tests.Core.Accounts;

public sealed class SmsVerificationCodeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private static SmsVerificationCode Code(string code = "123456") => SmsVerificationCode.Create("13800138000", SmsPurpose.NewAccount, null, code, Now);

    [Fact]
    public void Create_Should_StoreOnlyASaltedHash()
    {
        var a = Code();
        var b = Code();

        Assert.DoesNotContain("123456", a.CodeHash, StringComparison.Ordinal);
        Assert.NotEqual(a.CodeHash, b.CodeHash);
        Assert.Equal(Now.AddMinutes(5), a.ExpiresUtc);
    }

    [Fact]
    public void NewCode_Should_BeSixDigits()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => SmsVerificationCode.NewCode()).ToList();
        Assert.All(codes, c => Assert.Matches("^[0-9]{6}$", c));
        Assert.True(codes.Distinct().Count() > 150);
    }

    [Fact]
    public void Check_Should_AcceptOnce()
    {
        var code = Code();

        Assert.Null(code.Check("123456", Now.AddMinutes(4)));
        Assert.Equal("验证码已使用，请重新获取", code.Check("123456", Now.AddMinutes(4)));
    }

    [Fact]
    public void Check_Should_Refuse_When_Expired() =>
        Assert.Equal("验证码已过期，请重新获取", Code().Check("123456", Now.AddMinutes(5)));

    [Fact]
    public void Check_Should_VoidTheCode_AfterFiveWrongEntries()
    {
        var code = Code();
        for (var i = 1; i < SmsVerificationCode.MaxFailedAttempts; i++)
        {
            Assert.Equal($"验证码错误，还可尝试{SmsVerificationCode.MaxFailedAttempts - i}次", code.Check("000000", Now));
        }

        Assert.Equal("验证码错误次数过多，请重新获取", code.Check("000000", Now));
        Assert.Equal("验证码错误次数过多，请重新获取", code.Check("123456", Now));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("12345a")]
    public void Create_Should_Throw_When_CodeIsNotSixDigits(string code) =>
        Assert.Throws<DomainRuleException>(() => Code(code));
}
