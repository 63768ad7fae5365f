using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using CertHub.Core.Invigilators;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Scheduling;

/// <summary>
/// 5.2.8.2 考场编排 and 5.2.8.3 排考明细, and the exam-day documents (准考证, 门贴, 桌贴, 签到表), read from the schedules in
/// the database. A school sees the room sessions it hosts and those its candidates sit in; an organisation the sessions of
/// its plans (the same rule as the <see cref="RoomSession"/> tenancy filter). Inside a visible session a school that does not
/// host the room sees only its own candidates' seats; the room documents (门贴, 桌贴, 签到表) are for the host school and the
/// organisation only. Because the host school must print the names and photos of a borrowing school's candidates, which the
/// candidate filter hides from it, these queries ignore the global filters (EF ignores them for a whole query, never for one
/// join) and apply the rule above explicitly in <see cref="RoomRows"/> and <see cref="SeatRows"/>; the tests prove it per role.
/// Every list is one query (plus one for the page's invigilators); photos come from <see cref="IFileStore"/>.
/// </summary>
public sealed partial class ScheduleQueries(ICertHubDbFactory dbFactory, ICurrentUser currentUser, IFileStore files)
{
    public const string NotFound = "考场编排不存在";
    public const string NotAllowed = "无权查看排考信息";
    public const string HostOnly = "只有考场所在院校和培训评价组织可以下载考场门贴、桌贴和签到表";

    /// <summary>Whether the user lists rooms across schools (organisation, platform) rather than its own.</summary>
    public bool SeesAllSchools => !currentUser.IsSchool();

    /// <summary>考场编排: one page of the visible room sessions with at least one visible seat.</summary>
    public async Task<PagedResult<RoomArrangementListItem>> ListRoomsAsync(RoomArrangementFilter filter, PageRequest page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        var scope = RequireScope();
        await using var db = await dbFactory.CreateAsync(ct);
        var rows = await OrderRooms(RoomRows(db, scope, filter)).ToPagedAsync(page, ct);
        return new PagedResult<RoomArrangementListItem>(await WithInvigilatorsAsync(db, rows.Items, ct), rows.TotalCount, rows.Page, rows.PageSize);
    }

    /// <summary>批量导出考场编排记录 of every row matching the filter (the page exports the selection itself).</summary>
    public async Task<IReadOnlyList<RoomArrangementListItem>> AllRoomsAsync(RoomArrangementFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var scope = RequireScope();
        await using var db = await dbFactory.CreateAsync(ct);
        return await WithInvigilatorsAsync(db, await OrderRooms(RoomRows(db, scope, filter)).ToListAsync(ct), ct);
    }

    /// <summary>The exam plans that have room sessions the user may see (the 考试计划 filter).</summary>
    public async Task<IReadOnlyList<SchedulePlanOption>> PlanOptionsAsync(CancellationToken ct)
    {
        var scope = RequireScope();
        await using var db = await dbFactory.CreateAsync(ct);
        var planIds = SeatRows(db, scope, onlyVisible: true).Select(s => s.ExamPlanId).Distinct();
        return await db.Set<ExamPlan>().IgnoreQueryFilters().AsNoTracking()
            .Where(p => planIds.Contains(p.Id))
            .OrderByDescending(p => p.Id)
            .Select(p => new SchedulePlanOption(p.Id, p.Name))
            .ToListAsync(ct);
    }

