using System.Diagnostics;
using System.Globalization;

namespace CertHub.Bench.Load;

/// <summary>
/// Where the CPU went during a phase: the app process, the bench process (virtual users and background work), and the
/// whole machine (/proc/stat), all as a share of the machine's cores; the rest of the machine's use is PostgreSQL and
/// whatever else runs on it.
/// </summary>
internal sealed class CpuUse
{
    private readonly AppServer _app;
    private readonly TimeSpan _app0;
    private readonly TimeSpan _bench0;
    private readonly (long Busy, long Total) _machine0;
    private readonly Dictionary<int, long> _database0;
    private readonly long _started = Stopwatch.GetTimestamp();

    private CpuUse(AppServer app)
    {
        _app = app;
        _app0 = app.CpuTime();
        _bench0 = Process.GetCurrentProcess().TotalProcessorTime;
        _machine0 = Machine();
        _database0 = DatabaseBackends();
    }

    public static CpuUse Start(AppServer app) => new(app);

    public string Describe()
    {
        var wall = Stopwatch.GetElapsedTime(_started).TotalSeconds * Environment.ProcessorCount;
        var app = (_app.CpuTime() - _app0).TotalSeconds / wall * 100;
        var bench = (Process.GetCurrentProcess().TotalProcessorTime - _bench0).TotalSeconds / wall * 100;
        var (busy, total) = Machine();
        var machine = total > _machine0.Total ? (busy - _machine0.Busy) * 100d / (total - _machine0.Total) : double.NaN;
        var database = DatabaseBackends().Sum(p => p.Value - _database0.GetValueOrDefault(p.Key)) / (double)TicksPerSecond / wall * 100;
        return string.Create(CultureInfo.InvariantCulture,
            $"CPU as a share of the {Environment.ProcessorCount} cores: app {app:F0} %, bench {bench:F0} %, PostgreSQL backends of {Database} {database:F0} %, " +
            $"whole machine busy {machine:F0} % (the rest: other processes)");
    }

    private const string Database = "certhub_load";
    private const int TicksPerSecond = 100; // USER_HZ of /proc/<pid>/stat on Linux

    /// <summary>
    /// CPU ticks (utime + stime) of the PostgreSQL backends serving the bench's database (their command line names it);
    /// backends that exit during the phase are not counted, so the figure is a lower bound.
    /// </summary>
    private static Dictionary<int, long> DatabaseBackends()
    {
        var ticks = new Dictionary<int, long>();
        if (!Directory.Exists("/proc"))
        {
            return ticks;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                if (!File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(Database, StringComparison.Ordinal))
                {
                    continue;
                }

                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks[pid] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // the process ended
            }
            catch (UnauthorizedAccessException)
            {
                // not ours to read
            }
        }

        return ticks;
    }

    /// <summary>Busy and total jiffies of all CPUs (the first line of /proc/stat).</summary>
    private static (long Busy, long Total) Machine()
    {
        if (!File.Exists("/proc/stat"))
        {
            return (0, 0);
        }

        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        var idle = fields[3] + fields[4];
        return (total - idle, total);
    }
}
