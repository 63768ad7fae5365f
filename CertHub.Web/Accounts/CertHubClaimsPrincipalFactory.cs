using System.Globalization;
using System.Security.Claims;
using CertHub.Core.Accounts;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Data;
using CertHub.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertHub.Web.Accounts;

/// <summary>Adds role, tenant ids and display name to the signed-in principal.</summary>
public sealed class CertHubClaimsPrincipalFactory(
    UserManager<CertHubUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    CertHubContextBuilder contexts)
    : UserClaimsPrincipalFactory<CertHubUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CertHubUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CertHubClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(CertHubClaimTypes.DisplayName, user.DisplayName));
        if (!identity.HasClaim(ClaimTypes.Role, user.Role.ToString()))
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        }

        Add(identity, CertHubClaimTypes.SchoolId, user.SchoolId);
        Add(identity, CertHubClaimTypes.OrganizationId, user.OrganizationId);
        Add(identity, CertHubClaimTypes.ProvinceId, user.ProvinceId);
        identity.AddClaim(new Claim(CertHubClaimTypes.TenantName, await TenantNameAsync(user)));
        await AddSubAccountClaimsAsync(identity, user);
        return identity;
    }

    /// <summary>The school, organisation or provincial department the user belongs to (平台 for the operator).</summary>
    private async Task<string> TenantNameAsync(CertHubUser user)
    {
        await using var db = contexts.Create(FixedCurrentUser.System);
        string? name = null;
        if (user.SchoolId is int schoolId)
        {
            name = await db.Set<PilotSchool>().Where(s => s.Id == schoolId).Select(s => s.Name).FirstOrDefaultAsync();
        }
        else if (user.OrganizationId is int orgId)
        {
            name = await db.Set<Organization>().Where(o => o.Id == orgId).Select(o => o.Name).FirstOrDefaultAsync();
        }
        else if (user.ProvinceId is int provinceId)
        {
            name = await db.Set<Province>().Where(p => p.Id == provinceId).Select(p => p.AuthorityName).FirstOrDefaultAsync();
        }

        return name ?? user.Role.ToDisplayName();
    }

    /// <summary>用户管理 (8.1): a sub-account's permissions (from its role), 负责证书, and the pending password change.</summary>
    private async Task AddSubAccountClaimsAsync(ClaimsIdentity identity, CertHubUser user)
    {
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(CertHubClaimTypes.MustChangePassword, "true"));
        }

        if (user.Role is not (UserRole.SchoolUser or UserRole.OrgUser))
        {
            return;
        }

        if (user.AccountRoleId is int roleId)
        {
            await using var db = contexts.Create(FixedCurrentUser.System);
            var codes = await db.Set<AccountRole>().Where(r => r.Id == roleId).Select(r => r.PermissionCodes).FirstOrDefaultAsync();
            foreach (var code in (codes ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                identity.AddClaim(new Claim(CertHubClaimTypes.Permission, code));
            }
        }

        if (user.IsCertificateOwner)
        {
            foreach (var id in user.OwnedCertificates())
            {
                identity.AddClaim(new Claim(CertHubClaimTypes.OwnedCertificate, id.ToString(CultureInfo.InvariantCulture)));
            }
        }
    }

    private static void Add(ClaimsIdentity identity, string type, int? value)
    {
        if (value is int v)
        {
            identity.AddClaim(new Claim(type, v.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
