using CertHub.Core.Accounts;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using CertHub.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.CheckIn;

/// <summary>
/// 考场签到 on exam day. Who: the organisation of the plan and the staff of the school hosting the room (sub-accounts need the
/// 考场签到.签到 permission to check in or close); the platform may read rosters. A school whose candidates only borrow the
/// room, and every other tenant, gets "not found". Candidates are found by the signed 签到码 of the 准考证 QR or by the
/// 准考证号 typed in; a candidate seated elsewhere is refused with the room, seat and time where they should be.
/// Every check-in, closing and correction is saved (status changes audited), then published on <see cref="Topic"/>.
/// </summary>
public sealed partial class CheckInService(
    ICertHubDbFactory dbFactory,
    ICurrentUser currentUser,
    IFileStore files,
    IChangeFeed changes,
    TimeProvider clock,
    CheckInTokenSigner signer,
    CheckInOptions options)
{
    public const string Topic = "checkin";
    public const string NotFound = "考场场次不存在或无权签到";
    public const string UnknownTicket = "准考证号不存在或不属于本考试计划";
    public const string StaleToken = "签到码已失效（座位已调整），请使用准考证号签到";

    /// <summary>Whether the user may check in and close rosters (not the platform; sub-accounts with the permission).</summary>
    public bool CanAct => (currentUser.IsSchool() || currentUser.IsOrganization()) && currentUser.HasPermission(Permissions.CheckIn);

    /// <summary>The room sessions with seats the user may check in (or read), the nearest to now first.</summary>
    public async Task<IReadOnlyList<CheckInSessionItem>> SessionsAsync(CancellationToken ct)
    {
        var scope = RequireScope();
        await using var db = await dbFactory.CreateAsync(ct);
        var items = (await Items(db, scope).Where(i => i.SeatedCount > 0).ToListAsync(ct)).Select(i => i.ToItem()).ToList();
        var now = clock.GetUtcNow();
        return [.. items.OrderBy(i => i.EndUtc < now ? 1 : 0).ThenBy(i => i.EndUtc < now ? -i.StartUtc.UtcTicks : i.StartUtc.UtcTicks).ThenBy(i => i.RoomName).Take(500)];
    }

    /// <summary>The roster of a visible room session with counts; null when the session is not visible.</summary>
    public async Task<RosterView?> RosterAsync(int roomSessionId, CancellationToken ct)
    {
        var scope = RequireScope();
        await using var db = await dbFactory.CreateAsync(ct);
        var row = await Items(db, scope).FirstOrDefaultAsync(i => i.RoomSessionId == roomSessionId, ct);
        if (row is null)
        {
            return null;
        }

        var item = row.ToItem();

        var roster = await LoadRosterAsync(db, roomSessionId, track: false, ct);
        var seats = await (
            from seat in db.Set<SeatAssignment>().IgnoreQueryFilters().AsNoTracking()
            join candidate in db.Set<Candidate>().IgnoreQueryFilters() on seat.CandidateId equals candidate.Id
            join school in db.Set<PilotSchool>().IgnoreQueryFilters() on seat.SchoolId equals school.Id
            where seat.RoomSessionId == roomSessionId
            orderby seat.SeatNo
            select new { seat.RegistrationId, seat.SeatNo, candidate.Name, School = school.Name, seat.AdmissionTicketNo })
            .ToListAsync(ct);
        var rows = seats.Select(s =>
        {
            var entry = roster?.EntryOf(s.RegistrationId);
            return new RosterRow(s.RegistrationId, s.SeatNo, s.Name, s.School, s.AdmissionTicketNo, entry?.Status ?? AttendanceStatus.NotCheckedIn,
                entry?.CheckedInUtc, entry?.CheckedInBy, entry?.IsLateFor(item.StartUtc) ?? false, entry?.CorrectionReason);
        }).ToList();
        var closable = item.StartUtc + options.Grace;
        var open = roster is null || !roster.IsClosed;
        var counted = item with { CheckedInCount = rows.Count(r => r.Status == AttendanceStatus.CheckedIn), Status = open ? RosterStatus.Open : RosterStatus.Closed };
        return new RosterView(counted, RosterCounts.Of(rows), rows, closable,
            CanAct && open && clock.GetUtcNow() < item.EndUtc,
            CanAct && open && clock.GetUtcNow() >= closable,
            CanCorrect(scope) && rows.Any(r => r.Status == AttendanceStatus.Absent));
    }

    /// <summary>扫码/输入准考证号: the candidate to check in, for the face check (photo, name, seat). Refuses as <see cref="CheckInAsync"/> does.</summary>
    public async Task<CheckInCandidate> FindAsync(int roomSessionId, string code, CancellationToken ct)
    {
        var scope = RequireActor();
        await using var db = await dbFactory.CreateAsync(ct);
        var session = await RequireSessionAsync(db, scope, roomSessionId, ct);
        var seat = await ResolveSeatAsync(db, session, code, ct);
        var roster = await LoadRosterAsync(db, roomSessionId, track: false, ct);
        return await DescribeAsync(db, session, seat, roster?.EntryOf(seat.RegistrationId), ct);
    }

    /// <summary>确认签到 of the candidate behind <paramref name="code"/> (签到码 or 准考证号) in the room session.</summary>
    public async Task<CheckInCandidate> CheckInAsync(int roomSessionId, string code, CancellationToken ct)
    {
        var scope = RequireActor();
        await using var db = await dbFactory.CreateAsync(ct);
        var session = await RequireSessionAsync(db, scope, roomSessionId, ct);
        var seat = await ResolveSeatAsync(db, session, code, ct);
        var tracked = await db.Set<RoomSession>().IgnoreQueryFilters().Include(s => s.Seats).SingleAsync(s => s.Id == roomSessionId, ct);
        var roster = await LoadRosterAsync(db, roomSessionId, track: true, ct) ?? AddRoster(db, tracked);
        var entry = roster.CheckIn(tracked.Seats.Single(s => s.Id == seat.Id), clock.GetUtcNow(), currentUser.ActorName());
        await db.SaveChangesAsync(ct);
        Publish(session);
        return await DescribeAsync(db, session, seat, entry, ct);
    }

    /// <summary>关闭签到: after the exam start plus the grace period; the seats not checked in become 缺考. Returns their number.</summary>
    public async Task<int> CloseAsync(int roomSessionId, CancellationToken ct)
    {
        var scope = RequireActor();
        await using var db = await dbFactory.CreateAsync(ct);
        var session = await RequireSessionAsync(db, scope, roomSessionId, ct);
        var tracked = await db.Set<RoomSession>().IgnoreQueryFilters().Include(s => s.Seats).SingleAsync(s => s.Id == roomSessionId, ct);
        var roster = await LoadRosterAsync(db, roomSessionId, track: true, ct) ?? AddRoster(db, tracked);
        var absent = roster.Close(tracked.Seats, options.Grace, clock.GetUtcNow(), currentUser.ActorName());
        await db.SaveChangesAsync(ct);
        Publish(session);
        return absent;
    }

    /// <summary>缺考更正 by the organisation of the plan, with a reason (the candidate was present after all).</summary>
    public async Task CorrectAbsenceAsync(int roomSessionId, int registrationId, string? reason, CancellationToken ct)
    {
        var scope = RequireActor();
        DomainRuleException.ThrowIf(!CanCorrect(scope), "只有培训评价组织可以进行缺考更正");
        await using var db = await dbFactory.CreateAsync(ct);
        var session = await RequireSessionAsync(db, scope, roomSessionId, ct);
        var roster = await LoadRosterAsync(db, roomSessionId, track: true, ct) ?? throw new DomainRuleException("该考生没有缺考记录，无需更正");
        roster.CorrectAbsence(registrationId, reason, clock.GetUtcNow(), currentUser.ActorName());
        await db.SaveChangesAsync(ct);
        Publish(session);
    }

    private static bool CanCorrect(Scope scope) => scope.OrganizationId is not null;

    private Scope RequireScope()
    {
        if (currentUser.IsSchool() && currentUser.SchoolId is { } schoolId)
        {
            return new Scope(schoolId, null, false);
        }

        if (currentUser.IsOrganization() && currentUser.OrganizationId is { } organizationId)
        {
            return new Scope(null, organizationId, false);
        }

        DomainRuleException.ThrowIf(!currentUser.IsPlatform(), NotFound);
        return new Scope(null, null, true);
    }

    private Scope RequireActor()
    {
        var scope = RequireScope();
        DomainRuleException.ThrowIf(scope.IsPlatform, "平台管理员不能进行考场签到");
        currentUser.Demand(Permissions.CheckIn);
        return scope;
    }

    /// <summary>The sessions of the user: its plans (organisation) or the rooms it hosts (school); all for the platform.</summary>
    private static IQueryable<SessionRow> Items(ICertHubDb db, Scope scope)
    {
        var (schoolId, organizationId, isPlatform) = (scope.SchoolId, scope.OrganizationId, scope.IsPlatform);
        return
            from s in db.Set<RoomSession>().IgnoreQueryFilters().AsNoTracking()
            join room in db.Set<ExamRoom>().IgnoreQueryFilters() on s.ExamRoomId equals room.Id
            join plan in db.Set<ExamPlan>().IgnoreQueryFilters() on s.ExamPlanId equals plan.Id
            where isPlatform || plan.OrganizationId == organizationId || room.SchoolId == schoolId
            join subject in db.Set<ExamSubject>().IgnoreQueryFilters() on s.SubjectId equals subject.Id
            join site in db.Set<ExamSite>().IgnoreQueryFilters() on room.ExamSiteId equals site.Id
            select new SessionRow
            {
                RoomSessionId = s.Id,
                ExamPlanId = s.ExamPlanId,
                PlanName = plan.Name,
                SiteName = site.Name,
                RoomName = room.Name,
                SubjectName = subject.Name,
                StartUtc = s.StartUtc,
                EndUtc = s.EndUtc,
                SeatedCount = s.Seats.Count,
                CheckedInCount = db.Set<Attendance>().IgnoreQueryFilters()
                    .Count(a => a.Status == AttendanceStatus.CheckedIn && db.Set<RoomRoster>().IgnoreQueryFilters().Any(r => r.Id == a.RoomRosterId && r.RoomSessionId == s.Id)),
                IsClosed = db.Set<RoomRoster>().IgnoreQueryFilters().Any(r => r.RoomSessionId == s.Id && r.Status == RosterStatus.Closed),
            };
    }

    private static async Task<SessionInfo> RequireSessionAsync(ICertHubDb db, Scope scope, int roomSessionId, CancellationToken ct)
    {
        var (schoolId, organizationId) = (scope.SchoolId, scope.OrganizationId);
        return await (
            from s in db.Set<RoomSession>().IgnoreQueryFilters().AsNoTracking()
            join room in db.Set<ExamRoom>().IgnoreQueryFilters() on s.ExamRoomId equals room.Id
            join plan in db.Set<ExamPlan>().IgnoreQueryFilters() on s.ExamPlanId equals plan.Id
            where s.Id == roomSessionId && (plan.OrganizationId == organizationId || room.SchoolId == schoolId)
            select new SessionInfo(s.Id, s.ExamPlanId, s.SubjectId, room.Name, room.SchoolId, plan.OrganizationId))
            .FirstOrDefaultAsync(ct) ?? throw new DomainRuleException(NotFound);
    }

    /// <summary>The seat of this session behind a 准考证号 or a 签到码, or a refusal naming where the candidate should be.</summary>
    private async Task<SeatAssignment> ResolveSeatAsync(ICertHubDb db, SessionInfo session, string? code, CancellationToken ct)
    {
        var text = code?.Trim() ?? "";
        DomainRuleException.ThrowIf(text.Length == 0, "请扫描准考证二维码或输入准考证号");
        var seats = db.Set<SeatAssignment>().IgnoreQueryFilters().AsNoTracking();
        var planSeats =
            from seat in seats
            join s in db.Set<RoomSession>().IgnoreQueryFilters() on seat.RoomSessionId equals s.Id
            where s.ExamPlanId == session.ExamPlanId
            select seat;
        if (text.Length == AdmissionTicketNumber.Length && text.All(char.IsAsciiDigit))
        {
            var here = await seats.FirstOrDefaultAsync(s => s.RoomSessionId == session.Id && s.AdmissionTicketNo == text, ct);
            if (here is not null)
            {
                return here;
            }

            // The 准考证 of a candidate with several subjects shows one 准考证号: their seat in this session counts.
            var other = await planSeats.FirstOrDefaultAsync(s => s.AdmissionTicketNo == text, ct) ?? throw new DomainRuleException(UnknownTicket);
            return await seats.FirstOrDefaultAsync(s => s.RoomSessionId == session.Id && s.CandidateId == other.CandidateId, ct)
                ?? throw await WrongPlaceAsync(db, other, ct);
        }

        var ticket = signer.Verify(text) ?? throw new DomainRuleException(CheckInTokenSigner.InvalidMessage);
        DomainRuleException.ThrowIf(ticket.ExamPlanId != session.ExamPlanId, "该签到码不属于本考试计划");
        if (ticket.RoomSessionId != session.Id)
        {
            var elsewhere = await seats.FirstOrDefaultAsync(s => s.RoomSessionId == ticket.RoomSessionId && s.CandidateId == ticket.CandidateId, ct)
                ?? throw new DomainRuleException(StaleToken);
            throw await WrongPlaceAsync(db, elsewhere, ct);
        }

        var mine = await seats.FirstOrDefaultAsync(s => s.RoomSessionId == session.Id && s.CandidateId == ticket.CandidateId, ct);
        DomainRuleException.ThrowIf(mine is null || mine.SeatNo != ticket.SeatNo || ticket.SubjectId != session.SubjectId, StaleToken);
        return mine!;
    }

    private static async Task<DomainRuleException> WrongPlaceAsync(ICertHubDb db, SeatAssignment seat, CancellationToken ct)
    {
        var place = await (
            from s in db.Set<RoomSession>().IgnoreQueryFilters().AsNoTracking()
            join room in db.Set<ExamRoom>().IgnoreQueryFilters() on s.ExamRoomId equals room.Id
            join subject in db.Set<ExamSubject>().IgnoreQueryFilters() on s.SubjectId equals subject.Id
            where s.Id == seat.RoomSessionId
            select new { room.Name, Subject = subject.Name, s.StartUtc, s.EndUtc })
            .SingleAsync(ct);
        return new DomainRuleException(CheckInRefusals.WrongPlace(place.Name, seat.SeatNo, place.Subject, place.StartUtc, place.EndUtc));
    }

    private async Task<CheckInCandidate> DescribeAsync(ICertHubDb db, SessionInfo session, SeatAssignment seat, Attendance? entry, CancellationToken ct)
    {
        var person = await (
            from candidate in db.Set<Candidate>().IgnoreQueryFilters().AsNoTracking()
            join school in db.Set<PilotSchool>().IgnoreQueryFilters() on seat.SchoolId equals school.Id
            join s in db.Set<RoomSession>().IgnoreQueryFilters() on seat.RoomSessionId equals s.Id
            where candidate.Id == seat.CandidateId && s.Id == seat.RoomSessionId
            select new { candidate.Name, candidate.IdNumber, candidate.PhotoPath, School = school.Name, s.StartUtc })
            .SingleAsync(ct);
        return new CheckInCandidate(session.Id, seat.RegistrationId, person.Name, person.School, IdMask.Mask(person.IdNumber), seat.AdmissionTicketNo,
            session.RoomName, seat.SeatNo, await ReadPhotoAsync(person.PhotoPath, ct), entry?.Status ?? AttendanceStatus.NotCheckedIn, entry?.CheckedInUtc,
            entry?.IsLateFor(person.StartUtc) ?? false);
    }

    private async Task<byte[]?> ReadPhotoAsync(string? path, CancellationToken ct)
    {
        if (path is null)
        {
            return null;
        }

        await using var stream = await files.OpenReadAsync(path, ct);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private static async Task<RoomRoster?> LoadRosterAsync(ICertHubDb db, int roomSessionId, bool track, CancellationToken ct)
    {
        var query = db.Set<RoomRoster>().IgnoreQueryFilters().Include(r => r.Entries).Where(r => r.RoomSessionId == roomSessionId);
        return await (track ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
    }

    private static RoomRoster AddRoster(ICertHubDb db, RoomSession session)
    {
        var roster = RoomRoster.Create(session);
        db.Set<RoomRoster>().Add(roster);
        return roster;
    }

    private void Publish(SessionInfo session) =>
        changes.Publish(new ChangeNotice(Topic, session.HostSchoolId, session.OrganizationId));

    private sealed record Scope(int? SchoolId, int? OrganizationId, bool IsPlatform);

    /// <summary>A room session as EF projects it (composable, so filters run in the database).</summary>
    private sealed class SessionRow
    {
        public int RoomSessionId { get; init; }

        public int ExamPlanId { get; init; }

        public string PlanName { get; init; } = "";

        public string SiteName { get; init; } = "";

        public string RoomName { get; init; } = "";

        public string SubjectName { get; init; } = "";

        public DateTimeOffset StartUtc { get; init; }

        public DateTimeOffset EndUtc { get; init; }

        public int SeatedCount { get; init; }

        public int CheckedInCount { get; init; }

        public bool IsClosed { get; init; }

        public CheckInSessionItem ToItem() => new(RoomSessionId, PlanName, SiteName, RoomName, SubjectName, StartUtc, EndUtc, SeatedCount, CheckedInCount,
            IsClosed ? RosterStatus.Closed : RosterStatus.Open);
    }

    private sealed record SessionInfo(int Id, int ExamPlanId, int SubjectId, string RoomName, int HostSchoolId, int OrganizationId);
}
