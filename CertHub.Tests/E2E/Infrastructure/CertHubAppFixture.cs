using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Infrastructure;

/// <summary>
/// The real CertHub app on a free loopback port (Kestrel) with its own fresh SQLite file and demo seed,
/// plus one headless Chromium shared by the tests of the E2E collection.
/// </summary>
public sealed class CertHubAppFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "certhub-e2e-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    /// <summary>The app's clock (system time unless a test travels; see <see cref="E2EClock"/>).</summary>
    public E2EClock Clock { get; } = new();

    /// <summary>Looks a school's id up by its code, as the system (sees every tenant).</summary>
    public async Task<int> SchoolIdAsync(string code)
    {
        await using var db = Services.GetRequiredService<CertHub.Data.CertHubContextBuilder>().Create(CertHub.Core.Common.FixedCurrentUser.System);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            System.Linq.Queryable.Select(System.Linq.Queryable.Where(db.Set<CertHub.Core.Catalog.PilotSchool>(), s => s.Code == code), s => s.Id));
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        var dbPath = Path.Combine(_root, "e2e.db");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");

            // A free loopback port, whatever appsettings.json says (a developer's app may hold 5080).
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.UseSetting("ConnectionStrings:CertHub", $"Data Source={dbPath}");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Storage:Root", Path.Combine(_root, "files"));
            builder.UseSetting("Security:LoginAttemptsPerMinute", "1000");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)); // test clock (公示期 ends, ...)
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');

        if (BrowserEnvironment.SkipReason is not null)
        {
            return;
        }

        if (!BrowserEnvironment.Available)
        {
            throw new InvalidOperationException(
                $"CERTHUB_E2E=required but Chromium is missing at {BrowserEnvironment.ChromiumPath}. Install it: apt-get install -y chromium");
        }

        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(30_000); // a loaded 2-core CI machine renders slowly; a real failure still fails
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserEnvironment.ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    /// <summary>A new browser context and page (own cookies) with a desktop viewport and Chinese locale.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

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

/// <summary>Browser tests share one app and run alone, after the parallel unit and data tests, so a busy CPU does not starve the circuits.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class E2ECollection : ICollectionFixture<CertHubAppFixture>
{
    public const string Name = "E2E";
}
