using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Scheduling;

/// <summary>The exam-day documents: 准考证 for any visible seat, 门贴/桌贴/签到表 for the room's host school and the organisation.</summary>
public sealed partial class ScheduleQueries
{
    /// <summary>
    /// 导出准考证 of the given room sessions: one ticket per candidate (and plan) seated there that the user may see, in room
    /// and seat order; each ticket lists all the candidate's visible seats of that plan. Throws when a session is not visible.
    /// </summary>
    public async Task<IReadOnlyList<AdmissionTicket>> AdmissionTicketsAsync(IReadOnlyCollection<int> roomSessionIds, CancellationToken ct)
    {
        var ids = Requested(roomSessionIds);
        var scope = RequireScope();
        await using var db = await dbFactory.CreateAsync(ct);
        var sessions = await RoomRows(db, scope, new RoomArrangementFilter(), requireSeats: false).CountAsync(r => ids.Contains(r.RoomSessionId), ct);
        DomainRuleException.ThrowIf(sessions != ids.Count, NotFound);
        var visible = SeatRows(db, scope, onlyVisible: true);
        var requested = visible.Where(r => ids.Contains(r.RoomSessionId));
        var rows = await visible
            .Where(r => requested.Any(q => q.CandidateId == r.CandidateId && q.ExamPlanId == r.ExamPlanId))
            .ToListAsync(ct);
        var photos = await LoadPhotosAsync(rows.Select(r => r.PhotoPath), ct);
        var order = ids.Select((id, index) => (id, index)).ToDictionary(x => x.id, x => x.index);
        return [.. rows.Where(r => order.ContainsKey(r.RoomSessionId))
            .OrderBy(r => order[r.RoomSessionId]).ThenBy(r => r.SeatNo)
            .DistinctBy(r => (r.CandidateId, r.ExamPlanId))
            .Select(primary =>
            {
                var lines = rows.Where(r => r.CandidateId == primary.CandidateId && r.ExamPlanId == primary.ExamPlanId)
                    .OrderBy(r => r.RoomSessionId == primary.RoomSessionId ? 0 : 1).ThenBy(r => r.StartUtc)
                    .Select(r => new AdmissionTicketLine(ScheduleText.CertificateWithLevel(r.CertificateName, r.Level), r.SubjectName, r.ExamMode, r.StartUtc, r.EndUtc, r.RoomName, r.SeatNo,
                        new CheckIn.CheckInTicket(r.CandidateId, r.ExamPlanId, r.SubjectId, r.RoomSessionId, r.SeatNo)))
                    .ToList();
                return new AdmissionTicket(primary.PlanName, primary.CandidateName, primary.Gender, IdMask.Mask(primary.IdNumber), primary.CandidateNo,
                    primary.AdmissionTicketNo, primary.SchoolName, primary.SiteName, primary.SiteAddress, Photo(photos, primary.PhotoPath), lines,
                    new CheckIn.CheckInTicket(primary.CandidateId, primary.ExamPlanId, primary.SubjectId, primary.RoomSessionId, primary.SeatNo));
            })];
    }

    /// <summary>下载考场门贴 of the given room sessions (host school or organisation).</summary>
    public async Task<IReadOnlyList<DoorSticker>> DoorStickersAsync(IReadOnlyCollection<int> roomSessionIds, CancellationToken ct)
    {
        var ids = Requested(roomSessionIds);
        var scope = RequireScope();
        await using var db = await dbFactory.CreateAsync(ct);
        var headers = await HostedHeadersAsync(db, scope, ids, ct);
        var seats = await db.Set<SeatAssignment>().AsNoTracking().Where(s => ids.Contains(s.RoomSessionId))
            .GroupBy(s => s.RoomSessionId)
            .Select(g => new { RoomSessionId = g.Key, First = g.Min(s => s.SeatNo), Last = g.Max(s => s.SeatNo), Count = g.Count() })
            .ToDictionaryAsync(g => g.RoomSessionId, ct);
        return [.. headers.Select(h => seats.TryGetValue(h.Id, out var s)
            ? new DoorSticker(h.Header, s.First, s.Last, s.Count, h.Id)
            : new DoorSticker(h.Header, 0, 0, 0, h.Id))];
    }

    /// <summary>下载考场桌贴: a sticker per seated candidate, in seat order (host school or organisation).</summary>
    public async Task<IReadOnlyList<DeskSticker>> DeskStickersAsync(IReadOnlyCollection<int> roomSessionIds, CancellationToken ct)
    {
        var (headers, seats, photos) = await LoadRoomSeatsAsync(roomSessionIds, ct);
        return [.. headers.SelectMany(h => seats.Where(s => s.RoomSessionId == h.Id)
            .Select(s => new DeskSticker(h.Header, s.SeatNo, s.CandidateName, s.AdmissionTicketNo, IdMask.Mask(s.IdNumber), Photo(photos, s.PhotoPath))))];
    }

