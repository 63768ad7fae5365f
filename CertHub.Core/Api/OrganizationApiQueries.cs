using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using CertHub.Core.Issuance;
using CertHub.Core.Registrations;
using CertHub.Core.Scheduling;
using CertHub.Core.Scores;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Api;

/// <summary>
/// The reads of the organisation API (/api/v1): the calling organisation's exam plans, and per plan its registrations,
/// schedule, certificate results and issuance records. Set-based and paged. Every method answers only for a plan of the
/// caller's own organisation (null otherwise: the endpoint answers 404), on top of the tenancy query filters.
/// </summary>
public sealed class OrganizationApiQueries(ICertHubDbFactory dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public const int MaxPlans = 500;

    public async Task<IReadOnlyList<ApiPlan>> PlansAsync(CancellationToken ct)
    {
        var organizationId = RequireOrganization();
        await using var db = await dbFactory.CreateAsync(ct);
        var plans = await db.Set<ExamPlan>().AsNoTracking().Include(p => p.Subjects)
            .Where(p => p.OrganizationId == organizationId)
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Id).Take(MaxPlans).ToListAsync(ct);
        var subjectIds = plans.SelectMany(p => p.Subjects).Select(s => s.SubjectId).Distinct().ToList();
        var subjects = await db.Set<ExamSubject>().AsNoTracking().Where(s => subjectIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => (s.Code, s.Name), ct);
        var now = clock.GetUtcNow();
        return [.. plans.Select(p => new ApiPlan(
            p.Id, p.Name, p.Year, p.RegistrationMode, p.IsPublished, p.StageAt(now),
            p.RegistrationStartUtc, p.RegistrationEndUtc, p.SchedulingStartUtc, p.SchedulingEndUtc,
            p.ScoreEntryStartUtc, p.ScoreEntryEndUtc, p.NoticeStartUtc, p.NoticeEndUtc,
            [.. p.Subjects.OrderBy(s => s.StartUtc).Select(s => new ApiPlanSubject(
                s.SubjectId, subjects.GetValueOrDefault(s.SubjectId).Code ?? "", subjects.GetValueOrDefault(s.SubjectId).Name ?? "",
                s.CertificateId, s.Level, s.StartUtc, s.EndUtc))]))];
    }

    /// <summary>Whether the plan belongs to the caller's organisation.</summary>
    public async Task<bool> OwnsPlanAsync(int planId, CancellationToken ct)
    {
        var organizationId = RequireOrganization();
        await using var db = await dbFactory.CreateAsync(ct);
        return await OwnsAsync(db, organizationId, planId, ct);
    }

    /// <summary>报考 of the plan, by id; filtered by subject (its own subject 按科目, or its certificate level's subjects 按证书), exam site (seated there) and creation time.</summary>
    public async Task<ApiPage<ApiRegistration>?> RegistrationsAsync(int planId, ApiRegistrationFilter filter, ApiPageRequest page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        var organizationId = RequireOrganization();
        await using var db = await dbFactory.CreateAsync(ct);
        if (!await OwnsAsync(db, organizationId, planId, ct))
        {
            return null;
        }

        var query = db.Set<Registration>().AsNoTracking().Where(r => r.ExamPlanId == planId);
        if (filter.SubjectId is int subjectId)
        {
            query = query.Where(r => r.SubjectId == subjectId
                || (r.SubjectId == null && db.Set<ExamSubject>().Any(s => s.Id == subjectId && s.CertificateId == r.CertificateId && s.Level == r.Level)));
        }

        if (filter.SiteId is int siteId)
        {
            query = query.Where(r => db.Set<SeatAssignment>().Any(seat => seat.RegistrationId == r.Id
                && db.Set<RoomSession>().Any(s => s.Id == seat.RoomSessionId
                    && db.Set<ExamRoom>().Any(room => room.Id == s.ExamRoomId && room.ExamSiteId == siteId))));
        }

        if (filter.UpdatedSince is { } since)
        {
            query = query.Where(r => r.CreatedUtc >= since);
        }

        var total = await query.CountAsync(ct);
        var rows = await (
            from r in query
            join school in db.Set<PilotSchool>().IgnoreQueryFilters() on r.SchoolId equals school.Id
            orderby r.Id
            select new { r, SchoolName = school.Name })
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new ApiPage<ApiRegistration>(
            [.. rows.Select(x => new ApiRegistration(x.r.Id, x.r.CandidateId, x.r.CandidateNo, x.r.Name, x.r.IdType, IdNumber.Mask(x.r.IdNumber),
                x.r.CandidateType, x.r.SchoolId, x.SchoolName, x.r.CertificateId, x.r.Level, x.r.SubjectId, x.r.IsPaid, x.r.IsScheduled, x.r.CreatedUtc))],
            page.Page, page.PageSize, total);
    }

    /// <summary>排考 of the plan: room sessions (by time, room) with room, site, time and seats (座位号, 准考证号, 考生编号, 姓名).</summary>
    public async Task<ApiPage<ApiRoomSession>?> ScheduleAsync(int planId, ApiPageRequest page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(page);
        var organizationId = RequireOrganization();
        await using var db = await dbFactory.CreateAsync(ct);
        if (!await OwnsAsync(db, organizationId, planId, ct))
        {
            return null;
        }

        var sessions =
            from s in db.Set<RoomSession>().AsNoTracking()
            join room in db.Set<ExamRoom>().IgnoreQueryFilters() on s.ExamRoomId equals room.Id
            join site in db.Set<ExamSite>().IgnoreQueryFilters() on room.ExamSiteId equals site.Id
            join subject in db.Set<ExamSubject>().IgnoreQueryFilters() on s.SubjectId equals subject.Id
            where s.ExamPlanId == planId
            orderby s.StartUtc, room.Name, s.Id
            select new { s.Id, RoomId = room.Id, RoomName = room.Name, room.Address, SiteId = site.Id, SiteName = site.Name, SubjectId = subject.Id, subject.Code, SubjectName = subject.Name, s.StartUtc, s.EndUtc, s.Capacity };
        var total = await sessions.CountAsync(ct);
        var list = await sessions.Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var ids = list.Select(s => s.Id).ToList();
        var seats = (await (
            from seat in db.Set<SeatAssignment>().AsNoTracking()
            join r in db.Set<Registration>().IgnoreQueryFilters() on seat.RegistrationId equals r.Id
            where ids.Contains(seat.RoomSessionId)
            orderby seat.SeatNo
            select new { seat.RoomSessionId, Seat = new ApiSeat(seat.SeatNo, seat.AdmissionTicketNo, r.Id, r.CandidateNo, r.Name) })
            .ToListAsync(ct)).ToLookup(x => x.RoomSessionId, x => x.Seat);
        return new ApiPage<ApiRoomSession>(
            [.. list.Select(s => new ApiRoomSession(s.Id, s.RoomId, s.RoomName, s.Address, s.SiteId, s.SiteName, s.SubjectId, s.Code, s.SubjectName,
                s.StartUtc, s.EndUtc, s.Capacity, [.. seats[s.Id]]))],
            page.Page, page.PageSize, total);
    }

    /// <summary>考证结果 of the plan with each candidate's subject scores.</summary>
    public async Task<ApiPage<ApiResult>?> ResultsAsync(int planId, ApiPageRequest page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(page);
        var organizationId = RequireOrganization();
        await using var db = await dbFactory.CreateAsync(ct);
        if (!await OwnsAsync(db, organizationId, planId, ct))
        {
            return null;
        }

        var query = db.Set<CertificateResult>().AsNoTracking().Where(r => r.ExamPlanId == planId);
        var total = await query.CountAsync(ct);
        var rows = await (
            from r in query
            join c in db.Set<Candidate>().IgnoreQueryFilters() on r.CandidateId equals c.Id
            orderby r.Id
            select new { r, c.CandidateNo, c.Name, c.IdNumber })
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var candidateIds = rows.Select(x => x.r.CandidateId).Distinct().ToList();
        var scores = (await (
            from s in db.Set<SubjectScore>().IgnoreQueryFilters().AsNoTracking()
            join subject in db.Set<ExamSubject>().IgnoreQueryFilters() on s.SubjectId equals subject.Id
            where s.ExamPlanId == planId && candidateIds.Contains(s.CandidateId)
            orderby subject.Code
            select new { s.CandidateId, subject.CertificateId, subject.Level, Score = new ApiSubjectScore(s.SubjectId, subject.Code, s.Score, s.IsAbsent, s.PassMark, s.FullMark) })
            .ToListAsync(ct)).ToLookup(x => (x.CandidateId, x.CertificateId, x.Level), x => x.Score);
        return new ApiPage<ApiResult>(
            [.. rows.Select(x => new ApiResult(x.r.Id, x.r.CandidateId, x.CandidateNo, x.Name, IdNumber.Mask(x.IdNumber), x.r.SchoolId, x.r.ExamSiteId,
                x.r.CertificateId, x.r.Level, x.r.Status, x.r.UpdatedUtc, [.. scores[(x.r.CandidateId, x.r.CertificateId, x.r.Level)]]))],
            page.Page, page.PageSize, total);
    }

    /// <summary>发证记录 of the organisation (of one plan when <paramref name="planId"/> is given) and their status.</summary>
    public async Task<ApiPage<ApiIssuance>?> IssuanceAsync(int? planId, ApiPageRequest page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(page);
        var organizationId = RequireOrganization();
        await using var db = await dbFactory.CreateAsync(ct);
        if (planId is int id && !await OwnsAsync(db, organizationId, id, ct))
        {
            return null;
        }

        var query = db.Set<IssuanceRecord>().AsNoTracking().Where(r => r.OrganizationId == organizationId);
        if (planId is int plan)
        {
            query = query.Where(r => r.ExamPlanId == plan);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(r => r.Id).Skip(page.Skip).Take(page.PageSize)
            .Select(r => new
            {
                r.Id,
                r.ExamPlanId,
                r.PlanName,
                r.CandidateId,
                r.CandidateNo,
                r.CandidateName,
                r.IdNumber,
                r.CandidateSchoolId,
                r.CandidateSchoolName,
                r.CertificateId,
                r.CertificateName,
                r.Level,
                r.Status,
                r.CertificateNo,
                r.IssuedOn,
                r.CreatedUtc,
            })
            .ToListAsync(ct);
        return new ApiPage<ApiIssuance>(
            [.. rows.Select(r => new ApiIssuance(r.Id, r.ExamPlanId, r.PlanName, r.CandidateId, r.CandidateNo, r.CandidateName, IdNumber.Mask(r.IdNumber),
                r.CandidateSchoolId, r.CandidateSchoolName, r.CertificateId, r.CertificateName, r.Level, r.Status, r.CertificateNo, r.IssuedOn, r.CreatedUtc))],
            page.Page, page.PageSize, total);
    }

    private static Task<bool> OwnsAsync(ICertHubDb db, int organizationId, int planId, CancellationToken ct) =>
        db.Set<ExamPlan>().AnyAsync(p => p.Id == planId && p.OrganizationId == organizationId, ct);

    private int RequireOrganization() =>
        currentUser.IsOrganization() && currentUser.OrganizationId is int id ? id : throw new DomainRuleException("只有培训评价组织可以使用组织接口");
}