    /// <summary>查看: the seat map of a room session (seat → candidate); null when the session is not visible.</summary>
    public async Task<SeatMap?> SeatMapAsync(int roomSessionId, CancellationToken ct)
    {
        var scope = RequireScope();
        await using var db = await dbFactory.CreateAsync(ct);
        var room = await RoomRows(db, scope, new RoomArrangementFilter(), requireSeats: false).Where(r => r.RoomSessionId == roomSessionId).FirstOrDefaultAsync(ct);
        if (room is null)
        {
            return null;
        }

        var item = (await WithInvigilatorsAsync(db, [room], ct))[0];
        var seats = await SeatRows(db, scope, onlyVisible: false).Where(s => s.RoomSessionId == roomSessionId)
            .Select(s => new { s.SeatNo, s.Visible, s.CandidateName, s.AdmissionTicketNo, s.SchoolName, s.RegistrationId })
            .ToListAsync(ct);
        var bySeat = seats.ToDictionary(s => s.SeatNo);
        var last = Math.Max(room.Capacity, seats.Count == 0 ? 0 : seats.Max(s => s.SeatNo));
        var cells = Enumerable.Range(1, last).Select(no => bySeat.TryGetValue(no, out var s)
            ? s.Visible ? new SeatMapCell(no, s.CandidateName, s.AdmissionTicketNo, s.SchoolName, true, s.RegistrationId) : new SeatMapCell(no, null, null, null, true)
            : new SeatMapCell(no, null, null, null, false)).ToList();
        return new SeatMap(item, cells, room.ExamRoomId, room.SubjectId);
    }

    /// <summary>排考明细: one page of the seats of the school's own candidates (organisation: of its plans), a row per candidate and subject.</summary>
    public async Task<PagedResult<ScheduleDetailItem>> ListDetailsAsync(ScheduleDetailFilter filter, PageRequest page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        var scope = RequireScope();
        await using var db = await dbFactory.CreateAsync(ct);
        var rows = await OrderDetails(DetailRows(db, scope, filter)).ToPagedAsync(page, ct);
        return new PagedResult<ScheduleDetailItem>([.. rows.Items.Select(ToDetail)], rows.TotalCount, rows.Page, rows.PageSize);
    }

    /// <summary>导出排考明细 of every row matching the filter.</summary>
    public async Task<IReadOnlyList<ScheduleDetailItem>> AllDetailsAsync(ScheduleDetailFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var scope = RequireScope();
        await using var db = await dbFactory.CreateAsync(ct);
        return [.. (await OrderDetails(DetailRows(db, scope, filter)).ToListAsync(ct)).Select(ToDetail)];
    }

    private Scope RequireScope()
    {
        if (currentUser.IsSchool() && currentUser.SchoolId is { } schoolId)
        {
            return new Scope(schoolId, 0, IsSchool: true, IsPlatform: false);
        }

        if (currentUser.IsOrganization() && currentUser.OrganizationId is { } organizationId)
        {
            return new Scope(0, organizationId, IsSchool: false, IsPlatform: false);
        }

        DomainRuleException.ThrowIf(!currentUser.IsPlatform(), NotAllowed);
        return new Scope(0, 0, IsSchool: false, IsPlatform: true);
    }

    private static IQueryable<RoomRow> OrderRooms(IQueryable<RoomRow> rows) =>
        rows.OrderByDescending(r => r.ExamPlanId).ThenBy(r => r.StartUtc).ThenBy(r => r.RoomName).ThenBy(r => r.RoomSessionId);

    private static IQueryable<SeatRow> OrderDetails(IQueryable<SeatRow> rows) =>
        rows.OrderByDescending(r => r.ExamPlanId).ThenBy(r => r.StartUtc).ThenBy(r => r.RoomName).ThenBy(r => r.SeatNo).ThenBy(r => r.SeatId);

