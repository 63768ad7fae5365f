using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.CheckIn;

/// <summary>签到总览: every visible room session of one plan and exam time, filling live (counts grouped in the database).</summary>
public sealed partial class CheckInService
{
    /// <summary>
    /// The rooms of the chosen plan and exam time with 应到/已签到/未签到/缺考/迟到, visible exactly as the rosters are (organisation:
    /// its plans' rooms; school: the rooms it hosts). Without a valid choice: the time running now, else the next, else the latest.
    /// </summary>
    public async Task<CheckInOverview> OverviewAsync(int? examPlanId, DateTimeOffset? startUtc, CancellationToken ct)
    {
        var scope = RequireScope();
        await using var db = await dbFactory.CreateAsync(ct);
        var sessions = Items(db, scope).Where(i => i.SeatedCount > 0);
        var slots = (await sessions.Select(i => new { i.ExamPlanId, i.PlanName, i.StartUtc, i.EndUtc }).Distinct().ToListAsync(ct))
            .Select(s => new CheckInSlot(s.ExamPlanId, s.PlanName, s.StartUtc, s.EndUtc))
            .OrderBy(s => s.StartUtc).ThenBy(s => s.PlanName).ToList();
        var slot = slots.FirstOrDefault(s => s.ExamPlanId == examPlanId && s.StartUtc == startUtc)
            ?? DefaultSlot(examPlanId is null ? slots : [.. slots.Where(s => s.ExamPlanId == examPlanId)], clock.GetUtcNow())
            ?? DefaultSlot(slots, clock.GetUtcNow());
        if (slot is null)
        {
            return new CheckInOverview(slots, null, [], new RosterCounts(0, 0, 0, 0, 0));
        }

        var (planId, start) = (slot.ExamPlanId, slot.StartUtc);
        var rooms = await sessions.Where(i => i.ExamPlanId == planId && i.StartUtc == start)
            .Select(i => new { i.RoomSessionId, i.SiteName, i.RoomName, i.SubjectName, i.SeatedCount, i.IsClosed })
            .ToListAsync(ct);
        var ids = rooms.Select(r => r.RoomSessionId).ToList();
        var counts = await (
            from a in db.Set<Attendance>().IgnoreQueryFilters().AsNoTracking()
            join r in db.Set<RoomRoster>().IgnoreQueryFilters() on a.RoomRosterId equals r.Id
            where ids.Contains(r.RoomSessionId)
            group new { a.Status, a.CorrectionReason, a.CheckedInUtc, r.StartUtc } by r.RoomSessionId into g
            select new
            {
                RoomSessionId = g.Key,
                CheckedIn = g.Count(x => x.Status == AttendanceStatus.CheckedIn),
                Absent = g.Count(x => x.Status == AttendanceStatus.Absent),
                Late = g.Count(x => x.Status == AttendanceStatus.CheckedIn && x.CorrectionReason == null && x.CheckedInUtc > x.StartUtc),
            }).ToDictionaryAsync(c => c.RoomSessionId, ct);
        var rows = rooms.Select(r =>
        {
            var (checkedIn, absent, late) = counts.TryGetValue(r.RoomSessionId, out var c) ? (c.CheckedIn, c.Absent, c.Late) : (0, 0, 0);
            return new CheckInOverviewRoom(r.RoomSessionId, r.SiteName, r.RoomName, r.SubjectName, r.IsClosed ? RosterStatus.Closed : RosterStatus.Open,
                new RosterCounts(r.SeatedCount, checkedIn, r.SeatedCount - checkedIn - absent, absent, late));
        }).OrderBy(r => r.SiteName).ThenBy(r => r.RoomName, StringComparer.Ordinal).ThenBy(r => r.SubjectName).ToList();
        return new CheckInOverview(slots, slot, rows, RosterCounts.Sum(rows.Select(r => r.Counts)));
    }

    /// <summary>The exam time running now, else the next to start, else the latest that ended.</summary>
    private static CheckInSlot? DefaultSlot(IReadOnlyList<CheckInSlot> slots, DateTimeOffset now) =>
        slots.FirstOrDefault(s => s.StartUtc <= now && now < s.EndUtc)
        ?? slots.Where(s => s.StartUtc > now).MinBy(s => s.StartUtc)
        ?? slots.Where(s => s.EndUtc <= now).MaxBy(s => s.StartUtc);
}
