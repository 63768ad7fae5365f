using System.Security.Cryptography;
using System.Text;
using CertHub.Core.Common;

namespace CertHub.Core.Accounts;

/// <summary>
/// 短信验证码: one code sent to one phone for one purpose. Only a salted hash is stored; the code expires after
/// <see cref="Lifetime"/>, is accepted once, and is voided after <see cref="MaxFailedAttempts"/> wrong entries.
/// </summary>
public sealed class SmsVerificationCode : Entity
{
    public const int CodeLength = 6;
    public const int MaxFailedAttempts = 5;
    public const int HashMaxLength = 64;
    public const int UserIdMaxLength = 450;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private SmsVerificationCode()
    {
    }

    public string Phone { get; private set; } = "";

    public SmsPurpose Purpose { get; private set; }

    /// <summary>The account that asked for the code (null before sign-in).</summary>
    public string? RequestedByUserId { get; private set; }

    public string Salt { get; private set; } = "";

    public string CodeHash { get; private set; } = "";

    public DateTimeOffset CreatedUtc { get; private set; }

    public DateTimeOffset ExpiresUtc { get; private set; }

    public int FailedAttempts { get; private set; }

    public DateTimeOffset? UsedUtc { get; private set; }

    /// <summary>A new random 6-digit code (cryptographic RNG).</summary>
    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static SmsVerificationCode Create(string phone, SmsPurpose purpose, string? userId, string code, DateTimeOffset now)
    {
        DomainRuleException.ThrowIf(code.Length != CodeLength || !code.All(char.IsAsciiDigit), "验证码必须是6位数字");
        var salt = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        return new SmsVerificationCode
        {
            Phone = PhoneNumbers.Normalize(phone),
            Purpose = purpose,
            RequestedByUserId = userId,
            Salt = salt,
            CodeHash = Hash(salt, code),
            CreatedUtc = now,
            ExpiresUtc = now + Lifetime,
        };
    }

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresUtc;

    public bool IsUsed => UsedUtc is not null;

    public bool IsExhausted => FailedAttempts >= MaxFailedAttempts;

    /// <summary>
    /// 校验: marks the code used when it matches; counts a wrong entry otherwise. Returns the refusal message, or null when accepted.
    /// </summary>
    public string? Check(string? code, DateTimeOffset now)
    {
        if (IsUsed)
        {
            return "验证码已使用，请重新获取";
        }

        if (IsExpired(now))
        {
            return "验证码已过期，请重新获取";
        }

        if (IsExhausted)
        {
            return "验证码错误次数过多，请重新获取";
        }

        var entered = (code ?? "").Trim();
        var matches = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(Salt, entered)), Encoding.ASCII.GetBytes(CodeHash));
        if (!matches)
        {
            FailedAttempts++;
            return IsExhausted ? "验证码错误次数过多，请重新获取" : $"验证码错误，还可尝试{MaxFailedAttempts - FailedAttempts}次";
        }

        UsedUtc = now;
        return null;
    }

    private static string Hash(string salt, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(salt + ":" + code)));
}
