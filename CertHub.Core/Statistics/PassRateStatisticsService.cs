using CertHub.Core.Accounts;
using CertHub.Core.Audit;
using CertHub.Core.Common;

namespace CertHub.Core.Statistics;

/// <summary>
/// 证书通过率统计 (manual 7.1) as the page uses it: the figures (<see cref="PassRateQueries"/>) and 导出, which needs a valid SMS
/// code sent to the current user's bound phone (purpose 导出: 6 digits, 5 minutes, single use, rate-limited by
/// <see cref="SmsVerification"/>) and is audited as an export. The code is checked here, not only in the page.
/// </summary>
public sealed class PassRateStatisticsService(
    PassRateQueries queries,
    ICurrentUser currentUser,
    SmsVerification sms,
    IAccountAdmin accounts,
    IAuditLog audit)
{
    public const string NoPhoneMessage = "您的账号尚未绑定手机号，请先在个人中心绑定手机号后再导出";

    /// <summary>The page's route: a sub-account needs its menu permission.</summary>
    public const string Route = PassRateQueries.Route;

    /// <summary>按证书统计 or 按证书等级统计 with the funnel.</summary>
    public Task<PassRateReport> GetAsync(PassRateGrouping grouping, PassRateFilter filter, CancellationToken ct) =>
        queries.GetAsync(grouping, filter, ct);

    /// <summary>筛选机构 and 证书名称 choices.</summary>
    public Task<PassRateFilterOptions> FilterOptionsAsync(CancellationToken ct) => queries.FilterOptionsAsync(ct);

    /// <summary>导出 dialog: the manual's hint with the bound phone's last four digits, or no hint when none is bound.</summary>
    public async Task<ExportVerification> GetExportVerificationAsync(CancellationToken ct)
    {
        queries.EnsureMayView();
        var phone = await BoundPhoneAsync(ct);
        return new ExportVerification(phone is null ? null : PhoneNumbers.BoundPhoneHint(phone));
    }

    /// <summary>获取验证码 for 导出, sent to the current user's bound phone.</summary>
    public async Task SendExportCodeAsync(CancellationToken ct)
    {
        queries.EnsureMayView();
        var phone = await BoundPhoneAsync(ct) ?? throw new DomainRuleException(NoPhoneMessage);
        await sms.SendCodeAsync(phone, SmsPurpose.Export, ct);
    }

    /// <summary>立即导出: the rows, only with a valid code (6 digits, unexpired, unused) sent to the bound phone; audited.</summary>
    public async Task<PassRateReport> ExportAsync(PassRateGrouping grouping, PassRateFilter filter, string? code, CancellationToken ct)
    {
        queries.EnsureMayView();
        var phone = await BoundPhoneAsync(ct) ?? throw new DomainRuleException(NoPhoneMessage);
        await sms.VerifyAsync(phone, SmsPurpose.Export, code, ct);
        var report = await queries.GetAsync(grouping, filter, ct);
        await audit.RecordAsync(AuditNames.Export, "证书通过率统计", AuditNames.ExportAction,
            $"{grouping.ToDisplayName()} {report.Rows.Count}条", ct);
        return report;
    }

    private async Task<string?> BoundPhoneAsync(CancellationToken ct)
    {
        DomainRuleException.ThrowIf(currentUser.UserId is null, "请先登录");
        var account = await accounts.FindAsync(currentUser.UserId!, ct) ?? throw new DomainRuleException("账号不存在");
        return string.IsNullOrWhiteSpace(account.Phone) ? null : account.Phone;
    }

}
