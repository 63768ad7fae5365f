using System.Collections.Concurrent;
using System.Globalization;

namespace CertHub.Bench.Load;

/// <summary>Latencies (ms, as each client saw them) per kind of action, and errors by message, of one phase.</summary>
internal sealed class LoadMetrics(string phase)
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _samples = new();
    private readonly ConcurrentDictionary<string, int> _errors = new();

    public string Phase { get; } = phase;

    public TimeSpan Duration { get; set; }

    private readonly ConcurrentDictionary<string, int> _notes = new();

    /// <summary>Counts an observation that is not a latency (e.g. prerendered pages that already showed rows).</summary>
    public void Note(string what, int count = 1) => _notes.AddOrUpdate(what, count, (_, n) => n + count);

    public IEnumerable<KeyValuePair<string, int>> Notes => _notes.OrderBy(n => n.Key, StringComparer.Ordinal);

    private readonly ConcurrentBag<(double At, double Ms)> _timeline = [];
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    public void Record(string kind, TimeSpan elapsed)
    {
        _samples.GetOrAdd(kind, _ => []).Add(elapsed.TotalMilliseconds);
        if (kind.StartsWith("http ", StringComparison.Ordinal) || kind.StartsWith("paging ", StringComparison.Ordinal))
        {
            _timeline.Add((_clock.Elapsed.TotalSeconds, elapsed.TotalMilliseconds));
        }
    }

    /// <summary>List actions by the time they ended (seconds since the phase began), in buckets of <paramref name="seconds"/>.</summary>
    public IEnumerable<(int From, Percentiles Latency)> Timeline(int seconds) =>
        _timeline.GroupBy(t => (int)(t.At / seconds) * seconds).OrderBy(g => g.Key)
            .Select(g => (g.Key, Percentiles.From([.. g.Select(t => t.Ms)])));

    public void Error(string kind, Exception error)
    {
        var message = error.Message.Split('\n')[0];
        _errors.AddOrUpdate($"{kind}: {(message.Length > 160 ? message[..160] : message)}", 1, (_, n) => n + 1);
    }

    public int Count(string prefix) => _samples.Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(s => s.Value.Count);

    public int ErrorCount => _errors.Values.Sum();

    public IEnumerable<KeyValuePair<string, int>> Errors => _errors.OrderByDescending(e => e.Value);

    /// <summary>p50/p95/p99/max of one kind (nearest rank), or null when there are no samples.</summary>
    public Percentiles? Of(string kind) => _samples.TryGetValue(kind, out var bag) && !bag.IsEmpty ? Percentiles.From([.. bag]) : null;

    public IEnumerable<string> Kinds => _samples.Keys.Order(StringComparer.Ordinal);

    /// <summary>All list actions (HTTP page loads and circuit paging) together.</summary>
    public Percentiles? AllListActions()
    {
        var all = _samples.Where(s => s.Key.StartsWith("http ", StringComparison.Ordinal) || s.Key.StartsWith("paging ", StringComparison.Ordinal))
            .SelectMany(s => s.Value).ToArray();
        return all.Length == 0 ? null : Percentiles.From(all);
    }
}

internal sealed record Percentiles(int Count, double P50, double P95, double P99, double Max)
{
    public static Percentiles From(double[] values)
    {
        Array.Sort(values);
        return new Percentiles(values.Length, Rank(values, 0.50), Rank(values, 0.95), Rank(values, 0.99), values[^1]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"n={Count,6}  p50 {P50,7:F0} ms  p95 {P95,7:F0} ms  p99 {P99,7:F0} ms  max {Max,7:F0} ms");

    private static double Rank(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
