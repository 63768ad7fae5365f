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

    Task UpdateDisplayNameAsync(string userId, string displayName, CancellationToken ct);

    Task SetDisabledAsync(string userId, bool disabled, CancellationToken ct);
}
