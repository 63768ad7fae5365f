using Bunit;
using CertHub.Core.Common;
using CertHub.Core.Issuance;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CertHub.Tests.Support;

/// <summary>
/// A bUnit context for /issuance and /dashboard: MudBlazor, a fake issuance service, a loopback change feed, one user, and
/// the 手机签名 sessions on a test database created when first used.
/// </summary>
public sealed class IssuancePageContext : BunitContext
{
    private readonly Lazy<SqliteTestDb> _db = new(() =>
    {
        var db = new SqliteTestDb();
        CatalogTestData.Seed(db); // the session rows point at the opener's tenant: organisation 1 and school 1 exist
        return db;
    });
    private bool _dbDisposed;

    public static readonly FixedCurrentUser OrgUser = new(UserRole.OrgAdmin, OrganizationId: 1, UserName: "wl", DisplayName: "张组织");
    public static readonly FixedCurrentUser SchoolUser = new(UserRole.SchoolAdmin, SchoolId: 1, UserName: "ustb", DisplayName: "李院校");

    public IssuancePageContext(ICurrentUser user, IIssuanceDashboard? dashboard = null)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(user);
        Services.AddSingleton<IIssuanceService>(Issuance);
        Services.AddSingleton<IChangeFeed>(Feed);
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped(_ => new PhoneSigningService(_db.Value.FactoryFor(user), user, Feed, TimeProvider.System));
        if (dashboard is not null)
        {
            Services.AddSingleton(dashboard);
        }
    }

    public FakeIssuanceService Issuance { get; } = new();

    public LoopbackChangeFeed Feed { get; } = new();

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        DisposeDatabase();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            DisposeDatabase();
        }
    }

    private void DisposeDatabase()
    {
        if (_db.IsValueCreated && !_dbDisposed)
        {
            _dbDisposed = true;
            _db.Value.Dispose();
        }
    }
}
