using CertHub.Core.Applications;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Data.Seed;

/// <summary>
/// 演示数据 of the operations (DESIGN §7), seeded after <see cref="CatalogDemoSeeder"/>: application plans and pilot
/// applications, exam sites, subjects, exam plans at every stage relative to "now", candidates, registrations,
/// payments, scheduling, scores, results, issuance records with ledger entries, weekly reports and import records.
/// Everything is created and moved only through the domain's Create methods and verbs, with explicit past instants,
/// so the seed is a valid history. Idempotent: when any <see cref="ApplicationPlan"/> exists it adds nothing.
/// One partial file per area; each area saves in bulk.
/// </summary>
public sealed partial class OperationsDemoSeeder(CertHubContextBuilder contexts, TimeProvider clock, IFileStore? files = null) : IDemoSeeder
{
    /// <summary>Demo signature image (签名) and photo paths; the files are optional.</summary>
    public const string SignaturePath = "demo/signature.png";
    public const string PhotoPath = "demo/photo.png";
    public const string ReportScanPath = "demo/weekly-report.pdf";

    /// <summary>Demo 机构公章, 签名章 (two of the organisations; the third has none, so its certificates fail with 盖章失败) and 电子签章 of every school.</summary>
    public const string OrganizationSealPath = "demo/org-seal.png";
    public const string SignatureStampPath = "demo/org-stamp.png";
    public const string SchoolSealPath = "demo/school-seal.png";

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = contexts.Create(FixedCurrentUser.System);
        if (await db.Set<ApplicationPlan>().AnyAsync(ct))
        {
            return;
        }

        var state = await LoadCatalogAsync(db, clock.GetUtcNow(), ct);
        if (state.Schools.Count < 4 || state.Certificates.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        AssignDemoSeals(state);
        await SeedApplicationsAsync(db, state, ct);
        await SeedSitesAsync(db, state, ct);
        await SeedSubjectsAsync(db, state, ct);
        await SeedCandidatesAsync(db, state, ct);
        await SeedInvigilatorsAsync(db, state, ct);
        await SeedExamPlansAsync(db, state, ct);
        await SeedPassRateHistoryAsync(db, state, ct); // 证书通过率统计 demo set (last year)
        await SeedRegistrationsAsync(db, state, ct);
        await SeedPaymentsAsync(db, state, ct);
        await SeedSchedulingAsync(db, state, ct);
        await SeedScoresAsync(db, state, ct);
        await SeedResultsAsync(db, state, ct);
        await SeedIssuanceAsync(db, state, ct);
        await SeedLedgerAsync(db, state, ct);
        await SeedWeeklyReportsAsync(db, state, ct);
        await SeedImportRecordsAsync(db, state, ct);
        await transaction.CommitAsync(ct);
        await WriteDemoFilesAsync(ct);
    }

    private static async Task<SeedState> LoadCatalogAsync(CertHubDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var state = new SeedState(now);
        foreach (var p in await db.Set<Province>().ToListAsync(ct))
        {
            state.Provinces[p.Code] = p;
        }

        foreach (var s in await db.Set<PilotSchool>().ToListAsync(ct))
        {
            state.Schools[s.Code] = s;
        }

        foreach (var o in await db.Set<Organization>().ToListAsync(ct))
        {
            state.Organizations[o.Id] = o;
        }

        foreach (var c in await db.Set<Certificate>().Include(c => c.Levels).Include(c => c.Majors).ToListAsync(ct))
        {
            state.Certificates[c.Code] = c;
        }

        foreach (var m in await db.Set<Major>().ToListAsync(ct))
        {
            state.Majors[m.Code] = m;
        }

        foreach (var c in await db.Set<SchoolCertificateContact>().ToListAsync(ct))
        {
            state.Contacts.TryAdd(c.SchoolId, c.Name);
        }

        return state;
    }

    /// <summary>Seals for the first two organisations and every school that has none yet (saved with the next area).</summary>
    private static void AssignDemoSeals(SeedState state)
    {
        foreach (var organization in state.Organizations.Values.OrderBy(o => o.Id).Take(2))
        {
            if (organization.SealImagePath is null)
            {
                organization.SetSeal(OrganizationSealPath);
            }

            if (organization.SignatureStampPath is null)
            {
                organization.SetSignatureStamp(SignatureStampPath);
            }
        }

        foreach (var school in state.Schools.Values.Where(s => s.SealImagePath is null))
        {
            school.SetSeal(SchoolSealPath, state.Now.AddDays(-300));
        }
    }

    /// <summary>Writes the shared demo photo (a plain 295×413 PNG) when a file store is available and it is missing.</summary>
    private async Task WriteDemoFilesAsync(CancellationToken ct)
    {
        if (files is null)
        {
            return;
        }

        await using (var existing = await files.OpenReadAsync(PhotoPath, ct))
        {
            if (existing is not null)
            {
                return;
            }
        }

        using var png = new MemoryStream(DemoPng.Create(295, 413, 0xE8));
        await files.SaveAsync("demo", "photo.png", png, ct);
        using var signature = new MemoryStream(DemoPng.Create(300, 120, 0xFF));
        await files.SaveAsync("demo", "signature.png", signature, ct);
        using var organizationSeal = new MemoryStream(DemoPng.Seal(240));
        await files.SaveAsync("demo", "org-seal.png", organizationSeal, ct);
        using var schoolSeal = new MemoryStream(DemoPng.Seal(240));
        await files.SaveAsync("demo", "school-seal.png", schoolSeal, ct);
        using var stamp = new MemoryStream(DemoPng.Stamp(300, 120));
        await files.SaveAsync("demo", "org-stamp.png", stamp, ct);
    }

    /// <summary>An instant no later than a few minutes before now, so every seeded event lies in the past.</summary>
    private static DateTimeOffset Past(SeedState state, DateTimeOffset at) => at < state.Now ? at : state.Now.AddMinutes(-5);
}
