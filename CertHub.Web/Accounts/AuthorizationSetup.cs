using CertHub.Core.Common;
using Microsoft.AspNetCore.Authorization;

namespace CertHub.Web.Accounts;

/// <summary>The authorization policies of <see cref="Policies"/>, by role.</summary>
public static class AuthorizationSetup
{
    public static IServiceCollection AddCertHubAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.School, p => Roles(p, Core.Common.Roles.SchoolAdmin, Core.Common.Roles.SchoolUser))
            .AddPolicy(Policies.Organization, p => Roles(p, Core.Common.Roles.OrgAdmin, Core.Common.Roles.OrgUser))
            .AddPolicy(Policies.Province, p => Roles(p, Core.Common.Roles.ProvinceAdmin))
            .AddPolicy(Policies.Platform, p => Roles(p, Core.Common.Roles.PlatformAdmin))
            .AddPolicy(Policies.SchoolOrOrg, p => Roles(p, Core.Common.Roles.SchoolAdmin, Core.Common.Roles.SchoolUser, Core.Common.Roles.OrgAdmin, Core.Common.Roles.OrgUser))
            .AddPolicy(Policies.SchoolProvincePlatform, p => Roles(p, Core.Common.Roles.SchoolAdmin, Core.Common.Roles.SchoolUser, Core.Common.Roles.ProvinceAdmin, Core.Common.Roles.PlatformAdmin))
            .AddPolicy(Policies.OrgDirectory, p => Roles(p, Core.Common.Roles.SchoolAdmin, Core.Common.Roles.SchoolUser, Core.Common.Roles.OrgAdmin, Core.Common.Roles.OrgUser, Core.Common.Roles.ProvinceAdmin, Core.Common.Roles.PlatformAdmin))
            .AddPolicy(Policies.AccountAdmin, p => Roles(p, Core.Common.Roles.SchoolAdmin, Core.Common.Roles.OrgAdmin, Core.Common.Roles.PlatformAdmin))
            .AddPolicy(Policies.Reporting, p => Roles(p, Core.Common.Roles.SchoolAdmin, Core.Common.Roles.SchoolUser, Core.Common.Roles.OrgAdmin, Core.Common.Roles.OrgUser, Core.Common.Roles.ProvinceAdmin))
            .AddPolicy(Policies.RoleAdmin, p => Roles(p, Core.Common.Roles.SchoolAdmin, Core.Common.Roles.OrgAdmin))
            .AddPolicy(Policies.AuditLog, p => Roles(p, Core.Common.Roles.SchoolAdmin, Core.Common.Roles.OrgAdmin, Core.Common.Roles.ProvinceAdmin, Core.Common.Roles.PlatformAdmin))
            .AddPolicy(Policies.OrgAdmin, p => Roles(p, Core.Common.Roles.OrgAdmin))
            .AddPolicy(Policies.Statistics, p => Roles(p, Core.Common.Roles.SchoolAdmin, Core.Common.Roles.SchoolUser, Core.Common.Roles.OrgAdmin, Core.Common.Roles.OrgUser, Core.Common.Roles.ProvinceAdmin, Core.Common.Roles.PlatformAdmin))
            .AddPolicy(Policies.Dashboard, p => Roles(p, Core.Common.Roles.SchoolAdmin, Core.Common.Roles.SchoolUser, Core.Common.Roles.OrgAdmin, Core.Common.Roles.OrgUser, Core.Common.Roles.ProvinceAdmin));
        return services;
    }

    private static void Roles(AuthorizationPolicyBuilder policy, params string[] roles) =>
        policy.RequireAuthenticatedUser().RequireRole(roles);
}
