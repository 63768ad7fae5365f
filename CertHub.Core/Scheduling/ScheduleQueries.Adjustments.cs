using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Scheduling;

/// <summary>调整座位: the read side of the organisation's manual adjustments (the changes are <see cref="SchedulingService"/>'s).</summary>
public sealed partial class ScheduleQueries
{
    /// <summary>
    /// The room sessions of the same plan and subject as <paramref name="roomSessionId"/> a candidate can be moved to; only for
    /// the plan's organisation (a school or another organisation gets none).
    /// </summary>
    public async Task<IReadOnlyList<SeatMoveTarget>> MoveTargetsAsync(int roomSessionId, CancellationToken ct)
    {
        var scope = RequireScope();
        if (scope.IsSchool || scope.IsPlatform)
        {
            return [];
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var rows = RoomRows(db, scope, new RoomArrangementFilter(), requireSeats: false);
        var source = await rows.Where(r => r.RoomSessionId == roomSessionId).Select(r => new { r.ExamPlanId, r.SubjectId }).FirstOrDefaultAsync(ct);
        if (source is null)
        {
            return [];
        }

        var targets = await rows.Where(r => r.ExamPlanId == source.ExamPlanId && r.SubjectId == source.SubjectId)
            .Select(r => new SeatMoveTarget(r.ExamRoomId, r.RoomName, r.SiteName, r.SeatedCount, r.Capacity))
            .ToListAsync(ct);
        return [.. targets.OrderBy(t => t.SiteName, StringComparer.Ordinal).ThenBy(t => t.RoomName, StringComparer.Ordinal)];
    }
}
