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
}
