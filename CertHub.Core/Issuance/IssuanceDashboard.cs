using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Issuance;

/// <summary>数据看板 one group (a plan, a certificate level or a school) with its record count per 颁证状态.</summary>
public sealed record DashboardGroup(string Name, IReadOnlyDictionary<IssuanceStatus, int> Counts)
{
    public int Total => Counts.Values.Sum();

    public int Count(IssuanceStatus status) => Counts.TryGetValue(status, out var count) ? count : 0;
}

/// <summary>Certificates completed by the worker (完成发放) in one minute.</summary>
public sealed record ThroughputPoint(DateTimeOffset MinuteUtc, int Completed);

/// <summary>数据看板: issuance progress in the user's scope (tenancy filters narrow the rows).</summary>
public sealed record IssuanceDashboardSnapshot(
    IReadOnlyDictionary<IssuanceStatus, int> Totals,
    IReadOnlyList<DashboardGroup> ByPlan,
    IReadOnlyList<DashboardGroup> ByCertificate,
    IReadOnlyList<DashboardGroup> BySchool,
    int IssuedToday,
    IReadOnlyList<ThroughputPoint> Throughput,
    DateTimeOffset AtUtc)
{
    public const int ThroughputMinutes = 10;

    public int Total => Totals.Values.Sum();

    /// <summary>Mean certificates completed per minute over the last <see cref="ThroughputMinutes"/> minutes.</summary>
    public double PerMinute => Throughput.Count == 0 ? 0 : Throughput.Sum(p => p.Completed) / (double)ThroughputMinutes;
}

/// <summary>数据看板 read side: counts per status by plan, certificate and school, issued today and the worker's throughput.</summary>
public interface IIssuanceDashboard
{
    Task<IssuanceDashboardSnapshot> GetAsync(CancellationToken ct);
}

/// <summary>GROUP BY queries over <see cref="IssuanceRecord"/> and its history, as the current user sees them.</summary>
public sealed class IssuanceDashboard(ICertHubDbFactory dbFactory, TimeProvider time) : IIssuanceDashboard
{
    public async Task<IssuanceDashboardSnapshot> GetAsync(CancellationToken ct)
    {
        var nowUtc = time.GetUtcNow();
        var todayInChina = DateOnly.FromDateTime(nowUtc.ToChina().DateTime);
        var currentMinute = new DateTimeOffset(nowUtc.Year, nowUtc.Month, nowUtc.Day, nowUtc.Hour, nowUtc.Minute, 0, TimeSpan.Zero);
        var since = currentMinute.AddMinutes(1 - IssuanceDashboardSnapshot.ThroughputMinutes);
        await using var db = await dbFactory.CreateAsync(ct);
        var records = db.Set<IssuanceRecord>().AsNoTracking();

        var byPlan = await records
            .GroupBy(r => new { r.ExamPlanId, r.PlanName, r.Status })
            .Select(g => new GroupCount(g.Key.ExamPlanId, g.Key.PlanName, g.Key.Status, g.Count()))
            .ToListAsync(ct);
        var byCertificate = await records
            .GroupBy(r => new { r.CertificateId, r.CertificateName, r.Level, r.Status })
            .Select(g => new { g.Key.CertificateId, g.Key.CertificateName, g.Key.Level, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var bySchool = await records
            .GroupBy(r => new { r.CandidateSchoolId, r.CandidateSchoolName, r.Status })
            .Select(g => new GroupCount(g.Key.CandidateSchoolId, g.Key.CandidateSchoolName, g.Key.Status, g.Count()))
            .ToListAsync(ct);
        var issuedToday = await records.CountAsync(r => r.IssuedOn == todayInChina, ct);
        var completedAt = await db.Set<IssuanceHistory>().AsNoTracking()
            .Where(h => h.ToStatus == IssuanceStatus.Issued && h.AtUtc >= since && records.Any(r => r.Id == h.IssuanceRecordId))
            .Select(h => h.AtUtc)
            .ToListAsync(ct);

        var certificateRows = byCertificate
            .Select(c => new GroupCount(c.CertificateId * 10 + (int)c.Level, $"{c.CertificateName}({c.Level.ToDisplayName()})", c.Status, c.Count))
            .ToList();
        var totals = byPlan.GroupBy(g => g.Status).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        return new IssuanceDashboardSnapshot(totals, Groups(byPlan), Groups(certificateRows), Groups(bySchool), issuedToday,
            Throughput(completedAt, currentMinute), nowUtc);
    }

    private static List<DashboardGroup> Groups(IEnumerable<GroupCount> rows) =>
        [.. rows.GroupBy(r => (r.Key, r.Name))
            .Select(g => new DashboardGroup(g.Key.Name, g.ToDictionary(x => x.Status, x => x.Count)))
            .OrderByDescending(g => g.Total)
            .ThenBy(g => g.Name, StringComparer.Ordinal)];

    /// <summary>One point per minute of the window, oldest first (minutes without completions count 0).</summary>
    private static List<ThroughputPoint> Throughput(IReadOnlyList<DateTimeOffset> completedAt, DateTimeOffset currentMinute)
    {
        var points = new List<ThroughputPoint>(IssuanceDashboardSnapshot.ThroughputMinutes);
        for (var i = IssuanceDashboardSnapshot.ThroughputMinutes - 1; i >= 0; i--)
        {
            var start = currentMinute.AddMinutes(-i);
            var end = start.AddMinutes(1);
            points.Add(new ThroughputPoint(start, completedAt.Count(at => at >= start && at < end)));
        }

        return points;
    }

    private sealed record GroupCount(int Key, string Name, IssuanceStatus Status, int Count);
}