    private static IQueryable<SeatRow> DetailRows(ICertHubDb db, Scope scope, ScheduleDetailFilter filter)
    {
        var rows = SeatRows(db, scope, onlyVisible: true);
        if (scope.IsSchool)
        {
            // 排考明细 of a school: its own candidates only, also in the rooms it hosts for others.
            var schoolId = scope.SchoolId;
            rows = rows.Where(r => r.SeatSchoolId == schoolId);
        }

        if (filter.ExamPlanId is { } planId)
        {
            rows = rows.Where(r => r.ExamPlanId == planId);
        }

        if (!string.IsNullOrWhiteSpace(filter.CandidateName))
        {
            var name = filter.CandidateName.Trim();
            rows = rows.Where(r => r.CandidateName.Contains(name));
        }

        if (!string.IsNullOrWhiteSpace(filter.AdmissionTicketNo))
        {
            var no = filter.AdmissionTicketNo.Trim();
            rows = rows.Where(r => r.AdmissionTicketNo.Contains(no));
        }

        if (!string.IsNullOrWhiteSpace(filter.RoomName))
        {
            var room = filter.RoomName.Trim();
            rows = rows.Where(r => r.RoomName.Contains(room));
        }

        return rows;
    }

    private static ScheduleDetailItem ToDetail(SeatRow r) => new(
        r.SeatId, r.PlanName, r.CandidateName, r.CandidateNo, r.IdNumber, r.SchoolName, r.AdmissionTicketNo, r.CertificateName, r.Level,
        r.SubjectCode, r.SubjectName, r.ExamMode, r.StartUtc, r.EndUtc, r.SiteName, r.RoomName, r.SeatNo);

    /// <summary>The visible room sessions as list rows (without invigilators), filtered; by default only those with a visible seat.</summary>
    private static IQueryable<RoomRow> RoomRows(ICertHubDb db, Scope scope, RoomArrangementFilter filter, bool requireSeats = true)
    {
        var (isSchool, schoolId, isPlatform, organizationId) = (scope.IsSchool, scope.SchoolId, scope.IsPlatform, scope.OrganizationId);
        var rows =
            from s in db.Set<RoomSession>().IgnoreQueryFilters().AsNoTracking()
            join room in db.Set<ExamRoom>().IgnoreQueryFilters() on s.ExamRoomId equals room.Id
            join plan in db.Set<ExamPlan>().IgnoreQueryFilters() on s.ExamPlanId equals plan.Id
            where isPlatform
                || (!isSchool && plan.OrganizationId == organizationId)
                || (isSchool && (room.SchoolId == schoolId || s.Seats.Any(x => x.SchoolId == schoolId)))
            join subject in db.Set<ExamSubject>().IgnoreQueryFilters() on s.SubjectId equals subject.Id
            join site in db.Set<ExamSite>().IgnoreQueryFilters() on room.ExamSiteId equals site.Id
            join school in db.Set<PilotSchool>().IgnoreQueryFilters() on room.SchoolId equals school.Id
            join province in db.Set<Province>().IgnoreQueryFilters() on school.ProvinceId equals province.Id
            join certificate in db.Set<Certificate>().IgnoreQueryFilters() on room.CertificateId equals certificate.Id
            join organization in db.Set<Organization>().IgnoreQueryFilters() on plan.OrganizationId equals organization.Id
            select new RoomRow
            {
                RoomSessionId = s.Id,
                ExamRoomId = room.Id,
                SubjectId = s.SubjectId,
                ExamPlanId = plan.Id,
                PlanName = plan.Name,
                RoomName = room.Name,
                RoomAddress = room.Address,
                SchoolName = school.Name,
                Region = province.Name,
                SiteName = site.Name,
                OrganizationName = organization.Name,
                CertificateName = certificate.Name,
                Level = room.Level,
                SubjectName = subject.Name,
                ExamMode = subject.ExamMode,
                StartUtc = s.StartUtc,
                EndUtc = s.EndUtc,
                Capacity = s.Capacity,
                IsHost = !isSchool || room.SchoolId == schoolId,
                SeatedCount = s.Seats.Count(x => !isSchool || room.SchoolId == schoolId || x.SchoolId == schoolId),
            };
        if (requireSeats)
        {
            rows = rows.Where(r => r.SeatedCount > 0);
        }

        if (filter.ExamPlanId is { } planId)
        {
            rows = rows.Where(r => r.ExamPlanId == planId);
        }

        if (!string.IsNullOrWhiteSpace(filter.RoomName))
        {
            var name = filter.RoomName.Trim();
            rows = rows.Where(r => r.RoomName.Contains(name));
        }

        if (!string.IsNullOrWhiteSpace(filter.SubjectName))
        {
            var name = filter.SubjectName.Trim();
            rows = rows.Where(r => r.SubjectName.Contains(name));
        }

        if (!string.IsNullOrWhiteSpace(filter.SiteName))
        {
            var name = filter.SiteName.Trim();
            rows = rows.Where(r => r.SiteName.Contains(name));
        }

        return rows;
    }

