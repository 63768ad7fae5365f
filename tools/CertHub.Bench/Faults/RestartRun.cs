using System.Diagnostics;
using CertHub.Core.Accounts;
using CertHub.Core.Common;
using CertHub.Core.ExamSites;
using CertHub.Data;
using Npgsql;

namespace CertHub.Bench.Faults;

/// <summary>
/// (d) The database restarts under users: <see cref="Users"/> users work (reads: 考核站点 list and status counts through
/// <see cref="ExamSiteService"/>; every third request a write: 获取验证码 through <see cref="SmsVerification"/>), so the pool
/// holds their connections; then PostgreSQL restarts (<c>pg_ctl stop -m fast</c>, start) and every pooled connection is dead.
/// After the restart each user makes <see cref="RequestsEach"/> more requests, and the failed ones are counted — the same
/// workload on plain Npgsql commands (its own pool, no <see cref="PostgresReconnect"/>) alongside, as the baseline.
/// </summary>
internal static class RestartRun
{
    private const int Users = 16;
    private const int RequestsEach = 10;

    public static async Task RunAsync(TempPostgres pg, Checks checks)
    {
        Console.WriteLine();
        Console.WriteLine($"(d) database restarted under {Users} users: requests failed after the restart");
        var builder = await FaultsBench.CreateDatabaseAsync(pg, "faults_restart");
        var plainConnection = pg.ConnectionString("faults_restart") + ";Application Name=faults-plain";
        var app = new AppWorkload(builder);
        var plain = new PlainWorkload(plainConnection);

        var before = await Task.WhenAll(RunUsersAsync(app, 0, 3), RunUsersAsync(plain, 0, 3));
        Console.WriteLine($"    before: {before[0].Requests} app requests ({before[0].Failed} failed), {before[1].Requests} plain requests ({before[1].Failed} failed); " +
            $"{await SessionsAsync(pg)} sessions open on the database");

        var restart = Stopwatch.StartNew();
        await pg.StopAsync("fast");
        await pg.StartAsync();
        Console.WriteLine($"    PostgreSQL restarted in {restart.Elapsed.TotalSeconds:F1} s (every session ended; the pools still hold them)");

        var watch = Stopwatch.StartNew();
        var after = await Task.WhenAll(RunUsersAsync(app, 3, RequestsEach), RunUsersAsync(plain, 3, RequestsEach));
        var (appAfter, plainAfter) = (after[0], after[1]);
        Console.WriteLine($"    after, CertHub services: {appAfter.Requests} requests ({appAfter.Reads} reads, {appAfter.Requests - appAfter.Reads} writes) in {watch.Elapsed.TotalSeconds:F1} s — " +
            $"{appAfter.FailedReads} reads and {appAfter.Failed - appAfter.FailedReads} writes failed{appAfter.FirstError}");
        Console.WriteLine($"    after, baseline plain Npgsql (no recovery): {plainAfter.Requests} requests — " +
            $"{plainAfter.FailedReads} reads and {plainAfter.Failed - plainAfter.FailedReads} writes failed{plainAfter.FirstError}");
        checks.Check("no read failed after the restart", appAfter.FailedReads == 0, $"{appAfter.FailedReads} of {appAfter.Reads} reads failed");
        checks.Check("at most one request failed after the restart", appAfter.Failed <= 1,
            $"{appAfter.Failed} of {appAfter.Requests} failed (baseline without recovery: {plainAfter.Failed} of {plainAfter.Requests})");
        if (appAfter.FirstException is { } first)
        {
            Console.WriteLine("    first failure of the services, for the record:");
            Console.WriteLine(string.Join(Environment.NewLine, first.ToString().Split('\n').Where(l => !l.TrimStart().StartsWith("at System.", StringComparison.Ordinal)).Take(40).Select(l => "      " + l.TrimEnd())));
        }

        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Every user's requests <paramref name="from"/> .. <paramref name="from"/>+<paramref name="count"/>, the users at once.</summary>
    private static async Task<Tally> RunUsersAsync(IWorkload workload, int from, int count)
    {
        var tallies = await Task.WhenAll(Enumerable.Range(0, Users).Select(user => Task.Run(async () =>
        {
            var tally = new Tally();
            for (var i = from; i < from + count; i++)
            {
                var write = i % 3 == 2;
                try
                {
                    await (write ? workload.WriteAsync(user, i) : workload.ReadAsync());
                    tally.Add(write, null);
                }
                catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or DomainRuleException or Microsoft.EntityFrameworkCore.DbUpdateException)
                {
                    tally.Add(write, ex);
                }
            }

            return tally;
        })));
        return tallies.Aggregate(new Tally(), (all, t) => all.Merge(t));
    }

