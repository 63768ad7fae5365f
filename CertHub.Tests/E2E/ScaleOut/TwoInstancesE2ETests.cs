using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Data;
using CertHub.Tests.E2E.Infrastructure;
using CertHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CertHub.Tests.E2E.ScaleOut;

/// <summary>
/// Issue 10, several instances: two app processes (A and B) on two loopback ports over one fresh PostgreSQL database and
/// one Redis (change feed and SignalR backplane), shared file store, different certificate worker ids and a 10 s claim
/// lease. A starts first and seeds the demo data; B starts once A is healthy (so the seed runs once).
/// (1) A page open on B shows a change made through A's UI without a reload (拒绝签发 on A → B's tab counts change).
/// (2) A batch 发放 through A's UI puts records into 证书生成中; A's worker (woken at once) claims them and, with the test-only
/// <c>Issuance:Worker:TestDelayMilliseconds</c> set for A alone, holds them unfinished for a while; A is killed (the whole
/// process tree) as soon as the database shows records claimed by A — so A surely dies holding claimed, unfinished records.
/// Those wait for A's lease to expire; B finishes every one of them within the lease and a margin, each generated exactly
/// once with its own 证书编号 and one PDF.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class TwoInstancesE2ETests(CertHubAppFixture app, ITestOutputHelper output)
{
    private const int LeaseSeconds = 10;

    /// <summary>A's worker pauses this long per claimed record before rendering (test only; B has no pause).</summary>
    private const int DelayPerRecordMilliseconds = 1500;

    [TwoInstancesFact]
    public async Task TwoInstances_Should_ShareLiveUpdatesAndFinishTheWorkOfAKilledInstance()
    {
        var (database, connectionString) = PostgresTestServer.CreateDatabase(empty: true);
        var files = Path.Combine(Path.GetTempPath(), "certhub-scaleout-" + Guid.NewGuid().ToString("N"));
        AppInstance? a = null;
        AppInstance? b = null;
        try
        {
            a = AppInstance.Start("A", new Dictionary<string, string>(Settings(connectionString, files, "scaleout-a"))
            {
                [CertHub.Web.Workers.IssuanceWorkerSetup.TestDelayKey] = DelayPerRecordMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            await a.WaitHealthyAsync(TimeSpan.FromSeconds(150));
            b = AppInstance.Start("B", Settings(connectionString, files, "scaleout-b"));
            await b.WaitHealthyAsync(TimeSpan.FromSeconds(90));

            await LiveAcrossInstancesAsync(a, b);
            await KilledInstanceWorkIsFinishedAsync(a, b, connectionString, files);
        }
        catch (Exception ex) when (a is not null || b is not null)
        {
            throw new InvalidOperationException($"{ex.Message}\n--- A ---\n{a?.OutputTail}\n--- B ---\n{b?.OutputTail}", ex);
        }
        finally
        {
            if (a is not null)
            {
                await a.DisposeAsync();
            }

            if (b is not null)
            {
                await b.DisposeAsync();
            }

            PostgresTestServer.DropDatabase(database, connectionString);
            TryDelete(files);
        }
    }

    /// <summary>(1) B's issuance page, open as 中物联物流 (wl), follows a 拒绝签发 done on A.</summary>
    private async Task LiveAcrossInstancesAsync(AppInstance a, AppInstance b)
    {
        var watcher = await NewPageAsync(b);
        await watcher.LoginAsync("wl");
        await watcher.GotoAsync("/issuance?tab=OrgPendingSign");
        await watcher.WaitForCircuitAsync();
        await watcher.Locator("[data-testid='issuance-row']").First.WaitForAsync();
        await Assertions.Expect(watcher.Locator("[data-testid='status-tab-OrgPendingSign']")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\([1-9]\d*\)"));
        var pendingBefore = await watcher.StatusTabCountAsync("OrgPendingSign");
        var rejectedBefore = await watcher.StatusTabCountAsync("OrgRejected");
        Assert.True(pendingBefore > 0, "the demo seed has records waiting for the organisation's signature");

        var actor = await NewPageAsync(a);
        await actor.LoginAsync("wl");
        await actor.GotoAsync("/issuance?tab=OrgPendingSign");
        await actor.WaitForCircuitAsync();
        await actor.Locator("[data-testid='issuance-row']").First.WaitForAsync();
        await actor.Locator("[data-testid='action-reject']").First.ClickAsync();
        await actor.FillFieldAsync("reject-reason", "多实例测试：信息需核对");
        await actor.ClickAsync("[data-testid='reject-confirm']");
        await Assertions.Expect(actor.Locator("[data-testid='status-tab-OrgRejected']")).ToContainTextAsync($"({rejectedBefore + 1})");

        // B never reloads: its circuit hears A's change through Redis and re-reads the counts.
        await Assertions.Expect(watcher.Locator("[data-testid='status-tab-OrgRejected']")).ToContainTextAsync($"({rejectedBefore + 1})");
        await Assertions.Expect(watcher.Locator("[data-testid='status-tab-OrgPendingSign']")).ToContainTextAsync($"({pendingBefore - 1})");
        await watcher.ScreenshotAsync("scaleout-b-live");
        output.WriteLine($"(1) B showed A's 拒绝签发 live: 培训评价组织待签发 {pendingBefore}→{pendingBefore - 1}, 培训评价组织拒绝签发 {rejectedBefore}→{rejectedBefore + 1}");
        await watcher.Context.CloseAsync();
        await actor.Context.CloseAsync();
    }

    /// <summary>(2) 批量发放电子证书 on A, A killed while generating, B finishes every record exactly once.</summary>
    private async Task KilledInstanceWorkIsFinishedAsync(AppInstance a, AppInstance b, string connectionString, string files)
    {
        var started = DateTimeOffset.UtcNow;
        var pdfsBefore = CountPdfs(files);
        var org = await NewPageAsync(a);
        await org.LoginAsync("wl");
        await org.GotoAsync("/issuance?tab=PendingIssue");
        await org.WaitForCircuitAsync();
        var rows = org.Locator("[data-testid='issuance-row']");
        await rows.First.WaitForAsync();
        var ids = new List<int>();
        foreach (var row in await rows.AllAsync())
        {
            ids.Add(int.Parse((await row.GetAttributeAsync("data-id"))!, System.Globalization.CultureInfo.InvariantCulture));
        }

        await org.ClickAsync("[data-testid='row-select-all'] input, [data-testid='row-select-all']");
        await org.ClickAsync("[data-testid='batch-issue-electronic']");
        await org.ClickAsync("[data-testid='confirm-yes']");

        // As soon as A's worker holds claims on records of the batch (it pauses per record before rendering), kill A.
        var claimedUntil = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await CountClaimedByAAsync(connectionString, ids) == 0 && DateTime.UtcNow < claimedUntil)
        {
            await Task.Delay(5);
        }

        a.Kill();
        var atKill = await SnapshotAsync(connectionString, ids);
        Assert.All(atKill, r => Assert.Contains(r.Status, new[] { IssuanceStatus.PendingIssue, IssuanceStatus.Generating, IssuanceStatus.Issued }));
        var generatingAtKill = atKill.Count(r => r.Status == IssuanceStatus.Generating);
        var claimedByA = atKill.Where(r => r.Status == IssuanceStatus.Generating && r.Claim?.StartsWith("scaleout-a/", StringComparison.Ordinal) == true)
            .Select(r => r.Id).ToList();
        output.WriteLine($"(2) {ids.Count} records in A's batch; at A's kill: {atKill.Count(r => r.Status == IssuanceStatus.PendingIssue)} not yet issued (left in 证书待发放), {generatingAtKill} still 证书生成中, {claimedByA.Count} of them claimed by A's worker and unfinished");
        Assert.True(claimedByA.Count > 0, "A was killed while its worker held claimed, unfinished records");

        // B takes over once A's claims expire (lease 10 s); bounded by the lease and a margin.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(LeaseSeconds + 50);
        List<RecordState> now;
        do
        {
            Assert.False(b.HasExited, "instance B stays up");
            await Task.Delay(500);
            now = await SnapshotAsync(connectionString, ids);
        }
        while (now.Any(r => r.Status == IssuanceStatus.Generating) && DateTime.UtcNow < deadline);
        var took = DateTimeOffset.UtcNow - started;

        // Each record was issued and generated, or never issued (A died before its batch reached it): never left half-way.
        Assert.All(now, r => Assert.Contains(r.Status, new[] { IssuanceStatus.PendingIssue, IssuanceStatus.Issued }));
        var issued = now.Where(r => r.Status == IssuanceStatus.Issued).ToList();
        Assert.True(issued.Count >= generatingAtKill);
        Assert.All(issued, r => Assert.False(string.IsNullOrEmpty(r.CertificateNo)));
        Assert.Equal(issued.Count, issued.Select(r => r.CertificateNo).Distinct().Count());
        Assert.All(now, r => Assert.Null(r.Claim));

        // Exactly once: one 生成成功 history row per record since the batch, and one ledger-visible number each.
        await using var db = Context(connectionString);
        var generated = await db.Set<IssuanceHistory>().AsNoTracking()
            .Where(h => ids.Contains(h.IssuanceRecordId) && h.FromStatus == IssuanceStatus.Generating && h.ToStatus == IssuanceStatus.Issued)
            .Select(h => new { h.IssuanceRecordId, h.AtUtc, h.CertificateNo })
            .ToListAsync();
        generated = [.. generated.Where(h => h.AtUtc >= started.AddSeconds(-5))];
        Assert.Equal(issued.Select(r => r.Id), generated.Select(h => h.IssuanceRecordId).Order());
        Assert.Equal(issued.Select(r => r.CertificateNo).Order(), generated.Select(h => h.CertificateNo).Order());
        Assert.Subset(issued.Select(r => r.Id).ToHashSet(), claimedByA.ToHashSet()); // B finished every record A held

        // One PDF each: distinct paths, every file stored, and no other certificate file since the batch (A, killed while
        // holding its claims, stored none for them).
        Assert.Equal(issued.Count, issued.Select(r => r.PdfPath).Distinct().Count());
        Assert.All(issued, r => Assert.True(File.Exists(Path.Combine(files, r.PdfPath!)), $"{r.PdfPath} is stored"));
        Assert.Equal(pdfsBefore + issued.Count, CountPdfs(files));
        output.WriteLine($"(2) B finished: {issued.Count} records issued ({issued.Count} distinct 证书编号, one 生成成功 and one PDF each; all {claimedByA.Count} held by A among them) {took.TotalSeconds:0.0} s after the batch");
        await org.Context.CloseAsync();
    }

    private sealed record RecordState(int Id, IssuanceStatus Status, string? Claim, string? CertificateNo, string? PdfPath);

    private static int CountPdfs(string files) =>
        Directory.Exists(Path.Combine(files, "certificates"))
            ? Directory.GetFiles(Path.Combine(files, "certificates"), "*.pdf", SearchOption.AllDirectories).Length
            : 0;

    private static async Task<int> CountClaimedByAAsync(string connectionString, List<int> ids)
    {
        await using var db = Context(connectionString);
        return await db.Set<IssuanceRecord>().AsNoTracking()
            .CountAsync(r => ids.Contains(r.Id) && r.Status == IssuanceStatus.Generating && r.GenerationClaim != null && r.GenerationClaim.StartsWith("scaleout-a/"));
    }

    private static async Task<List<RecordState>> SnapshotAsync(string connectionString, List<int> ids)
    {
        await using var db = Context(connectionString);
        return await db.Set<IssuanceRecord>().AsNoTracking()
            .Where(r => ids.Contains(r.Id))
            .OrderBy(r => r.Id)
            .Select(r => new RecordState(r.Id, r.Status, r.GenerationClaim, r.CertificateNo, r.PdfPath))
            .ToListAsync();
    }

    private static PostgresCertHubDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresCertHubDbContext>().UseNpgsql(connectionString).Options, FixedCurrentUser.System);

    private static Dictionary<string, string> Settings(string connectionString, string files, string workerId) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:CertHub"] = connectionString,
        ["ChangeFeed:Provider"] = "Redis",
        ["Redis:Configuration"] = TwoInstancesFactAttribute.Redis!,
        ["Storage:Root"] = files,
        ["Security:LoginAttemptsPerMinute"] = "1000",
        ["Issuance:WorkerId"] = workerId,
        ["Issuance:ClaimLeaseSeconds"] = LeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Issuance:PollSeconds"] = "1",
    };

    private async Task<IPage> NewPageAsync(AppInstance instance)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = instance.BaseUrl,
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>
/// The two-instance test needs Chromium (as every E2E test), a PostgreSQL server (env CERTHUB_TEST_PG) and a Redis server
/// (env CERTHUB_REDIS); it is skipped unless both are set (.ci/run sets both).
/// </summary>
public sealed class TwoInstancesFactAttribute : FactAttribute
{
    public TwoInstancesFactAttribute()
    {
        if (BrowserEnvironment.SkipReason is { } reason)
        {
            Skip = reason;
        }
        else if (Pg is null || Redis is null)
        {
            Skip = "Set CERTHUB_TEST_PG (a PostgreSQL server) and CERTHUB_REDIS (a Redis server) to run the two-instance test (.ci/run does).";
        }
    }

    public static string? Pg => Environment.GetEnvironmentVariable("CERTHUB_TEST_PG") is { Length: > 0 } value ? value : null;

    public static string? Redis => Environment.GetEnvironmentVariable("CERTHUB_REDIS") is { Length: > 0 } value ? value : null;
}
