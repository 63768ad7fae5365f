using CertHub.Core.Audit;
using CertHub.Core.Common;

namespace CertHub.Core.Accounts;

/// <summary>个人中心 view: the signed-in account with its phone masked.</summary>
public sealed record ProfileView(string UserName, string DisplayName, string RoleName, string? MaskedPhone, string? PhoneHint);

/// <summary>个人中心: the signed-in user changes its own password and, with a code sent to the new phone, its bound phone.</summary>
public sealed class ProfileService(IAccountAdmin accounts, SmsVerification sms, IAuditLog audit, ICurrentUser currentUser)
{
    public async Task<ProfileView> GetAsync(CancellationToken ct)
    {
        var account = await OwnAsync(ct);
        return new ProfileView(account.UserName, account.DisplayName, account.Role.ToDisplayName(),
            account.Phone is null ? null : PhoneNumbers.Mask(account.Phone),
            account.Phone is null ? null : PhoneNumbers.BoundPhoneHint(account.Phone));
    }

    /// <summary>修改密码: the current password, and the new one twice.</summary>
    public async Task ChangePasswordAsync(string currentPassword, string newPassword, string confirmPassword, CancellationToken ct)
    {
        var account = await OwnAsync(ct);
        DomainRuleException.ThrowIf(string.IsNullOrEmpty(currentPassword), "请输入当前密码");
        DomainRuleException.ThrowIf(string.IsNullOrEmpty(newPassword), "请输入新密码");
        DomainRuleException.ThrowIf(newPassword != confirmPassword, "两次输入的新密码不一致");
        DomainRuleException.ThrowIf(newPassword == currentPassword, "新密码不能与当前密码相同");
        await accounts.ChangePasswordAsync(account.UserId, currentPassword, newPassword, ct);
        await audit.RecordAsync(AuditNames.Account, account.UserName, "修改密码", null, ct);
    }

    /// <summary>获取验证码 for the new phone.</summary>
    public async Task SendPhoneCodeAsync(string newPhone, CancellationToken ct)
    {
        var account = await OwnAsync(ct);
        var phone = SubAccountRules.NewPhone(account, newPhone);
        DomainRuleException.ThrowIf(await accounts.IsPhoneInUseAsync(phone, account.UserId, ct), PhoneNumbers.InUse);
        await sms.SendCodeAsync(phone, SmsPurpose.BindPhone, ct);
    }

    /// <summary>更换手机号: the code sent to the new phone binds it.</summary>
    public async Task ChangePhoneAsync(string newPhone, string code, CancellationToken ct)
    {
        var account = await OwnAsync(ct);
        var phone = SubAccountRules.NewPhone(account, newPhone);
        DomainRuleException.ThrowIf(await accounts.IsPhoneInUseAsync(phone, account.UserId, ct), PhoneNumbers.InUse);
        await sms.VerifyAsync(phone, SmsPurpose.BindPhone, code, ct);
        await accounts.SetPhoneAsync(account.UserId, phone, ct);
        await audit.RecordAsync(AuditNames.Account, account.UserName, "更换手机号", PhoneNumbers.Mask(phone), ct);
    }

    private async Task<AccountInfo> OwnAsync(CancellationToken ct)
    {
        DomainRuleException.ThrowIf(!currentUser.IsAuthenticated || currentUser.UserId is null, "请先登录");
        return await accounts.FindAsync(currentUser.UserId!, ct) ?? throw new DomainRuleException("账号不存在");
    }
}
