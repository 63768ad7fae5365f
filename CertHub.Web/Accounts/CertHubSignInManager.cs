using System.Security.Claims;
using CertHub.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CertHub.Web.Accounts;

/// <summary>
/// Sign-in with the rule of 停用: a disabled account cannot sign in (password checks answer NotAllowed) and its cookie
/// no longer validates (its sessions end at the next security-stamp check).
/// </summary>
public sealed class CertHubSignInManager(
    UserManager<CertHubUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<CertHubUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<CertHubUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<CertHubUser> confirmation)
    : SignInManager<CertHubUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(CertHubUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsDisabled && await base.CanSignInAsync(user);
    }

    public override async Task<CertHubUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }
}
