using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CertHub.Bench;

/// <summary>
/// A throw-away PostgreSQL cluster from Debian's packages (the same set-up as <c>.ci/run</c>): initdb in a temp folder, a
/// server on a free loopback port (run as the postgres user when the bench runs as root), stopped and deleted on dispose.
/// <see cref="StopAsync"/> and <see cref="StartAsync"/> stop and restart the real server (fault runs).
/// </summary>
public sealed class TempPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asPostgres;

    private TempPostgres(string bin, string folder, int port, bool asPostgres)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
        _asPostgres = asPostgres;
    }

    public int Port { get; }

    /// <summary>Connection string to the server (database postgres); add <c>Database=…</c> for another database.</summary>
    public string ServerConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres";

    public string ConnectionString(string database) => $"{ServerConnectionString};Database={database}";

    public static async Task<TempPostgres> StartNewAsync(int maxConnections = 300)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderBy(d => int.Parse(Path.GetFileName(Path.GetDirectoryName(d)!), CultureInfo.InvariantCulture)).LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed: apt-get install postgresql (Debian's package; .ci/run installs it).");
        }

        var folder = Directory.CreateTempSubdirectory("certhub-bench-pg-").FullName;
        var asPostgres = Environment.UserName == "root";
        if (asPostgres)
        {
            await RunAsync("chown", ["postgres", folder]);
        }

        var pg = new TempPostgres(bin, folder, FreePort(), asPostgres);
        await pg.RunPgAsync("initdb", ["-D", pg.DataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
        await File.AppendAllTextAsync(Path.Combine(pg.DataDir, "postgresql.conf"),
            $"\nport = {pg.Port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{folder}'\nmax_connections = {maxConnections}\n" +
            "shared_buffers = 256MB\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n" +
            (Environment.GetEnvironmentVariable("CERTHUB_BENCH_PG_SLOW_MS") is { Length: > 0 } slow ? $"log_min_duration_statement = {slow}\n" : "") +
            // CERTHUB_BENCH_PG_EXPLAIN=<ms>: the plans (with buffers, without per-node timing) of statements slower than that.
            (Environment.GetEnvironmentVariable("CERTHUB_BENCH_PG_EXPLAIN") is { Length: > 0 } explain
                ? $"session_preload_libraries = 'auto_explain'\nauto_explain.log_min_duration = {explain}\nauto_explain.log_analyze = on\n" +
                  "auto_explain.log_buffers = on\nauto_explain.log_timing = off\n"
                : ""));
        await pg.StartAsync();
        return pg;
    }

    private string DataDir => Path.Combine(_folder, "data");

    /// <summary>Starts the (stopped) server and waits until it accepts connections.</summary>
    public Task StartAsync() => RunPgAsync("pg_ctl", ["-D", DataDir, "-l", Path.Combine(_folder, "server.log"), "-w", "start"]);

    /// <summary>Stops the server: <c>fast</c> ends every session (as an operator or a crash of the database host would).</summary>
    public Task StopAsync(string mode = "fast") => RunPgAsync("pg_ctl", ["-D", DataDir, "-m", mode, "-w", "stop"]);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync("immediate");
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }

        // CERTHUB_BENCH_PG_SLOW_MS: the server log (with the statements slower than that) is kept for reading.
        if (Environment.GetEnvironmentVariable("CERTHUB_BENCH_PG_SLOW_MS") is { Length: > 0 } && File.Exists(Path.Combine(_folder, "server.log")))
        {
            var kept = Path.Combine(Path.GetTempPath(), $"certhub-bench-pg-{Port}.log");
            File.Copy(Path.Combine(_folder, "server.log"), kept, overwrite: true);
            Console.WriteLine($"PostgreSQL log with the slow statements: {kept}");
        }

        Directory.Delete(_folder, recursive: true);
    }

    private Task RunPgAsync(string tool, string[] args)
    {
        var path = Path.Combine(_bin, tool);
        return _asPostgres ? RunAsync("runuser", ["-u", "postgres", "--", path, .. args]) : RunAsync(path, args);
    }

    private static async Task RunAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
