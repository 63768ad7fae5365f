namespace CertHub.Core.Common;

/// <summary>
/// 当前用户: who is acting and which tenant they belong to. Data access filters every query by it;
/// services stamp it on history and audit rows.
/// </summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    string? UserId { get; }

    string UserName { get; }

    string DisplayName { get; }

    UserRole? Role { get; }

    int? SchoolId { get; }

    int? OrganizationId { get; }

    int? ProvinceId { get; }

    /// <summary>权限: the permission codes of a sub-account's role (Accounts/Permissions); admin accounts hold every permission.</summary>
    IReadOnlyCollection<string> Permissions => [];

    /// <summary>负责证书: a 证书负责人 is narrowed to these certificate ids; empty when the account is not narrowed.</summary>
    IReadOnlyCollection<int> OwnedCertificateIds => [];
}

public static class CurrentUserExtensions
{
    public static bool IsSchool(this ICurrentUser user) => user.Role is UserRole.SchoolAdmin or UserRole.SchoolUser;

    public static bool IsOrganization(this ICurrentUser user) => user.Role is UserRole.OrgAdmin or UserRole.OrgUser;

    public static bool IsProvince(this ICurrentUser user) => user.Role is UserRole.ProvinceAdmin;

    public static bool IsPlatform(this ICurrentUser user) => user.Role is UserRole.PlatformAdmin;

    /// <summary>二级账户: a school or organisation sub-account, whose rights come from its role.</summary>
    public static bool IsSubAccount(this ICurrentUser user) => user.Role is UserRole.SchoolUser or UserRole.OrgUser;

    /// <summary>Admin accounts hold every permission; a sub-account only those of its role.</summary>
    public static bool HasPermission(this ICurrentUser user, string permission) =>
        user.IsAuthenticated && (!user.IsSubAccount() || user.Permissions.Contains(permission));

    /// <summary>证书负责人: the 负责证书 a sub-account is narrowed to; null when the user sees every certificate of its tenant.</summary>
    public static IReadOnlyList<int>? OwnedCertificatesOnly(this ICurrentUser user) =>
        user.IsSubAccount() && user.OwnedCertificateIds.Count > 0 ? [.. user.OwnedCertificateIds] : null;

    /// <summary>The name written into history and audit rows.</summary>
    public static string ActorName(this ICurrentUser user) =>
        user.IsAuthenticated ? $"{user.DisplayName}({user.UserName})" : "系统";
}

/// <summary>A fixed user, for background work (the system) and tests.</summary>
public sealed record FixedCurrentUser(
    UserRole? Role,
    int? SchoolId = null,
    int? OrganizationId = null,
    int? ProvinceId = null,
    string UserName = "system",
    string DisplayName = "系统",
    string? UserId = null) : ICurrentUser
{
    public bool IsAuthenticated => Role is not null;

    public IReadOnlyCollection<string> Permissions { get; init; } = [];

    public IReadOnlyCollection<int> OwnedCertificateIds { get; init; } = [];

    public static FixedCurrentUser System { get; } = new(UserRole.PlatformAdmin, UserName: "system", DisplayName: "系统");
}
