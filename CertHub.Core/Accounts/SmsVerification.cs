using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Accounts;

/// <summary>
/// 短信验证: sends a 6-digit code to a phone for a purpose and checks it once. Limits: one code per phone and per
/// account every <see cref="Interval"/> (claimed atomically in <see cref="SmsSendWindow"/>, so also across instances),
/// at most <see cref="DailyLimit"/> per phone and per account each China day.
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
        var dayStart = StartOfChinaDay(now);
        string[] keys = userId is null ? [SmsSendWindow.PhoneKey(number)] : [SmsSendWindow.PhoneKey(number), SmsSendWindow.UserKey(userId)];
        var windows = await db.Set<SmsSendWindow>().Where(w => keys.Contains(w.Key)).ToListAsync(ct);
        foreach (var key in keys)
        {
            if (windows.Find(w => w.Key == key) is { } window)
            {
                window.Claim(now, Interval);
            }
            else
            {
                db.Set<SmsSendWindow>().Add(SmsSendWindow.Open(key, now));
            }
        }

        DomainRuleException.ThrowIf(await codes.CountAsync(c => c.Phone == number && c.CreatedUtc >= dayStart, ct) >= DailyLimit,
            "该手机号今日获取验证码次数已达上限，请明天再试");
        DomainRuleException.ThrowIf(userId != null && await codes.CountAsync(c => c.RequestedByUserId == userId && c.CreatedUtc >= dayStart, ct) >= DailyLimit,
            "您今日获取验证码次数已达上限，请明天再试");

        var code = SmsVerificationCode.NewCode();
        codes.Add(SmsVerificationCode.Create(number, purpose, userId, code, now));
        await ClaimAsync(db, keys, now, ct);
        await sender.SendAsync(number, Text(code, purpose), ct);
    }

    /// <summary>
    /// Saves the claimed send windows with the new code in one transaction. Another instance that sent to the same phone or
    /// account at the same moment makes this save fail — on the window's concurrency token (an existing window) or on its
    /// unique key (a new one) — and then nothing is saved or sent: 验证码发送过于频繁.
    /// </summary>
    private async Task ClaimAsync(ICertHubDb db, string[] keys, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleException ex) when (ConcurrencyConflict.Is(ex))
        {
            throw new DomainRuleException(SmsSendWindow.TooSoon, ex);
        }
        catch (DbUpdateException ex)
        {
            var recent = now - Interval;
            await using var fresh = await dbFactory.CreateAsync(ct);
            if (await fresh.Set<SmsSendWindow>().AnyAsync(w => keys.Contains(w.Key) && w.LastSentUtc > recent, ct))
            {
                throw new DomainRuleException(SmsSendWindow.TooSoon, ex);
            }

            throw;
        }
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
