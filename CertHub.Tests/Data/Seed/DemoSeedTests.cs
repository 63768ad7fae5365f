using CertHub.Core.Applications;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using CertHub.Core.Issuance;
using CertHub.Core.Ledger;
using CertHub.Core.Payments;
using CertHub.Core.Reports;
using CertHub.Core.Scores;
using CertHub.Data;
using CertHub.Data.Identity;
using CertHub.Data.Seed;
using CertHub.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Seed;

/// <summary>
/// The Development demo seed (catalogue + operations) on a real SQLite file — or on a fresh PostgreSQL database when the
/// suite runs there (CERTHUB_TEST_DB=postgres): complete, idempotent, ledger valid.
/// </summary>
public sealed class DemoSeedTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 6, 18, 8, 30, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "certhub-seed-" + Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;
    private readonly TestDb? _postgres = PostgresTestServer.IsSelected ? new TestDb() : null;
    private readonly FakeTimeProvider _clock = new(Now);

    public DemoSeedTests()
    {
        Directory.CreateDirectory(_folder);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(_postgres is not null
            ? new DatabaseSettings(DatabaseProvider.Postgres, _postgres.ConnectionString)
            : new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "seed.db")};Pooling=False"));
        services.AddSingleton<CertHubContextBuilder>();
        services.AddScoped(sp => sp.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System));
        services.AddSingleton<TimeProvider>(_clock);
        services.AddIdentityCore<CertHubUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<CertHubDbContext>();
        services.AddScoped<IDemoSeeder, CatalogDemoSeeder>();
        services.AddScoped<IDemoSeeder, OperationsDemoSeeder>();
        _services = services.BuildServiceProvider();
        using var db = Open();
        db.Database.EnsureCreated();
    }

    [Fact]
    public async Task Seed_covers_every_status_and_every_exam_plan_stage()
    {
        await SeedAsync();
        await using var db = Open();

        await AssertEveryValueAsync(db.Set<IssuanceRecord>().Select(r => r.Status));
        await AssertEveryValueAsync(db.Set<Candidate>().Select(c => c.InfoStatus));
        await AssertEveryValueAsync(db.Set<PilotApplication>().Select(a => a.Status));
        await AssertEveryValueAsync(db.Set<ExamSite>().Select(s => s.Status));
        await AssertEveryValueAsync(db.Set<PaymentRequest>().Select(p => p.Status));
        await AssertEveryValueAsync(db.Set<WeeklyReport>().Select(r => r.Status));
        await AssertEveryValueAsync(db.Set<CertificateResult>().Select(r => r.Status));
        var stages = (await db.Set<ExamPlan>().ToListAsync()).Select(p => p.StageAt(Now)).ToHashSet();
        Assert.All(Enum.GetValues<ExamPlanStage>(), stage => Assert.Contains(stage, stages));

        var plans = await db.Set<ApplicationPlan>().Where(p => p.ProvinceId == db.Set<Province>().Single(x => x.Code == "11").Id && p.Year == Now.Year).ToListAsync();
        Assert.Equal(7, plans.Count);
        Assert.Contains(plans, p => p.StatusAt(Now) == ApplicationPlanStatus.InProgress);
        Assert.Contains(plans, p => p.StatusAt(Now) == ApplicationPlanStatus.NotStarted);
        Assert.All(await db.Set<Candidate>().Select(c => c.IdNumber).ToListAsync(), id => Assert.True(IdNumber.TryParse(id, out _), id));
        Assert.Equal(1, await db.Set<SiteAllocation>().CountAsync());
    }

    [Fact]
    public async Task Second_run_adds_nothing()
    {
        await SeedAsync();
        var before = await CountsAsync();
        _clock.Advance(TimeSpan.FromDays(3));
        await SeedAsync();
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Ledger_verifies_and_publishes_every_catalogue_certificate()
    {
        await SeedAsync();
        var ledger = new LedgerService(new CertHubDbFactory(_services.GetRequiredService<CertHubContextBuilder>(), FixedCurrentUser.System), _clock);
        var verification = await ledger.VerifyAllAsync(CancellationToken.None);
        Assert.True(verification.IsValid, string.Join("; ", verification.Problems.Select(p => p.Reason)));

        await using var db = Open();
        foreach (var id in await db.Set<Certificate>().Select(c => c.Id).ToListAsync())
        {
            Assert.NotNull(await ledger.GetEntryAsync($"certificate:{id}", CancellationToken.None));
        }

        var issued = await db.Set<IssuanceRecord>().Where(r => r.Status == IssuanceStatus.Issued).Select(r => r.CertificateNo!).ToListAsync();
        Assert.NotEmpty(issued);
        Assert.All(issued, no => Assert.True(db.Set<LedgerEntry>().Any(e => e.SubjectKey == no && e.Kind == LedgerEntryKind.CertificateIssued)));
    }

    [Fact]
    public async Task Pass_rate_demo_set_gives_last_year_figures_to_the_province_the_organisation_and_the_school()
    {
        await SeedAsync();
        await using var db = Open();
        var beijing = await db.Set<Province>().Where(p => p.Code == "11").Select(p => p.Id).SingleAsync();
        var wl = await db.Set<Organization>().Where(o => o.CreditCode == "91110000MA01WL001X").Select(o => o.Id).SingleAsync();
        var ustb = await db.Set<PilotSchool>().Where(s => s.Code == "4111010008").Select(s => s.Id).SingleAsync();
        var contexts = _services.GetRequiredService<CertHubContextBuilder>();
        foreach (var user in new[]
        {
            new FixedCurrentUser(UserRole.ProvinceAdmin, ProvinceId: beijing, UserName: "bj-edu"),
            new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: wl, UserName: "wl"),
            new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: ustb, ProvinceId: beijing, UserName: "ustb"),
        })
        {
            var queries = new CertHub.Core.Statistics.PassRateQueries(new CertHubDbFactory(contexts, user), user);
            var report = await queries.GetAsync(CertHub.Core.Statistics.PassRateGrouping.ByLevel, new CertHub.Core.Statistics.PassRateFilter(Year: Now.Year - 1), default);
            Assert.True(report.Rows.Count >= 2, $"{user.UserName}: {report.Rows.Count} rows");
            Assert.All(report.Rows, r => Assert.True(r.ApprovedCount > 0 && r.RegisteredCount >= r.AttendedCount && r.AttendedCount >= r.PassedCount
                && r.PassedCount >= r.IssuedCount, $"{user.UserName} {r.CertificateName}"));
            Assert.True(report.Funnel.Registered >= 40 && report.Funnel.Passed > 0 && report.Funnel.Issued > 0 && report.Funnel.Passed < report.Funnel.Attended,
                $"{user.UserName}: 报考 {report.Funnel.Registered} 参考 {report.Funnel.Attended} 通过 {report.Funnel.Passed} 发证 {report.Funnel.Issued}");
        }
    }

    public void Dispose()
    {
        _services.Dispose();
        _postgres?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A lingering handle on Windows; the temp folder is cleaned up by the OS.
        }
    }

    private CertHubDbContext Open() => _services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);

    private async Task SeedAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoSeeder>())
        {
            await seeder.SeedAsync(CancellationToken.None);
        }
    }

    private static async Task AssertEveryValueAsync<TEnum>(IQueryable<TEnum> values) where TEnum : struct, Enum
    {
        var present = (await values.Distinct().ToListAsync()).ToHashSet();
        Assert.All(Enum.GetValues<TEnum>(), value => Assert.Contains(value, present));
    }

    private async Task<string> CountsAsync()
    {
        await using var db = Open();
        var counts = new[]
        {
            await db.Set<ApplicationPlan>().CountAsync(), await db.Set<PilotApplication>().CountAsync(), await db.Set<ExamSite>().CountAsync(),
            await db.Set<ExamSubject>().CountAsync(), await db.Set<ExamPlan>().CountAsync(), await db.Set<Candidate>().CountAsync(),
            await db.Set<PaymentRequest>().CountAsync(), await db.Set<CertificateResult>().CountAsync(), await db.Set<IssuanceRecord>().CountAsync(),
            await db.Set<LedgerEntry>().CountAsync(), await db.Set<WeeklyReport>().CountAsync(), await db.Set<Certificate>().CountAsync(),
            await db.Set<CertHubUser>().CountAsync(),
        };
        return string.Join(",", counts);
    }
}
