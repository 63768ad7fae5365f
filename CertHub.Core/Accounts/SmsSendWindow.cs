using CertHub.Core.Common;

namespace CertHub.Core.Accounts;

/// <summary>
/// 验证码发送间隔: one row per phone and one per account (unique <see cref="Key"/>) holding when a code was last sent to it.
/// A send claims the row: a new key inserts it (a second instance inserting the same key at once hits the unique key),
/// an existing one is updated with its concurrency token (<see cref="Entity.RowVersion"/>), so of two instances sending to
/// one phone at the same moment exactly one succeeds — the check and the claim are one atomic write, not read-then-insert.
/// </summary>
public sealed class SmsSendWindow : Entity
{
    public const int KeyMaxLength = 460;
    public const string TooSoon = "验证码发送过于频繁，请60秒后再试";

    private SmsSendWindow()
    {
    }

    /// <summary><c>phone:…</c> or <c>user:…</c>.</summary>
    public string Key { get; private set; } = "";

    public DateTimeOffset LastSentUtc { get; private set; }

    public static string PhoneKey(string phone) => "phone:" + PhoneNumbers.Normalize(phone);

    public static string UserKey(string userId) => "user:" + Guard.Required(userId, "账号", SmsVerificationCode.UserIdMaxLength);

    /// <summary>The first send to <paramref name="key"/>.</summary>
    public static SmsSendWindow Open(string key, DateTimeOffset now)
    {
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(key) || key.Length > KeyMaxLength, "发送对象无效");
        return new SmsSendWindow { Key = key, LastSentUtc = now };
    }

    /// <summary>A next send: refused while <paramref name="interval"/> has not passed since the last one.</summary>
    public void Claim(DateTimeOffset now, TimeSpan interval)
    {
        DomainRuleException.ThrowIf(now < LastSentUtc + interval, TooSoon);
        LastSentUtc = now;
    }
}
