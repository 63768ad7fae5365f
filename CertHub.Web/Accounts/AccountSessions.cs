using System.Security.Claims;
using CertHub.Data.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CertHub.Web.Accounts;

/// <summary>
/// Open sessions end when an account is 停用 or its password is reset: the cookie is re-checked against the security stamp
/// every <see cref="ValidationInterval"/> (and refreshed with the role's current permissions), and an open circuit re-checks
/// the stamp and the disabled flag at the same interval; a forced password change holds every page until done.
/// </summary>
public static class AccountSessions
{
    public static readonly TimeSpan ValidationInterval = TimeSpan.FromMinutes(1);
    public const string ChangePasswordPath = "/Account/ChangePassword";

    public static IServiceCollection AddCertHubAccountSessions(this IServiceCollection services)
    {
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = ValidationInterval);
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        return services;
    }

    /// <summary>Redirects an account that must change its password to <see cref="ChangePasswordPath"/> (pages only, not assets).</summary>
    public static IApplicationBuilder UseMustChangePassword(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (context.User.HasClaim(CertHubClaimTypes.MustChangePassword, "true")
                && HttpMethods.IsGet(context.Request.Method)
                && !path.StartsWithSegments("/Account", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments("/_framework", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments("/_content", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
                && !Path.HasExtension(path.Value))
            {
                context.Response.Redirect(ChangePasswordPath);
                return;
            }

            await next();
        });

    /// <summary>Checks, in an open circuit, that the account still exists, is not 停用 and keeps its security stamp.</summary>
    public static async Task<bool> IsStillValidAsync(UserManager<CertHubUser> users, IdentityOptions options, ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(options);
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDisabled)
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var stamp = principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }

    private sealed class RevalidatingIdentityStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory, IOptions<IdentityOptions> options)
        : RevalidatingServerAuthenticationStateProvider(loggerFactory)
    {
        protected override TimeSpan RevalidationInterval => ValidationInterval;

        protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CertHubUser>>();
            return await IsStillValidAsync(users, options.Value, authenticationState.User);
        }
    }
}
