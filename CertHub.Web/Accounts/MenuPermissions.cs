using System.Security.Claims;
using CertHub.Core.Accounts;
using CertHub.Core.Common;
using CertHub.Web.Components.Layout;
using Microsoft.AspNetCore.Authorization;

namespace CertHub.Web.Accounts;

/// <summary>
/// 菜单权限: one permission per menu entry of <see cref="NavMenuItems"/> that a sub-account's policy admits; a sub-account
/// sees and opens an entry only when its role grants it (admins see everything their policy admits).
/// </summary>
public static class MenuPermissions
{
    /// <summary>Entries every signed-in account keeps (个人中心).</summary>
    public static readonly IReadOnlySet<string> Exempt = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "/account/profile", "/" };

    /// <summary>The menu permissions a role of a school (or an organisation) may grant, derived from the menu table and its policies.</summary>
    public static async Task<IReadOnlyList<PermissionDefinition>> CatalogueAsync(IAuthorizationService authorization, UserRole subRole)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, subRole.ToString())], "catalogue"));
        var items = new List<PermissionDefinition>();
        foreach (var item in NavMenuItems.All.Where(i => !Exempt.Contains(i.Route)))
        {
            if ((await authorization.AuthorizeAsync(principal, item.Policy)).Succeeded)
            {
                items.Add(new PermissionDefinition(Permissions.Menu(item.Route), item.Group, item.Title));
            }
        }

        return items;
    }

    /// <summary>Whether <paramref name="user"/> may open the menu entry at <paramref name="route"/>.</summary>
    public static bool Allows(ClaimsPrincipal user, string route)
    {
        ArgumentNullException.ThrowIfNull(user);
        var role = user.FindFirst(CertHubClaimTypes.Role)?.Value;
        var isSubAccount = role is nameof(UserRole.SchoolUser) or nameof(UserRole.OrgUser);
        return !isSubAccount || Exempt.Contains(route) || user.HasClaim(CertHubClaimTypes.Permission, Permissions.Menu(route));
    }

    /// <summary>The menu entry a path belongs to (the longest matching route), or null for pages outside the menu.</summary>
    public static NavMenuItem? EntryFor(string path)
    {
        var clean = "/" + path.Split('?', '#')[0].Trim('/');
        return NavMenuItems.All
            .Where(i => clean.Equals(i.Route, StringComparison.OrdinalIgnoreCase) || clean.StartsWith(i.Route + "/", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(i => i.Route.Length)
            .FirstOrDefault();
    }
}