    private static async Task<long> SessionsAsync(TempPostgres pg)
    {
        await using var connection = new NpgsqlConnection(pg.ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = 'faults_restart'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string Phone(int user, int request) => $"138{user:D2}{request:D6}";

    private interface IWorkload
    {
        Task ReadAsync();

        Task WriteAsync(int user, int request);
    }

    /// <summary>The product's services on a <see cref="CertHubContextBuilder"/> (as the app builds it).</summary>
    private sealed class AppWorkload(CertHubContextBuilder builder) : IWorkload
    {
        private readonly CertHubDbFactory _factory = new(builder, FixedCurrentUser.System);

        public async Task ReadAsync()
        {
            var sites = new ExamSiteService(_factory, FixedCurrentUser.System, new SilentChangeFeed(), TimeProvider.System);
            await sites.ListAsync(new(), new(), CancellationToken.None);
            await sites.CountsAsync(new(), CancellationToken.None);
        }

        public Task WriteAsync(int user, int request) =>
            new SmsVerification(_factory, new NoSms(), FixedCurrentUser.System, TimeProvider.System).SendCodeAsync(Phone(user, request), SmsPurpose.BindPhone, CancellationToken.None);
    }

    /// <summary>The same statements on plain pooled Npgsql connections: what happens without <see cref="PostgresReconnect"/>.</summary>
    private sealed class PlainWorkload(string connectionString) : IWorkload
    {
        public Task ReadAsync() => ExecuteAsync("SELECT count(*) FROM \"ExamSites\"", null);

        public Task WriteAsync(int user, int request) =>
            ExecuteAsync("INSERT INTO \"SmsSendWindows\" (\"Key\", \"LastSentUtc\", \"RowVersion\") VALUES (@key, now(), 0)", "plain:" + Phone(user, request));

        private async Task ExecuteAsync(string sql, string? key)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            if (key is not null)
            {
                command.Parameters.AddWithValue("key", key);
            }

            await command.ExecuteNonQueryAsync();
        }
    }

    private sealed class NoSms : ISmsSender
    {
        public Task SendAsync(string phone, string text, CancellationToken ct) => Task.CompletedTask;
    }

    private sealed class Tally
    {
        public int Requests { get; private set; }

        public int Reads { get; private set; }

        public int Failed { get; private set; }

        public int FailedReads { get; private set; }

        public string FirstError { get; private set; } = "";

        public Exception? FirstException { get; private set; }

        public void Add(bool write, Exception? error)
        {
            Requests++;
            Reads += write ? 0 : 1;
            if (error is not null)
            {
                Failed++;
                FailedReads += write ? 0 : 1;
                if (FirstError.Length == 0)
                {
                    FirstError = $" (first: “{error.GetBaseException().Message}”)";
                    FirstException = error;
                }
            }
        }

        public Tally Merge(Tally other)
        {
            Requests += other.Requests;
            Reads += other.Reads;
            Failed += other.Failed;
            FailedReads += other.FailedReads;
            if (FirstError.Length == 0)
            {
                FirstError = other.FirstError;
                FirstException = other.FirstException;
            }

            return this;
        }
    }
}