    /// <summary>
    /// 下载考场签到表: one sheet per room session (host school or organisation), pre-filled with the 考场签到 times (and 缺考,
    /// 实到/缺考人数 once the roster is closed).
    /// </summary>
    public async Task<IReadOnlyList<SignInSheet>> SignInSheetsAsync(IReadOnlyCollection<int> roomSessionIds, CancellationToken ct)
    {
        var (headers, seats, photos) = await LoadRoomSeatsAsync(roomSessionIds, ct);
        var ids = headers.Select(h => h.Id).ToList();
        await using var db = await dbFactory.CreateAsync(ct);
        var attendance = (await (
            from a in db.Set<CheckIn.Attendance>().IgnoreQueryFilters().AsNoTracking()
            join r in db.Set<CheckIn.RoomRoster>().IgnoreQueryFilters() on a.RoomRosterId equals r.Id
            where ids.Contains(r.RoomSessionId)
            select new { r.RoomSessionId, a.RegistrationId, a.Status, a.CheckedInUtc })
            .ToListAsync(ct)).ToDictionary(a => (a.RoomSessionId, a.RegistrationId));
        var closed = await db.Set<CheckIn.RoomRoster>().IgnoreQueryFilters()
            .Where(r => ids.Contains(r.RoomSessionId) && r.Status == CheckIn.RosterStatus.Closed).Select(r => r.RoomSessionId).ToListAsync(ct);
        string? Text(SeatRow s) => attendance.TryGetValue((s.RoomSessionId, s.RegistrationId), out var a)
            ? a.Status == CheckIn.AttendanceStatus.Absent ? "缺考" : a.CheckedInUtc is { } at ? $"已签到 {at.ToChina():HH:mm}" : null
            : null;
        return [.. headers.Select(h =>
        {
            var rows = seats.Where(s => s.RoomSessionId == h.Id).ToList();
            var isClosed = closed.Contains(h.Id);
            var absent = rows.Count(s => Text(s) == "缺考");
            return new SignInSheet(h.Header, [.. rows.Select(s => new SignInRow(s.SeatNo, s.CandidateName, IdMask.Mask(s.IdNumber), s.AdmissionTicketNo,
                s.SchoolName, Photo(photos, s.PhotoPath), Text(s)))], isClosed ? rows.Count - absent : null, isClosed ? absent : null);
        })];
    }

    private async Task<(IReadOnlyList<(int Id, RoomSessionHeader Header)> Headers, IReadOnlyList<SeatRow> Seats, IReadOnlyDictionary<string, byte[]> Photos)> LoadRoomSeatsAsync(
        IReadOnlyCollection<int> roomSessionIds, CancellationToken ct)
    {
        var ids = Requested(roomSessionIds);
        var scope = RequireScope();
        await using var db = await dbFactory.CreateAsync(ct);
        var headers = await HostedHeadersAsync(db, scope, ids, ct);
        var seats = await SeatRows(db, scope, onlyVisible: true).Where(s => ids.Contains(s.RoomSessionId)).OrderBy(s => s.SeatNo).ToListAsync(ct);
        return (headers, seats, await LoadPhotosAsync(seats.Select(s => s.PhotoPath), ct));
    }

    /// <summary>The headers of the requested sessions, in the requested order; throws unless every one is hosted by the user.</summary>
    private static async Task<IReadOnlyList<(int Id, RoomSessionHeader Header)>> HostedHeadersAsync(ICertHubDb db, Scope scope, List<int> ids, CancellationToken ct)
    {
        var rows = await RoomRows(db, scope, new RoomArrangementFilter(), requireSeats: false).Where(r => ids.Contains(r.RoomSessionId)).ToListAsync(ct);
        DomainRuleException.ThrowIf(rows.Count != ids.Count, NotFound);
        DomainRuleException.ThrowIf(rows.Any(r => !r.IsHost), HostOnly);
        var items = await WithInvigilatorsAsync(db, rows, ct);
        var byId = rows.Zip(items).ToDictionary(x => x.First.RoomSessionId, x => x.First.ToHeader(x.Second.Invigilators));
        return [.. ids.Select(id => (id, byId[id]))];
    }

    private static List<int> Requested(IReadOnlyCollection<int> roomSessionIds)
    {
        ArgumentNullException.ThrowIfNull(roomSessionIds);
        var ids = roomSessionIds.Distinct().ToList();
        DomainRuleException.ThrowIf(ids.Count == 0, "请选择考场");
        return ids;
    }

    /// <summary>Reads each distinct photo once from the file store; missing files are left out.</summary>
    private async Task<IReadOnlyDictionary<string, byte[]>> LoadPhotosAsync(IEnumerable<string?> paths, CancellationToken ct)
    {
        var photos = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var path in paths.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            await using var stream = await files.OpenReadAsync(path, ct);
            if (stream is null)
            {
                continue;
            }

            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            photos[path] = buffer.ToArray();
        }

        return photos;
    }

    private static byte[]? Photo(IReadOnlyDictionary<string, byte[]> photos, string? path) =>
        path is not null && photos.TryGetValue(path, out var bytes) ? bytes : null;
}
