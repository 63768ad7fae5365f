using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Accounts;

/// <summary>
/// 短信验证: sends a 6-digit code to a phone for a purpose and checks it once. Limits: one code per phone and per
/// account every <see cref="Interval"/>, at most <see cref="DailyLimit"/> per phone and per account each China day.
/// </summary>
public sealed class SmsVerification(ICertHubDbFactory dbFactory, ISmsSender sender, ICurrentUser currentUser, TimeProvider clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(60);
    public const int DailyLimit = 10;
    private const int MaxCheckAttempts = 5;

    /// <summary>获取验证码: stores the hash, sends the text; refused when a limit is reached.</summary>
    public async Task SendCodeAsync(string phone, SmsPurpose purpose, CancellationToken ct)
    {
        var number = PhoneNumbers.Normalize(phone);
        var now = clock.GetUtcNow();
        var userId = currentUser.IsAuthenticated ? currentUser.UserId : null;
        await using var db = await dbFactory.CreateAsync(ct);
        var codes = db.Set<SmsVerificationCode>();
        var recent = now - Interval;
        var dayStart = StartOfChinaDay(now);
        DomainRuleException.ThrowIf(await codes.AnyAsync(c => c.Phone == number && c.CreatedUtc > recent, ct)
            || (userId != null && await codes.AnyAsync(c => c.RequestedByUserId == userId && c.CreatedUtc > recent, ct)),
            "验证码发送过于频繁，请60秒后再试");
        DomainRuleException.ThrowIf(await codes.CountAsync(c => c.Phone == number && c.CreatedUtc >= dayStart, ct) >= DailyLimit,
            "该手机号今日获取验证码次数已达上限，请明天再试");
        DomainRuleException.ThrowIf(userId != null && await codes.CountAsync(c => c.RequestedByUserId == userId && c.CreatedUtc >= dayStart, ct) >= DailyLimit,
            "您今日获取验证码次数已达上限，请明天再试");

        var code = SmsVerificationCode.NewCode();
        codes.Add(SmsVerificationCode.Create(number, purpose, userId, code, now));
        await db.SaveChangesAsync(ct);
        await sender.SendAsync(number, Text(code, purpose), ct);
    }

    /// <summary>
    /// 校验验证码: accepts the latest code sent to the phone for the purpose, once; otherwise a Chinese refusal. When another
    /// instance checked the same code at the same moment (the row's concurrency token), the check is repeated on the fresh row,
    /// so a code is never accepted twice and no wrong entry goes uncounted.
    /// </summary>
    public async Task VerifyAsync(string phone, SmsPurpose purpose, string? code, CancellationToken ct)
    {
        var number = PhoneNumbers.Normalize(phone);
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(code), "请输入手机验证码");
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateAsync(ct);
            var latest = await db.Set<SmsVerificationCode>()
                .Where(c => c.Phone == number && c.Purpose == purpose)
                .OrderByDescending(c => c.Id)
                .FirstOrDefaultAsync(ct) ?? throw new DomainRuleException("请先获取验证码");
            var refusal = latest.Check(code, clock.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DomainRuleException ex) when (ConcurrencyConflict.Is(ex) && attempt < MaxCheckAttempts)
            {
                continue;
            }

            DomainRuleException.ThrowIf(refusal is not null, refusal ?? "");
            return;
        }
    }

    /// <summary>The text sent (Chinese, with the purpose and the lifetime).</summary>
    public static string Text(string code, SmsPurpose purpose) =>
        $"【职业技能等级证书信息管理服务平台】您的验证码为{code}，用于{purpose.ToDisplayName()}，{(int)SmsVerificationCode.Lifetime.TotalMinutes}分钟内有效。如非本人操作，请忽略本短信。";

    private static DateTimeOffset StartOfChinaDay(DateTimeOffset now)
    {
        var china = now.ToChina();
        return new DateTimeOffset(china.Year, china.Month, china.Day, 0, 0, 0, ChinaTime.Offset).ToUniversalTime();
    }
}
