using Bunit;
using CertHub.Core.Accounts;
using CertHub.Core.Applications;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Ledger;
using CertHub.Web.Imaging;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CertHub.Tests.Support;

/// <summary>A bUnit context with MudBlazor and the real catalogue services over an in-memory SQLite catalogue, as one user.</summary>
public sealed class CatalogPageContext : BunitContext
{
    private readonly SqliteTestDb _db = new();

    public CatalogPageContext(Func<CatalogTestData, ICurrentUser> user, CertificateLedgerInfo? ledger = null)
    {
        Data = CatalogTestData.Seed(_db);
        Services.AddSingleton(_ => _db); // disposed with the container
        var currentUser = user(Data);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(currentUser);
        Services.AddSingleton(_db.FactoryFor(currentUser));
        Services.AddSingleton<IPilotedCertificates, PilotedCertificates>();
        Services.AddSingleton<ICertificateLedgerReader>(new FixedLedgerReader(ledger));
        Services.AddSingleton<IFileStore>(Files);
        Services.AddSingleton<IImageInspector, SkiaImageInspector>();
        Services.AddSingleton<IChangeFeed>(new RecordingChangeFeed());
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<OrganizationQueries>();
        Services.AddSingleton<SchoolService>();
        Services.AddSingleton<StandardQueries>();
        Services.AddSingleton<CertificateQueries>();
        Services.AddSingleton<IAccountAdmin, NoAccounts>();
        Services.AddSingleton<LedgerService>();
        Services.AddSingleton<CatalogAdminService>();
    }

    public CatalogTestData Data { get; }

    public MemoryFileStore Files { get; } = new();

}
