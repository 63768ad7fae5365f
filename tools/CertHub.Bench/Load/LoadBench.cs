using System.Diagnostics;
using System.Globalization;
using CertHub.Data;

namespace CertHub.Bench.Load;

/// <summary>
/// load [users=200] [seconds=120] [rows=50000] [sign=10000]: N virtual users (HTTP + Blazor circuits through a SignalR
/// client) page through the issuance and candidates lists of the real app (its own process, as in Production, on a
/// throw-away PostgreSQL) — first without, then with a 50,000-candidate import and a 10,000-record batch sign running —
/// and the bench prints throughput, latencies as the clients saw them, and the server's memory per circuit.
/// </summary>
public static class LoadBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var users = Arg(args, 0, 200);
        var seconds = Arg(args, 1, 120);
        var rows = Arg(args, 2, 50_000);
        var signCount = Arg(args, 3, 10_000);
        var report = new LoadReport(users, rows, signCount);
        LoadReport.Line($"CertHub load bench — {Environment.ProcessorCount} cores, load average before: {LoadReport.LoadAverage()}");

        var folder = Directory.CreateTempSubdirectory("certhub-load-");
        try
        {
            await using var pg = await TempPostgres.StartNewAsync(maxConnections: 400);
            var connectionString = pg.ConnectionString("certhub_load");
            var storage = Path.Combine(folder.FullName, "files");
            var settings = new Dictionary<string, string>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:CertHub"] = connectionString + ";Maximum Pool Size=200",
                ["Storage:Root"] = storage,
                ["Security:LoginAttemptsPerMinute"] = "1000000",
            };

            var setup = Stopwatch.StartNew();
            await using (var seeding = AppServer.Start("Development", settings))
            {
                await seeding.WaitHealthyAsync(TimeSpan.FromMinutes(5)); // migrations + demo seed are done once /healthz answers
            }

            LoadReport.Line($"setup: schema and demo data (app in Development) in {setup.Elapsed.TotalSeconds:F0} s");
            var builder = new CertHubContextBuilder(new DatabaseSettings(DatabaseProvider.Postgres, connectionString), []);
            var files = new FolderFileStore(storage);
            var tenants = await LoadData.TenantsAsync(builder);
            var step = Stopwatch.StartNew();
            var bulkFile = await LoadData.WriteCandidateFileAsync(builder, folder.FullName, "110101", rows);
            var bulk = await LoadData.ImportCandidatesAsync(builder, files, tenants, bulkFile);
            var records = await LoadData.InsertIssuanceAsync(builder, tenants, rows);
            var organizationUsers = await LoadData.CreateAccountsAsync(connectionString, "wl", (users + 1) / 2);
            var schoolUsers = await LoadData.CreateAccountsAsync(connectionString, "ustb", users / 2);
            var loadFile = await LoadData.WriteCandidateFileAsync(builder, folder.FullName, "110102", rows);
            var signIds = await LoadData.PendingSignIdsAsync(builder, tenants, signCount);
            await LoadData.AnalyzeAsync(connectionString);
            LoadReport.Line($"setup: {bulk.Succeeded:N0} candidates for ustb (import), {records:N0} issuance records for wl, " +
                $"{organizationUsers.Count + schoolUsers.Count} accounts, the import file for the run, in {step.Elapsed.TotalSeconds:F0} s");

            // Live updates as between two instances: the app and the bench's background work share a Redis change feed.
            await using var redis = await TempRedis.StartAsync();
            var production = new Dictionary<string, string>(settings)
            {
                ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true", // as behind the TLS proxy of docs/deploy.md §6
                ["Sms:AllowOutboxInProduction"] = "true",
                ["Issuance:PublicBaseUrl"] = "https://certhub.example",
            };
            if (redis is not null)
            {
                production["ChangeFeed:Provider"] = "Redis";
                production["Redis:Configuration"] = redis.Configuration;
            }

            await using var app = AppServer.Start("Production", production);
            await app.WaitHealthyAsync(TimeSpan.FromMinutes(2));
            LoadReport.Line($"app: Production, PostgreSQL, {app.BaseUrl}; RSS after start {LoadReport.Mb(app.ResidentBytes())} MB; " +
                (redis is null ? "no redis-server: the background work publishes no live notices" : $"live notices through Redis {redis.Configuration}"));
            using var feed = await BenchChangeFeed.ConnectAsync(redis);

            using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = int.MaxValue };
            using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
            var virtualUsers = new List<VirtualUser>();
            for (var i = 0; i < users; i++)
            {
                var (name, path) = i % 2 == 0 ? (organizationUsers[i / 2], "/issuance") : (schoolUsers[i / 2], "/exams/candidates");
                virtualUsers.Add(new VirtualUser(name, path, new WebSession(http, app.BaseUrl), 1000 + i));
            }

            try
            {
                await RunPhasesAsync(report, app, virtualUsers, TimeSpan.FromSeconds(seconds),
                    () => BackgroundWork.Start(builder, files, tenants, loadFile, signIds, feed.Changes));
            }
            finally
            {
                foreach (var user in virtualUsers)
                {
                    await user.DisposeAsync();
                }
            }

            LoadReport.Line($"load average after: {LoadReport.LoadAverage()}");
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task RunPhasesAsync(LoadReport report, AppServer app, List<VirtualUser> users, TimeSpan duration,
        Func<BackgroundWork> startBackground)
    {
        var warmUp = new LoadMetrics("warm-up (log in, open the list, start the circuit)");
        var watch = Stopwatch.StartNew();
        await ForEachAsync(users, 16, user => user.LoginAsync(warmUp, CancellationToken.None));
        GC.Collect();
        await Task.Delay(TimeSpan.FromSeconds(3));
        var rssBefore = app.ResidentBytes();
        var opened = 0;
        await ForEachAsync(users, 16, async user =>
        {
            if (await user.OpenAsync(warmUp, CancellationToken.None))
            {
                Interlocked.Increment(ref opened);
            }
        });
        warmUp.Duration = watch.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(5));
        var rssWith = app.ResidentBytes();
        LoadReport.Memory(rssBefore, rssWith, opened);
        report.Phase(warmUp, null);

        var quiet = new LoadMetrics("run 1: users only");
        var (peakQuiet, cpuQuiet) = await RunAsync(app, users, quiet, duration);
        report.Phase(quiet, null);
        LoadReport.Line($"   server peak RSS {LoadReport.Mb(peakQuiet)} MB; {cpuQuiet}");

        var busy = new LoadMetrics("run 2: users + import of the candidates + batch sign");
        var background = startBackground();
        var (peakBusy, cpuBusy) = await RunAsync(app, users, busy, duration);
        var work = await background.CompleteAsync();
        report.Phase(busy, work);
        LoadReport.Line($"   server peak RSS {LoadReport.Mb(peakBusy)} MB; {cpuBusy}");
        LoadReport.Line("   (the import and the sign run in the bench process against the same database, as a second app instance would)");
        report.Verdict(quiet, busy);
    }

    /// <summary>Every user acts until the end of the phase; the server's RSS is sampled every second.</summary>
    private static async Task<(long PeakRss, string Cpu)> RunAsync(AppServer app, List<VirtualUser> users, LoadMetrics metrics, TimeSpan duration)
    {
        var cpu = CpuUse.Start(app);
        var watch = Stopwatch.StartNew();
        var until = DateTime.UtcNow + duration;
        var running = Task.WhenAll(users.Select(u => u.RunAsync(metrics, until, CancellationToken.None)));
        long peak = 0;
        while (!running.IsCompleted)
        {
            peak = Math.Max(peak, app.ResidentBytes());
            await Task.WhenAny(running, Task.Delay(1000));
        }

        await running;
        metrics.Duration = watch.Elapsed;
        return (peak, cpu.Describe());
    }

    private static Task ForEachAsync<T>(IEnumerable<T> items, int parallelism, Func<T, Task> action) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (item, _) => await action(item));

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index && int.TryParse(args[index], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
