namespace CertHub.Web.Accounts;

/// <summary>The custom claims carried in the auth cookie.</summary>
public static class CertHubClaimTypes
{
    public const string Role = "certhub:role";
    public const string SchoolId = "certhub:school";
    public const string OrganizationId = "certhub:org";
    public const string ProvinceId = "certhub:province";
    public const string DisplayName = "certhub:name";
    public const string TenantName = "certhub:tenant";
    public const string Permission = "certhub:perm";
    public const string OwnedCertificate = "certhub:cert";
    public const string MustChangePassword = "certhub:mustchange";
}
