using CertHub.Core.Common;

namespace CertHub.Core.Accounts;

/// <summary>An account as the store holds it (read by the services to apply <see cref="SubAccountRules"/>).</summary>
public sealed record AccountInfo(
    string UserId,
    string UserName,
    string DisplayName,
    UserRole Role,
    int? SchoolId,
    int? OrganizationId,
    int? ProvinceId,
    string? Phone,
    bool IsDisabled,
    bool MustChangePassword,
    int? AccountRoleId,
    bool IsCertificateOwner,
    IReadOnlyList<int> OwnedCertificateIds,
    DateTimeOffset CreatedUtc)
{
    /// <summary>
    /// The account's version as loaded: Identity's <c>ConcurrencyStamp</c> (renewed on every update of the user, and
    /// checked by Identity's store on save), so edit dialogs send it back like <see cref="Entity.RowVersion"/>.
    /// </summary>
    public string? Version { get; init; }

    /// <summary>保存 after a dialog showed this account: refused when it was changed since (<paramref name="expected"/> is the shown <see cref="Version"/>).</summary>
    public void EnsureVersion(string? expected)
    {
        if (expected is not null && expected != Version)
        {
            throw ConcurrencyConflict.Stale();
        }
    }
}

/// <summary>用户管理 filters: 账号, 姓名 (contains) and 状态 (null = all).</summary>
public sealed record UserFilter(string? UserName = null, string? DisplayName = null, bool? Disabled = null);

/// <summary>The tenant whose sub-accounts a store query returns (both null: every tenant, for the platform admin).</summary>
public sealed record SubAccountScope(int? SchoolId, int? OrganizationId);

/// <summary>用户管理 list row.</summary>
public sealed record UserListItem(string UserId, string UserName, string DisplayName, string? Phone, UserRole Role, int? AccountRoleId,
    string? RoleName, bool IsCertificateOwner, bool IsDisabled, DateTimeOffset CreatedUtc)
{
    public string MaskedPhone => PhoneNumbers.Mask(Phone);

    public bool CanEdit => SubAccountRules.CanEdit(IsDisabled);

    public bool CanDelete => SubAccountRules.CanDelete(IsDisabled);
}

/// <summary>
/// 新增用户 input: the phone must carry the code sent to it for <see cref="SmsPurpose.NewAccount"/>; <paramref name="Tenant"/>
/// (所属单位) is chosen by the platform admin only (a tenant admin's is its own).
/// </summary>
public sealed record NewUserInput(string UserName, string DisplayName, string Phone, string SmsCode, int? RoleId, bool IsCertificateOwner,
    IReadOnlyList<int> CertificateIds, SubAccountTenant? Tenant = null);

/// <summary>编辑用户 input: a <paramref name="Phone"/> other than the bound one must carry the code sent to it for <see cref="SmsPurpose.BindPhone"/>.</summary>
public sealed record UserEditInput(string DisplayName, int? RoleId, bool IsCertificateOwner, IReadOnlyList<int> CertificateIds,
    string? Phone = null, string? SmsCode = null)
{
    /// <summary>The <see cref="AccountInfo.Version"/> the edit dialog was loaded with (null: not from a form).</summary>
    public string? Version { get; init; }
}

/// <summary>What the store writes for a new sub-account (the rules have been applied).</summary>
public sealed record NewSubAccount(string UserName, string DisplayName, UserRole Role, int? SchoolId, int? OrganizationId, int? ProvinceId,
    string Phone, int RoleId, bool IsCertificateOwner, IReadOnlyList<int> CertificateIds, string Password);

/// <summary>查看用户: the account with its role and certificates by name.</summary>
public sealed record UserDetail(AccountInfo Account, string? RoleName, string TenantName, IReadOnlyList<string> CertificateNames)
{
    public string MaskedPhone => PhoneNumbers.Mask(Account.Phone);
}

/// <summary>A generated password, shown once (重置密码, 新增用户).</summary>
public sealed record GeneratedPassword(string UserName, string Password);
