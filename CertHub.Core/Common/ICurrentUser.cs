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
}

public static class CurrentUserExtensions
{
    public static bool IsSchool(this ICurrentUser user) => user.Role is UserRole.SchoolAdmin or UserRole.SchoolUser;

    public static bool IsOrganization(this ICurrentUser user) => user.Role is UserRole.OrgAdmin or UserRole.OrgUser;

    public static bool IsProvince(this ICurrentUser user) => user.Role is UserRole.ProvinceAdmin;

    public static bool IsPlatform(this ICurrentUser user) => user.Role is UserRole.PlatformAdmin;

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

    public static FixedCurrentUser System { get; } = new(UserRole.PlatformAdmin, UserName: "system", DisplayName: "系统");
}