    /// <summary>
    /// Seats of visible room sessions with everything the lists and documents print. With <paramref name="onlyVisible"/> false
    /// the rows of other schools' candidates are kept (for the seat map's 已占用 cells) with <see cref="SeatRow.Visible"/> false.
    /// </summary>
    private static IQueryable<SeatRow> SeatRows(ICertHubDb db, Scope scope, bool onlyVisible)
    {
        var (isSchool, schoolId, isPlatform, organizationId) = (scope.IsSchool, scope.SchoolId, scope.IsPlatform, scope.OrganizationId);
        var rows =
            from seat in db.Set<SeatAssignment>().IgnoreQueryFilters().AsNoTracking()
            join s in db.Set<RoomSession>().IgnoreQueryFilters() on seat.RoomSessionId equals s.Id
            join room in db.Set<ExamRoom>().IgnoreQueryFilters() on s.ExamRoomId equals room.Id
            join plan in db.Set<ExamPlan>().IgnoreQueryFilters() on s.ExamPlanId equals plan.Id
            where isPlatform
                || (!isSchool && plan.OrganizationId == organizationId)
                || (isSchool && (room.SchoolId == schoolId || s.Seats.Any(x => x.SchoolId == schoolId)))
            join subject in db.Set<ExamSubject>().IgnoreQueryFilters() on s.SubjectId equals subject.Id
            join site in db.Set<ExamSite>().IgnoreQueryFilters() on room.ExamSiteId equals site.Id
            join certificate in db.Set<Certificate>().IgnoreQueryFilters() on room.CertificateId equals certificate.Id
            join candidate in db.Set<Candidate>().IgnoreQueryFilters() on seat.CandidateId equals candidate.Id
            join school in db.Set<PilotSchool>().IgnoreQueryFilters() on seat.SchoolId equals school.Id
            select new SeatRow
            {
                SeatId = seat.Id,
                RegistrationId = seat.RegistrationId,
                RoomSessionId = s.Id,
                ExamPlanId = s.ExamPlanId,
                PlanName = plan.Name,
                Visible = !isSchool || room.SchoolId == schoolId || seat.SchoolId == schoolId,
                CandidateId = seat.CandidateId,
                SeatSchoolId = seat.SchoolId,
                CandidateName = candidate.Name,
                Gender = candidate.Gender,
                IdNumber = candidate.IdNumber,
                CandidateNo = candidate.CandidateNo,
                PhotoPath = candidate.PhotoPath,
                SchoolName = school.Name,
                AdmissionTicketNo = seat.AdmissionTicketNo,
                SeatNo = seat.SeatNo,
                SubjectId = s.SubjectId,
                SubjectCode = subject.Code,
                SubjectName = subject.Name,
                ExamMode = subject.ExamMode,
                StartUtc = s.StartUtc,
                EndUtc = s.EndUtc,
                RoomName = room.Name,
                SiteName = site.Name,
                SiteAddress = site.Address,
                CertificateName = certificate.Name,
                Level = room.Level,
            };
        return onlyVisible ? rows.Where(r => r.Visible) : rows;
    }

