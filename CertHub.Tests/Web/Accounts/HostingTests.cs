using System.Net;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Data;
using CertHub.Data.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertHub.Tests.Web.Accounts;

/// <summary>
/// The real app in Production mode on the in-memory test server with its own SQLite file: health check, no demo data,
/// password policy, lockout after 5 failures for 15 minutes, login rate limiting and redirects to login.
/// </summary>
public sealed class HostingTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "certhub-host-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program> _factory = null!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:CertHub", $"Data Source={Path.Combine(_root, "host.db")}");
            builder.UseSetting("Storage:Root", Path.Combine(_root, "files"));
            builder.UseSetting("Security:LoginAttemptsPerMinute", "3");
            builder.UseSetting("Security:VerifyRequestsPerMinute", "3");
            builder.UseSetting("Sms:Provider", "Http"); // Production refuses the development outbox (SmsSetupTests)
            builder.UseSetting("Sms:Http:Url", "http://127.0.0.1:9/sms");
        });
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Healthz_Should_Return200_When_DatabaseAnswers()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Production_Should_ApplyMigrationsButSeedNoDemoData()
    {
        using var client = _factory.CreateClient();
        await client.GetAsync("/healthz");

        await using var db = _factory.Services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Set<PilotSchool>().CountAsync());
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public async Task ProtectedPage_Should_RedirectToLogin_When_Anonymous()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/certificates");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task PasswordPolicy_Should_RefuseWeakPasswords()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CertHubUser>>();

        var weak = await users.CreateAsync(NewUser("weak"), "password");
        var strong = await users.CreateAsync(NewUser("strong"), "Strong@2021");

        Assert.False(weak.Succeeded);
        Assert.True(strong.Succeeded);
    }

    [Fact]
    public async Task Lockout_Should_LockFor15Minutes_When_FiveAttemptsFail()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CertHubUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<CertHubUser>>();
        var user = NewUser("locked");
        Assert.True((await users.CreateAsync(user, "Strong@2021")).Succeeded);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var failed = await signIn.CheckPasswordSignInAsync(user, "Wrong@2021", lockoutOnFailure: true);
            Assert.False(failed.IsLockedOut);
        }

        var fifth = await signIn.CheckPasswordSignInAsync(user, "Wrong@2021", lockoutOnFailure: true);
        var afterwards = await signIn.CheckPasswordSignInAsync(user, "Strong@2021", lockoutOnFailure: true);

        Assert.True(fifth.IsLockedOut);
        Assert.True(afterwards.IsLockedOut);
        var end = await users.GetLockoutEndDateAsync(user);
        Assert.InRange(end!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
    }

    [Fact]
    public async Task LoginPost_Should_Answer429InChinese_When_TooManyAttemptsComeFromOneClient()
    {
        using var client = _factory.CreateClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = "ustb",
                ["Input.Password"] = "Wrong@2021",
            }));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Contains("登录尝试过于频繁", await last.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Verify_Should_Answer429InChinese_When_TooManyLookupsComeFromOneClient()
    {
        using var client = _factory.CreateClient();
        var first = await client.GetAsync("/verify/UNKNOWN000001");
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await client.GetAsync("/verify/UNKNOWN000001");
        }

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("未查询到", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Contains("查验过于频繁", await last.Content.ReadAsStringAsync());
    }

    private static CertHubUser NewUser(string name) =>
        new() { UserName = name, DisplayName = name, Role = UserRole.OrgUser, CreatedUtc = DateTimeOffset.UtcNow };

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
