using CertHub.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace CertHub.Data.Identity;

/// <summary>账号: an Identity user that belongs to exactly one school, organisation or province (or the platform).</summary>
public sealed class CertHubUser : IdentityUser
{
    public const int DisplayNameMaxLength = 50;

    public string DisplayName { get; set; } = "";

    public UserRole Role { get; set; }

    public int? SchoolId { get; set; }

    public int? OrganizationId { get; set; }

    public int? ProvinceId { get; set; }

    /// <summary>是否证书负责人 (school sub-accounts narrowed to their certificates).</summary>
    public bool IsCertificateOwner { get; set; }

    /// <summary>停用: a disabled account cannot sign in.</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    // 用户管理 (8.1): the sub-account's role, 负责证书 and the first-login password change.
    public const int OwnedCertificateIdsMaxLength = 1000;

    /// <summary>角色 (Core/Accounts/AccountRole) of a sub-account; admins have none (they hold every permission).</summary>
    public int? AccountRoleId { get; set; }

    /// <summary>负责证书 of a 证书负责人: certificate ids, comma-separated.</summary>
    public string? OwnedCertificateIds { get; set; }

    /// <summary>The password was set by an admin (新增, 重置密码): the user must change it before anything else.</summary>
    public bool MustChangePassword { get; set; }

    public IReadOnlyList<int> OwnedCertificates() =>
        string.IsNullOrEmpty(OwnedCertificateIds)
            ? []
            : [.. OwnedCertificateIds.Split(',').Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture))];

    public void SetOwnedCertificates(IReadOnlyList<int> ids) =>
        OwnedCertificateIds = ids.Count == 0 ? null : string.Join(',', ids.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
