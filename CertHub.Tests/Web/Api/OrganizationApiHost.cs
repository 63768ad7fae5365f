using System.Net.Http.Headers;
using CertHub.Core.Api;
using CertHub.Core.Audit;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertHub.Tests.Web.Api;

/// <summary>
/// The real app (Development, demo data and demo keys) on the in-memory test server with its own SQLite file, a rate limit of
/// <see cref="RequestsPerMinute"/> per key and a scores body limit of <see cref="MaxBodyBytes"/> bytes.
/// </summary>
public sealed class OrganizationApiHost : IAsyncLifetime
{
    public const int RequestsPerMinute = 150;
    public const int MaxBodyBytes = 64 * 1024;
    public const string WlKey = "demo-wl-key";
    public const string TeduKey = "demo-tedu-key";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "certhub-api-" + Guid.NewGuid().ToString("N"));

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:CertHub", $"Data Source={Path.Combine(_root, "api.db")}");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Storage:Root", Path.Combine(_root, "files"));
            builder.UseSetting("Issuance:WorkerEnabled", "false");
            builder.UseSetting("Api:RequestsPerMinute", RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Api:MaxScoreBodyBytes", MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        using var client = Factory.CreateClient();
        await client.GetAsync("/healthz");
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The SQLite file may still be held for a moment; the temp folder is cleaned by the OS.
        }
    }

    public HttpClient Client(string? key)
    {
        var client = Factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public CertHubDbContext OpenAsSystem() => Factory.Services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);

    public async Task<int> OrganizationIdAsync(string creditCode)
    {
        await using var db = OpenAsSystem();
        return await db.Set<Organization>().Where(o => o.CreditCode == creditCode).Select(o => o.Id).SingleAsync();
    }

    /// <summary>The key service as an organisation admin of <paramref name="organizationId"/>.</summary>
    public ApiKeyService KeysFor(int organizationId)
    {
        var user = new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: organizationId, UserName: "wl", DisplayName: "中物联物流");
        var factory = new CertHubDbFactory(Factory.Services.GetRequiredService<CertHubContextBuilder>(), user);
        return new ApiKeyService(factory, user, new AuditLogService(factory, user, TimeProvider.System), TimeProvider.System);
    }
}
