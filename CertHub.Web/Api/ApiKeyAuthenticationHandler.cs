using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using CertHub.Core.Api;
using CertHub.Core.Common;
using CertHub.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CertHub.Web.Api;

/// <summary>
/// Scheme "ApiKey": the header X-Api-Key names a live key of an organisation; the principal is that organisation
/// (role 培训评价组织用户 with its organisation id), so <see cref="ClaimsCurrentUser"/> and the tenancy filters treat the
/// request as that organisation. A missing, unknown or revoked key answers 401 as problem details.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string KeyIdClaim = "certhub:apikey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }

        var identity = await keys.AuthenticateAsync(values.ToString().Trim(), Context.RequestAborted);
        if (identity is null)
        {
            return AuthenticateResult.Fail("API密钥无效或已吊销");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, "apikey:" + identity.KeyId.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, "API密钥 " + identity.Prefix),
            new(ClaimTypes.Role, Roles.OrgUser),
            new(CertHubClaimTypes.Role, Roles.OrgUser),
            new(CertHubClaimTypes.DisplayName, $"{identity.OrganizationName}（接口：{identity.Name}）"),
            new(CertHubClaimTypes.OrganizationId, identity.OrganizationId.ToString(CultureInfo.InvariantCulture)),
            new(CertHubClaimTypes.TenantName, identity.OrganizationName),
            new(KeyIdClaim, identity.KeyId.ToString(CultureInfo.InvariantCulture)),
        };
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized,
            Request.Headers.ContainsKey(HeaderName) ? "API密钥无效或已吊销" : $"缺少API密钥，请在请求头 {HeaderName} 中提供");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "该API密钥无权访问此接口");
}
