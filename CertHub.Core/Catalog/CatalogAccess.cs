using CertHub.Core.Common;

namespace CertHub.Core.Catalog;

/// <summary>Shared tenancy helpers of the catalogue services.</summary>
internal static class CatalogAccess
{
    public const string NotFound = "未找到该记录或无权访问";

    /// <summary>The certificate ids a user may see in "my certificates" lists; null means every certificate.</summary>
    public static async Task<IReadOnlyList<int>?> VisibleCertificateIdsAsync(ICurrentUser user, IPilotedCertificates piloted, ICertHubDb db, CancellationToken ct)
    {
        if (user.IsSchool())
        {
            return user.SchoolId is int schoolId ? await piloted.CertificateIdsForSchoolAsync(schoolId, ct) : [];
        }

        if (user.IsOrganization())
        {
            var orgId = user.OrganizationId ?? -1;
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Set<Certificate>().Where(c => c.OrganizationId == orgId).Select(c => c.Id), ct);
        }

        return user.IsAuthenticated ? null : [];
    }

    public static void RequirePlatform(ICurrentUser user) =>
        DomainRuleException.ThrowIf(!user.IsPlatform(), "仅平台管理员可以执行此操作");
}
