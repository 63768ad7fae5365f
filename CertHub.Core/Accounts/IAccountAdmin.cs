using CertHub.Core.Common;

namespace CertHub.Core.Accounts;

public sealed record AccountFilter(string? UserName = null, UserRole? Role = null);

/// <summary>账号 list row.</summary>
public sealed record AccountListItem(string UserId, string UserName, string DisplayName, UserRole Role, string TenantName, bool IsDisabled);

/// <summary>新增账号: an organisation or province account (tenant id required for the role).</summary>
public sealed record NewAccount(string UserName, string DisplayName, UserRole Role, int? SchoolId, int? OrganizationId, int? ProvinceId, string Password);

/// <summary>Port to the account store (ASP.NET Core Identity in Web). Refusals are <see cref="DomainRuleException"/>s.</summary>
public interface IAccountAdmin
{
    Task<PagedResult<AccountListItem>> ListAsync(AccountFilter filter, PageRequest page, CancellationToken ct);

    /// <summary>Creates the account with its role; returns its user id.</summary>
    Task<string> CreateAsync(NewAccount account, CancellationToken ct);

    /// <summary>Renames the account; refused when <paramref name="expectedVersion"/> (non-null) is not its current <see cref="AccountInfo.Version"/>.</summary>
    Task UpdateDisplayNameAsync(string userId, string displayName, string? expectedVersion, CancellationToken ct);

    /// <summary>停用 / 启用; a new security stamp ends the account's open sessions.</summary>
    Task SetDisabledAsync(string userId, bool disabled, CancellationToken ct);

    // 用户管理 (8.1) and 个人中心: plain store operations; the rules are applied by UserManagementService and ProfileService.

    Task<PagedResult<UserListItem>> ListSubAccountsAsync(SubAccountScope scope, UserFilter filter, PageRequest page, CancellationToken ct);

    Task<AccountInfo?> FindAsync(string userId, CancellationToken ct);

    Task<string> CreateSubAccountAsync(NewSubAccount account, CancellationToken ct);

    /// <summary>Saves the edited sub-account; refused when <paramref name="expectedVersion"/> (non-null) is not its current <see cref="AccountInfo.Version"/>.</summary>
    Task UpdateSubAccountAsync(string userId, string displayName, int roleId, bool isCertificateOwner, IReadOnlyList<int> certificateIds, string? expectedVersion, CancellationToken ct);

    Task DeleteAsync(string userId, CancellationToken ct);

    /// <summary>Sets a password (重置密码) and whether it must be changed at the next login.</summary>
    Task SetPasswordAsync(string userId, string password, bool mustChange, CancellationToken ct);

    /// <summary>修改密码: checks the current password; clears the must-change flag.</summary>
    Task ChangePasswordAsync(string userId, string currentPassword, string newPassword, CancellationToken ct);

    Task SetPhoneAsync(string userId, string phone, CancellationToken ct);

    /// <summary>Whether an account other than <paramref name="exceptUserId"/> is bound to <paramref name="phone"/>.</summary>
    Task<bool> IsPhoneInUseAsync(string phone, string? exceptUserId, CancellationToken ct);

    Task<int> CountWithRoleAsync(int roleId, CancellationToken ct);
}
