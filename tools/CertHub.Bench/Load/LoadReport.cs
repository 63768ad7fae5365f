using System.Globalization;

namespace CertHub.Bench.Load;

/// <summary>Prints the figures of the load bench as they come.</summary>
internal sealed class LoadReport(int users, int rows, int signCount)
{
    private const double TargetP95Ms = 300;

    public static void Line(string text) => Console.WriteLine(text);

    public static void Memory(long rssBefore, long rssWith, int circuits)
    {
        Line($"memory: server RSS before circuits {Mb(rssBefore)} MB, with {circuits} circuits {Mb(rssWith)} MB" +
            (circuits > 0 ? string.Create(CultureInfo.InvariantCulture, $" = {(rssWith - rssBefore) / 1024d / circuits:F0} KB per circuit") : ""));
    }

    public void Phase(LoadMetrics metrics, IReadOnlyList<string>? background)
    {
        Line("");
        Line($"== {metrics.Phase}: {users} users, {metrics.Duration.TotalSeconds:F0} s" +
            (background is null ? "" : $", {rows:N0}-row import + {signCount:N0}-record sign in the background"));
        var actions = metrics.Count("http ") + metrics.Count("paging ");
        Line(string.Create(CultureInfo.InvariantCulture,
            $"   list actions: {actions:N0} ({actions / Math.Max(1, metrics.Duration.TotalSeconds):F1}/s), errors: {metrics.ErrorCount:N0}"));
        foreach (var kind in metrics.Kinds)
        {
            Line($"   {kind,-22} {metrics.Of(kind)}");
        }

        if (metrics.AllListActions() is { } all)
        {
            Line($"   {"all list actions",-22} {all}");
        }

        foreach (var (from, latency) in metrics.Timeline(10))
        {
            Line($"   t={from,3}-{from + 10,3} s          {latency}");
        }

        foreach (var (note, count) in metrics.Notes)
        {
            Line($"   {note}: {count:N0}");
        }

        foreach (var (error, count) in metrics.Errors.Take(8))
        {
            Line($"   error ×{count}: {error}");
        }

        foreach (var line in background ?? [])
        {
            Line($"   background: {line}");
        }
    }

    public void Verdict(LoadMetrics quiet, LoadMetrics busy)
    {
        Line("");
        foreach (var metrics in new[] { quiet, busy })
        {
            var p95 = metrics.AllListActions()?.P95;
            Line(string.Create(CultureInfo.InvariantCulture,
                $"{metrics.Phase}: p95 of list actions {p95:F0} ms   target < {TargetP95Ms:F0} ms at {users} users   {(p95 < TargetP95Ms ? "OK" : "MISSED")}"));
        }

        Line($"(the latencies are what the bench's clients saw: HTTP = request sent → page read; paging = click sent → render batch with the next page received; bench, app and PostgreSQL share this machine's {Environment.ProcessorCount} cores)");
    }

    public static string Mb(long bytes) => (bytes / 1024d / 1024d).ToString("F0", CultureInfo.InvariantCulture);

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
