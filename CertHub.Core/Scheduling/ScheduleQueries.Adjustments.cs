using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using CertHub.Core.Invigilators;
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

    /// <summary>
    /// 更换监考: the invigilators of the room session and those certified (认证通过) for its certificate and level; only for the
    /// plan's organisation (anyone else gets empty lists).
    /// </summary>
    public async Task<InvigilatorChoices> InvigilatorChoicesAsync(int roomSessionId, CancellationToken ct)
    {
        var scope = RequireScope();
        if (scope.IsSchool || scope.IsPlatform)
        {
            return new InvigilatorChoices([], []);
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var visible = RoomRows(db, scope, new RoomArrangementFilter(), requireSeats: false).Where(r => r.RoomSessionId == roomSessionId).Select(r => r.ExamRoomId);
        var room = await db.Set<ExamRoom>().IgnoreQueryFilters().AsNoTracking().Where(r => visible.Contains(r.Id))
            .Select(r => new { r.CertificateId, r.Level }).FirstOrDefaultAsync(ct);
        if (room is null)
        {
            return new InvigilatorChoices([], []);
        }

        var assignedIds = await db.Set<RoomSessionInvigilator>().IgnoreQueryFilters().AsNoTracking().Where(i => i.RoomSessionId == roomSessionId)
            .OrderBy(i => i.Id).Select(i => i.InvigilatorId).ToListAsync(ct);
        var certifiedIds = db.Set<InvigilatorCertification>().IgnoreQueryFilters()
            .Where(c => c.Status == CertificationStatus.Certified && c.CertificateId == room.CertificateId && c.Level == room.Level).Select(c => c.InvigilatorId);
        var people = await db.Set<Invigilator>().IgnoreQueryFilters().AsNoTracking()
            .Where(i => assignedIds.Contains(i.Id) || certifiedIds.Contains(i.Id))
            .Join(db.Set<PilotSchool>().IgnoreQueryFilters(), i => i.SchoolId, s => s.Id, (i, s) => new { Choice = new InvigilatorChoice(i.Id, i.Name, i.TeacherNo, s.Name), Certified = certifiedIds.Contains(i.Id) })
            .ToListAsync(ct);
        var byId = people.ToDictionary(p => p.Choice.InvigilatorId);
        return new InvigilatorChoices(
            [.. assignedIds.Where(byId.ContainsKey).Select(id => byId[id].Choice)],
            [.. people.Where(p => p.Certified).Select(p => p.Choice).OrderBy(c => c.SchoolName, StringComparer.Ordinal).ThenBy(c => c.TeacherNo, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// 互换监考: the invigilators of the room session and those of the plan's other room sessions whose exam time overlaps it
    /// (the same time slot); only for the plan's organisation (anyone else gets empty lists).
    /// </summary>
    public async Task<InvigilatorSwapChoices> SwapChoicesAsync(int roomSessionId, CancellationToken ct)
    {
        var scope = RequireScope();
        if (scope.IsSchool || scope.IsPlatform)
        {
            return new InvigilatorSwapChoices([], []);
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var rows = RoomRows(db, scope, new RoomArrangementFilter(), requireSeats: false);
        var source = await rows.Where(r => r.RoomSessionId == roomSessionId).Select(r => new { r.ExamPlanId, r.StartUtc, r.EndUtc }).FirstOrDefaultAsync(ct);
        if (source is null)
        {
            return new InvigilatorSwapChoices([], []);
        }

        var sessions = await rows.Where(r => r.ExamPlanId == source.ExamPlanId && r.StartUtc < source.EndUtc && source.StartUtc < r.EndUtc)
            .Select(r => new { r.RoomSessionId, r.ExamRoomId, r.SubjectId, r.RoomName, r.SubjectName, r.SiteName })
            .ToListAsync(ct);
        var ids = sessions.Select(s => s.RoomSessionId).ToList();
        var people = await (
            from i in db.Set<RoomSessionInvigilator>().IgnoreQueryFilters().AsNoTracking()
            join person in db.Set<Invigilator>().IgnoreQueryFilters() on i.InvigilatorId equals person.Id
            join school in db.Set<PilotSchool>().IgnoreQueryFilters() on person.SchoolId equals school.Id
            where ids.Contains(i.RoomSessionId)
            orderby i.Id
            select new { i.RoomSessionId, Choice = new InvigilatorChoice(person.Id, person.Name, person.TeacherNo, school.Name) })
            .ToListAsync(ct);
        var bySession = sessions.ToDictionary(s => s.RoomSessionId);
        var others = people.Where(p => p.RoomSessionId != roomSessionId)
            .Select(p => (Session: bySession[p.RoomSessionId], p.Choice))
            .OrderBy(p => p.Session.SiteName, StringComparer.Ordinal).ThenBy(p => p.Session.RoomName, StringComparer.Ordinal).ThenBy(p => p.Session.SubjectName, StringComparer.Ordinal)
            .Select(p => new InvigilatorSwapOption(p.Session.ExamRoomId, p.Session.SubjectId, p.Session.RoomName, p.Session.SubjectName, p.Session.SiteName, p.Choice));
        return new InvigilatorSwapChoices([.. people.Where(p => p.RoomSessionId == roomSessionId).Select(p => p.Choice)], [.. others]);
    }
}
