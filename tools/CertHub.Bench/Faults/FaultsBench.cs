using System.Diagnostics;
using CertHub.Core.Common;
using CertHub.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CertHub.Bench.Faults;

/// <summary>
/// faults (issue 10): real fault runs on a throw-away PostgreSQL cluster (<see cref="TempPostgres"/>):
/// (a) the database stops for 10 s in the middle of a 50,000-row 批量导入考生信息 (<see cref="ImportOutageRun"/>);
/// (b) a process running 批量确认签发 of 10,000 records is killed at three moments while it writes (<see cref="SignKillRun"/>);
/// (c) the file store on a real 2 MB tmpfs fills up during 上传照片 and 证书生成 (<see cref="DiskFullRun"/>);
/// (d) the database restarts under 16 users: requests failed after it, against plain Npgsql as the baseline (<see cref="RestartRun"/>).
/// Every check prints OK or FAILED; the command exits 1 when one failed.
/// </summary>
public static class FaultsBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = Arg(args, 0, 50_000);
        var records = Arg(args, 1, 10_000);
        var checks = new Checks();
        var watch = Stopwatch.StartNew();
        Console.WriteLine($"CertHub faults — {Environment.ProcessorCount} cores (shared), PostgreSQL from Debian's packages on loopback");
        await using (var pg = await TempPostgres.StartNewAsync())
        {
            Console.WriteLine($"setup: PostgreSQL cluster on 127.0.0.1:{pg.Port}");
            await ImportOutageRun.RunAsync(pg, rows, checks);
            await SignKillRun.RunAsync(pg, records, checks);
            await RestartRun.RunAsync(pg, checks);
        }

        await DiskFullRun.RunAsync(checks);
        Console.WriteLine();
        Console.WriteLine($"faults: {checks.Passed} checks OK, {checks.Failed} FAILED, {watch.Elapsed.TotalSeconds:F0} s in all");
        return checks.Failed == 0 ? 0 : 1;
    }

    /// <summary>faults-restart: only run (d), the database restarted under users.</summary>
    public static async Task<int> RunRestartAsync()
    {
        var checks = new Checks();
        await using (var pg = await TempPostgres.StartNewAsync())
        {
            Console.WriteLine($"setup: PostgreSQL cluster on 127.0.0.1:{pg.Port}");
            await RestartRun.RunAsync(pg, checks);
        }

        Console.WriteLine();
        Console.WriteLine($"faults-restart: {checks.Passed} checks OK, {checks.Failed} FAILED");
        return checks.Failed == 0 ? 0 : 1;
    }

    /// <summary>A fresh, migrated database on the cluster.</summary>
    internal static async Task<CertHubContextBuilder> CreateDatabaseAsync(TempPostgres pg, string name)
    {
        await using (var connection = new NpgsqlConnection(pg.ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new CertHubContextBuilder(new DatabaseSettings(DatabaseProvider.Postgres, pg.ConnectionString(name)), []);
        await using var db = builder.Create(FixedCurrentUser.System);
        await db.Database.MigrateAsync();
        return builder;
    }

    internal static int Arg(string[] args, int index, int fallback) =>
        args.Length > index && int.TryParse(args[index], System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

/// <summary>The checks of a fault run: each printed as OK or FAILED with what was seen.</summary>
internal sealed class Checks
{
    public int Passed { get; private set; }

    public int Failed { get; private set; }

    public bool Check(string what, bool ok, string seen)
    {
        if (ok)
        {
            Passed++;
        }
        else
        {
            Failed++;
        }

        Console.WriteLine($"    [{(ok ? "OK" : "FAILED")}] {what}: {seen}");
        return ok;
    }
}

/// <summary>A change feed that goes nowhere (the runs have no pages open).</summary>
internal sealed class SilentChangeFeed : IChangeFeed
{
    public void Publish(ChangeNotice notice)
    {
    }

    public IDisposable Subscribe(string topic, Func<ChangeNotice, Task> handler) => new Nothing();

    private sealed class Nothing : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
