using CertHub.Core.Api;
using CertHub.Core.Common;

namespace CertHub.Tests.Core.Api;

public sealed class ApiKeyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_Should_StoreTheHashAndAShortPrefix_NeverTheKey()
    {
        var secret = ApiKeySecret.Generate();

        var key = ApiKey.Create(3, "考务系统", secret, "赵刚(wl)", Now);

        Assert.Equal(64, key.KeyHash.Length);
        Assert.Equal(ApiKey.HashOf(secret), key.KeyHash);
        Assert.Equal(secret[..ApiKey.PrefixLength], key.Prefix);
        Assert.NotEqual(secret, key.KeyHash);
        Assert.True(key.Matches(secret));
        Assert.False(key.Matches(secret + "x"));
        Assert.False(key.Matches(""));
    }

    [Fact]
    public void Generate_Should_GiveARandomBase64UrlKeyWithPrefix()
    {
        var a = ApiKeySecret.Generate();
        var b = ApiKeySecret.Generate();

        Assert.NotEqual(a, b);
        Assert.StartsWith("chk_", a);
        Assert.Equal(4 + 43, a.Length);
        Assert.Matches("^chk_[A-Za-z0-9_-]{43}$", a);
    }

    [Fact]
    public void Create_Should_ShowAtMostHalfOfAShortKey()
    {
        var key = ApiKey.Create(3, "演示密钥", "demo-wl-key", "系统", Now);

        Assert.Equal("demo-", key.Prefix);
    }

    [Theory]
    [InlineData("", "考务系统", "API密钥至少8个字符")]
    [InlineData("short", "考务系统", "API密钥至少8个字符")]
    [InlineData("long-enough-key", " ", "密钥名称不能为空")]
    public void Create_Should_Refuse_When_KeyOrNameInvalid(string secret, string name, string message)
    {
        var ex = Assert.Throws<DomainRuleException>(() => ApiKey.Create(3, name, secret, "系统", Now));

        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void Revoke_Should_Refuse_When_AlreadyRevoked()
    {
        var key = ApiKey.Create(3, "考务系统", ApiKeySecret.Generate(), "系统", Now);
        key.Revoke("赵刚(wl)", Now);

        var ex = Assert.Throws<DomainRuleException>(() => key.Revoke("赵刚(wl)", Now));

        Assert.True(key.IsRevoked);
        Assert.Equal("该API密钥已吊销", ex.Message);
    }

    [Fact]
    public void LastUsed_Should_BeDueOncePerMinute()
    {
        Assert.True(ApiKey.IsLastUsedDue(null, Now));
        Assert.False(ApiKey.IsLastUsedDue(Now.AddSeconds(-30), Now));
        Assert.True(ApiKey.IsLastUsedDue(Now.AddMinutes(-1), Now));
    }
}
