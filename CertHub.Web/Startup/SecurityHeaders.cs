using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace CertHub.Web.Startup;

/// <summary>
/// Browser-side hardening: cookies (HttpOnly, SameSite, Secure outside Development), HSTS in Production, and on every response
/// a Content-Security-Policy that allows only what the app needs (its own scripts plus the nonce-carrying import map, Blazor's
/// same-origin WebSocket, MudBlazor's inline styles, data:/blob: images of signatures, photos and QR codes), X-Frame-Options DENY,
/// X-Content-Type-Options nosniff, Referrer-Policy and Permissions-Policy.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The <see cref="HttpContext.Items"/> key of the request's CSP nonce (see <see cref="Nonce"/>).</summary>
    public const string NonceKey = "CertHub.CspNonce";

    public static IServiceCollection AddCertHubSecurity(this IServiceCollection services, IHostEnvironment environment)
    {
        var secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.PostConfigure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = secure;
        });
        services.Configure<AntiforgeryOptions>(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            // Always would make antiforgery throw on a plain-HTTP request (500 instead of a page): Secure whenever served over HTTPS.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        return services;
    }

    /// <summary>HSTS outside Development, then the security headers on every response.</summary>
    public static WebApplication UseCertHubSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            // base64url (CSP allows - and _): nothing in it that Razor would HTML-encode in the nonce attribute (+ became &#x2B;).
            var nonce = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy(nonce);
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(context);
        });
        return app;
    }

    /// <summary>The CSP nonce of the current request (for the one inline script the app renders: Blazor's import map).</summary>
    public static string? Nonce(HttpContext? context) => context?.Items[NonceKey] as string;

    /// <summary>The policy: nothing from other origins, no inline script without the nonce, no eval, no framing.</summary>
    public static string Policy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "frame-src 'self' blob:; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";
}
