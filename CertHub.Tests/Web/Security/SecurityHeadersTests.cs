using System.Net;
using System.Text.RegularExpressions;
using CertHub.Data.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CertHub.Tests.Web.Security;

/// <summary>
/// The real app in Production (HTTPS on the test server): CSP that allows only the app itself (nonce on the import map), framing
/// refused, nosniff, Referrer-Policy, HSTS; the sign-in and antiforgery cookies Secure, HttpOnly and SameSite; brute force locked out.
/// </summary>
public sealed partial class SecurityHeadersTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "certhub-headers-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program> _factory = null!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:CertHub", $"Data Source={Path.Combine(_root, "headers.db")}");
            builder.UseSetting("Storage:Root", Path.Combine(_root, "files"));
            builder.UseSetting("Security:LoginAttemptsPerMinute", "1000");
            builder.UseSetting("Sms:Provider", "Http"); // Production refuses the development outbox (SmsSetupTests)
            builder.UseSetting("Sms:Http:Url", "https://sms.example/send");
        });
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/verify")]
    [InlineData("/healthz")]
    [InlineData("/certificates")]
    public async Task EveryResponse_Should_CarryTheSecurityHeaders(string url)
    {
        using var client = Client();

        var response = await client.GetAsync(url);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp);
        Assert.Matches(@"script-src 'self' 'nonce-[A-Za-z0-9_-]{22}';", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("connect-src 'self'", csp);
        Assert.DoesNotContain("*", csp);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("max-age=31536000", Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Nonce_Should_BeFreshPerRequest_AndMatchTheOnlyInlineScript()
    {
        using var client = Client();

        var first = await client.GetAsync("/Account/Login");
        var second = await client.GetAsync("/Account/Login");
        var html = await first.Content.ReadAsStringAsync();

        var nonce = Regex.Match(Header(first, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEqual(nonce, Regex.Match(Header(second, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value);
        var inline = InlineScript().Matches(html).Select(m => m.Value).ToList();
        Assert.All(inline, tag => Assert.Contains($"nonce=\"{nonce}\"", tag));
    }

    [Fact]
    public async Task Cookies_Should_BeSecureHttpOnlyAndSameSite_OutsideDevelopment()
    {
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CertHubUser>>();
            var user = new CertHubUser { UserName = "cookie-user", DisplayName = "cookie", Role = CertHub.Core.Common.UserRole.OrgUser, CreatedUtc = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(user, "Strong@2021")).Succeeded);
        }

        using var client = Client();
        var form = await client.GetAsync("/Account/Login");
        var html = await form.Content.ReadAsStringAsync();
        var antiforgery = Cookies(form).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var token = WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = "cookie-user",
                ["Input.Password"] = "Strong@2021",
                ["__RequestVerificationToken"] = token,
                ["_handler"] = "login",
            }),
        };
        request.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var login = await client.SendAsync(request);
        var auth = Cookies(login).Single(c => c.StartsWith("CertHub.Auth=", StringComparison.Ordinal));

        foreach (var cookie in new[] { antiforgery, auth })
        {
            var lower = cookie.ToLowerInvariant();
            Assert.Contains("; secure", lower);
            Assert.Contains("; httponly", lower);
            Assert.Matches("; samesite=(lax|strict)", lower);
        }
    }

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://certhub.example"), // HSTS is never sent to localhost
        AllowAutoRedirect = false,
        HandleCookies = false,
    });

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
