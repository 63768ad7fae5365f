using System.Globalization;
using System.Security.Claims;
using CertHub.Core.Common;
using Microsoft.AspNetCore.Components.Authorization;

namespace CertHub.Web.Accounts;

/// <summary>
/// The current user from claims: in a circuit from the <see cref="AuthenticationStateProvider"/>, in a plain
/// HTTP request (endpoints, static SSR) from the <see cref="HttpContext"/>.
/// </summary>
public sealed class ClaimsCurrentUser(IHttpContextAccessor httpContextAccessor, AuthenticationStateProvider authenticationStateProvider) : ICurrentUser
{
    private ClaimsPrincipal Principal
    {
        get
        {
            try
            {
                var task = authenticationStateProvider.GetAuthenticationStateAsync();
                if (task.IsCompletedSuccessfully && task.Result.User.Identity?.IsAuthenticated == true)
                {
                    return task.Result.User;
                }
            }
            catch (InvalidOperationException)
            {
                // Not in a circuit (the provider was never given a state): fall back to the request.
            }

            return httpContextAccessor.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());
        }
    }

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true && Role is not null;

    public string? UserId => Principal.FindFirstValue(ClaimTypes.NameIdentifier);

    public string UserName => Principal.Identity?.Name ?? "";

    public string DisplayName => Principal.FindFirstValue(CertHubClaimTypes.DisplayName) ?? UserName;

    public UserRole? Role => Enum.TryParse<UserRole>(Principal.FindFirstValue(CertHubClaimTypes.Role), out var role) ? role : null;

    public int? SchoolId => Int(CertHubClaimTypes.SchoolId);

    public int? OrganizationId => Int(CertHubClaimTypes.OrganizationId);

    public int? ProvinceId => Int(CertHubClaimTypes.ProvinceId);

    public IReadOnlyCollection<string> Permissions => [.. Principal.FindAll(CertHubClaimTypes.Permission).Select(c => c.Value)];

    public IReadOnlyCollection<int> OwnedCertificateIds =>
        [.. Principal.FindAll(CertHubClaimTypes.OwnedCertificate)
            .Select(c => int.TryParse(c.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0)];

    private int? Int(string type) =>
        int.TryParse(Principal.FindFirstValue(type), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