    /// <summary>Adds the invigilators of the given rows (one query for all of them).</summary>
    private static async Task<IReadOnlyList<RoomArrangementListItem>> WithInvigilatorsAsync(ICertHubDb db, IReadOnlyList<RoomRow> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.RoomSessionId).ToList();
        var invigilators = ids.Count == 0 ? [] : await (
            from i in db.Set<RoomSessionInvigilator>().AsNoTracking()
            join person in db.Set<Invigilator>().IgnoreQueryFilters() on i.InvigilatorId equals person.Id
            join school in db.Set<PilotSchool>().IgnoreQueryFilters() on i.SchoolId equals school.Id
            where ids.Contains(i.RoomSessionId)
            orderby i.Id
            select new { i.RoomSessionId, Invigilator = new RoomInvigilatorItem(person.Name, person.TeacherNo, person.Region, school.Name) })
            .ToListAsync(ct);
        var bySession = invigilators.ToLookup(i => i.RoomSessionId, i => i.Invigilator);
        return [.. rows.Select(r => r.ToItem([.. bySession[r.RoomSessionId]]))];
    }

    private readonly record struct Scope(int SchoolId, int OrganizationId, bool IsSchool, bool IsPlatform);

    /// <summary>A room session row as EF projects it (composable, so filters and paging run in the database).</summary>
    private sealed class RoomRow
    {
        public int RoomSessionId { get; init; }

        public int ExamRoomId { get; init; }

        public int SubjectId { get; init; }

        public int ExamPlanId { get; init; }

        public string PlanName { get; init; } = "";

        public string RoomName { get; init; } = "";

        public string RoomAddress { get; init; } = "";

        public string SchoolName { get; init; } = "";

        public string Region { get; init; } = "";

        public string SiteName { get; init; } = "";

        public string OrganizationName { get; init; } = "";

        public string CertificateName { get; init; } = "";

        public CertificateLevel Level { get; init; }

        public string SubjectName { get; init; } = "";

        public ExamMode ExamMode { get; init; }

        public DateTimeOffset StartUtc { get; init; }

        public DateTimeOffset EndUtc { get; init; }

        public int Capacity { get; init; }

        public bool IsHost { get; init; }

        public int SeatedCount { get; init; }

        public RoomArrangementListItem ToItem(IReadOnlyList<RoomInvigilatorItem> invigilators) => new(
            RoomSessionId, ExamPlanId, PlanName, RoomName, RoomAddress, SchoolName, Region, SiteName, OrganizationName, CertificateName,
            Level, SubjectName, StartUtc, EndUtc, Capacity, SeatedCount, IsHost, invigilators);

        public RoomSessionHeader ToHeader(IReadOnlyList<RoomInvigilatorItem> invigilators) => new(
            PlanName, RoomName, RoomAddress, SiteName, CertificateName, Level, SubjectName, ExamMode, StartUtc, EndUtc, invigilators);
    }

    /// <summary>A seat row as EF projects it.</summary>
    private sealed class SeatRow
    {
        public int SeatId { get; init; }

        public int RegistrationId { get; init; }

        public int RoomSessionId { get; init; }

        public int ExamPlanId { get; init; }

        public string PlanName { get; init; } = "";

        public bool Visible { get; init; }

        public int CandidateId { get; init; }

        public int SeatSchoolId { get; init; }

        public string CandidateName { get; init; } = "";

        public Gender? Gender { get; init; }

        public string IdNumber { get; init; } = "";

        public string CandidateNo { get; init; } = "";

        public string? PhotoPath { get; init; }

        public string SchoolName { get; init; } = "";

        public string AdmissionTicketNo { get; init; } = "";

        public int SeatNo { get; init; }

        public int SubjectId { get; init; }

        public string SubjectCode { get; init; } = "";

        public string SubjectName { get; init; } = "";

        public ExamMode ExamMode { get; init; }

        public DateTimeOffset StartUtc { get; init; }

        public DateTimeOffset EndUtc { get; init; }

        public string RoomName { get; init; } = "";

        public string SiteName { get; init; } = "";

        public string SiteAddress { get; init; } = "";

        public string CertificateName { get; init; } = "";

        public CertificateLevel Level { get; init; }
    }
}
