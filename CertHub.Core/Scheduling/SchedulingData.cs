using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using CertHub.Core.Invigilators;
using CertHub.Core.Registrations;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Scheduling;

/// <summary>
/// Loads a plan's <see cref="SchedulingProblem"/> set-based (a handful of queries, whatever the number of registrations)
/// and writes a schedule back onto the tracked <see cref="RoomSession"/>s and registrations. Callers check first that the
/// user may see the plan; the queries then read across schools (a site hosts other schools' candidates).
/// </summary>
internal static class SchedulingData
{
    public static async Task<SchedulingProblem> LoadAsync(ICertHubDb db, ExamPlan plan, bool tracked, CancellationToken ct)
    {
        var subjectIds = plan.Subjects.Select(s => s.SubjectId).ToList();
        var examSubjects = await db.Set<ExamSubject>().IgnoreQueryFilters().AsNoTracking().Where(s => subjectIds.Contains(s.Id)).ToListAsync(ct);
        var subjects = plan.Subjects.Join(examSubjects, t => t.SubjectId, s => s.Id, (t, s) =>
            new SchedulingSubject(s.Id, s.Code, s.Name, s.CertificateId, s.Level, s.RoomType, t.StartUtc, t.EndUtc)).ToList();

        var registrations = await db.Set<Registration>().IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.ExamPlanId == plan.Id && r.IsPaid)
            .Select(r => new { r.Id, r.CandidateId, r.SchoolId, r.CertificateId, r.Level, r.SubjectId, r.CandidateType })
            .ToListAsync(ct);

        var certificateIds = plan.Certificates.Select(c => c.CertificateId).Distinct().ToList();
        var sites = await db.Set<ExamSite>().IgnoreQueryFilters().AsNoTracking().Include(s => s.Levels)
            .Where(s => s.Status == ExamSiteStatus.Approved && certificateIds.Contains(s.CertificateId)).ToListAsync(ct);
        var allocations = await db.Set<SiteAllocation>().IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.OrganizationId == plan.OrganizationId && (a.ExamPlanId == plan.Id || a.ExamPlanId == null))
            .OrderBy(a => a.ExamPlanId == null).ThenBy(a => a.Id)
            .Select(a => new { a.BorrowerSchoolId, a.CertificateId, a.Level, a.ExamSiteId }).ToListAsync(ct);

        var demands = new List<SchedulingDemand>();
        foreach (var registration in registrations)
        {
            var siteIds = sites.Where(s => s.SchoolId == registration.SchoolId && s.CertificateId == registration.CertificateId && s.HasLevel(registration.Level))
                .Select(s => s.Id)
                .Concat(allocations.Where(a => a.BorrowerSchoolId == registration.SchoolId && a.CertificateId == registration.CertificateId && a.Level == registration.Level)
                    .Select(a => a.ExamSiteId))
                .Distinct().ToList();
            var sits = registration.SubjectId is { } one
                ? subjects.Where(s => s.Id == one)
                : subjects.Where(s => s.CertificateId == registration.CertificateId && s.Level == registration.Level
                    && examSubjects.First(x => x.Id == s.Id).IsOpenTo(registration.CandidateType));
            demands.AddRange(sits.Select(s => new SchedulingDemand(registration.Id, registration.CandidateId, registration.SchoolId, s.Id, siteIds)));
        }

        var rooms = await db.Set<ExamRoom>().IgnoreQueryFilters().AsNoTracking().Include(r => r.Subjects)
            .Where(r => r.ExamPlanId == plan.Id).ToListAsync(ct);

        var levels = plan.Certificates.Select(c => new CertifiedLevel(c.CertificateId, c.Level)).ToHashSet();
        var certifications = await db.Set<InvigilatorCertification>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Status == CertificationStatus.Certified && certificateIds.Contains(c.CertificateId))
            .Join(db.Set<Invigilator>().IgnoreQueryFilters(), c => c.InvigilatorId, i => i.Id, (c, i) => new { c.InvigilatorId, i.SchoolId, c.CertificateId, c.Level })
            .ToListAsync(ct);
        var invigilators = certifications.GroupBy(c => (c.InvigilatorId, c.SchoolId))
            .Select(g => new SchedulingInvigilator(g.Key.InvigilatorId, g.Key.SchoolId,
                [.. g.Select(c => new CertifiedLevel(c.CertificateId, c.Level)).Where(levels.Contains).Distinct()]))
            .Where(i => i.Certified.Count > 0).OrderBy(i => i.Id).ToList();

        var sessionQuery = db.Set<RoomSession>().IgnoreQueryFilters().Include(s => s.Seats).Include(s => s.Invigilators).Where(s => s.ExamPlanId == plan.Id);
        var sessions = await (tracked ? sessionQuery.AsTracking() : sessionQuery.AsNoTracking()).ToListAsync(ct);

        var (candidatesBusy, invigilatorsBusy) = subjects.Count == 0 ? ([], []) : await BusyElsewhereAsync(db, plan.Id, subjects, ct);
        var candidates = demands.Select(d => d.CandidateId).ToHashSet();
        return new SchedulingProblem(
            plan.Id,
            subjects,
            [.. rooms.Select(r => new SchedulingRoom(r.Id, r.Name, r.ExamSiteId, r.SchoolId, r.RoomType, r.SeatCount, [.. r.Subjects.Select(s => s.SubjectId)]))],
            demands,
            invigilators,
            [.. sessions.Select(ToScheduled)],
            [.. candidatesBusy.Where(b => candidates.Contains(b.OwnerId))],
            invigilatorsBusy);
    }

    /// <summary>What candidates and invigilators do in other plans' sessions during this plan's exams.</summary>
    private static async Task<(List<BusyInterval> Candidates, List<BusyInterval> Invigilators)> BusyElsewhereAsync(
        ICertHubDb db, int planId, List<SchedulingSubject> subjects, CancellationToken ct)
    {
        var from = subjects.Min(s => s.StartUtc);
        var to = subjects.Max(s => s.EndUtc);
        var others = await db.Set<RoomSession>().IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.ExamPlanId != planId && s.StartUtc < to && s.EndUtc > from)
            .Select(s => new { s.Id, s.StartUtc, s.EndUtc }).ToDictionaryAsync(s => s.Id, ct);
        var ids = others.Keys.ToList();
        var candidates = await db.Set<SeatAssignment>().IgnoreQueryFilters().AsNoTracking().Where(x => ids.Contains(x.RoomSessionId))
            .Select(x => new { x.RoomSessionId, x.CandidateId }).ToListAsync(ct);
        var invigilators = await db.Set<RoomSessionInvigilator>().IgnoreQueryFilters().AsNoTracking().Where(x => ids.Contains(x.RoomSessionId))
            .Select(x => new { x.RoomSessionId, x.InvigilatorId }).ToListAsync(ct);
        return ([.. candidates.Select(c => new BusyInterval(c.CandidateId, others[c.RoomSessionId].StartUtc, others[c.RoomSessionId].EndUtc))],
            [.. invigilators.Select(i => new BusyInterval(i.InvigilatorId, others[i.RoomSessionId].StartUtc, others[i.RoomSessionId].EndUtc))]);
    }

    public static ScheduledSession ToScheduled(RoomSession s) => new(
        s.Id, s.ExamRoomId, s.SubjectId, s.StartUtc, s.EndUtc, s.Capacity,
        [.. s.Seats.OrderBy(x => x.SeatNo).Select(x => new ScheduledSeat(x.RegistrationId, x.CandidateId, x.SchoolId, x.SeatNo, x.AdmissionTicketNo))],
        [.. s.Invigilators.OrderBy(i => i.Id).Select(i => new ScheduledInvigilator(i.InvigilatorId, i.SchoolId))]);

    /// <summary>
    /// Writes <paramref name="schedule"/> onto the plan's tracked sessions: unchanged seats stay untouched, removed ones are
    /// deleted, new ones added, empty sessions removed; registrations are 已排考 exactly when all their subjects are seated.
    /// </summary>
    public static async Task ApplyAsync(ICertHubDb db, int planId, SchedulingProblem problem, IReadOnlyList<ScheduledSession> schedule, CancellationToken ct)
    {
        var tracked = db.Set<RoomSession>().Local.Where(s => s.ExamPlanId == planId).ToDictionary(s => s.Id);
        var kept = schedule.Where(s => s.Id is not null).Select(s => s.Id!.Value).ToHashSet();
        foreach (var gone in tracked.Values.Where(s => !kept.Contains(s.Id)))
        {
            db.Set<RoomSession>().Remove(gone);
        }

        foreach (var wanted in schedule)
        {
            var entity = wanted.Id is { } id ? tracked[id] : null;
            if (entity is null)
            {
                entity = RoomSession.Create(planId, wanted.RoomId, wanted.SubjectId, wanted.StartUtc, wanted.EndUtc, wanted.Capacity);
                db.Set<RoomSession>().Add(entity);
            }
            else if (wanted.Capacity > entity.Capacity)
            {
                entity.ChangeCapacity(wanted.Capacity);
            }

            var wantedSeats = wanted.Seats.Select(x => (x.RegistrationId, x.SeatNo, x.AdmissionTicketNo)).ToHashSet();
            foreach (var seat in entity.Seats.Where(x => !wantedSeats.Contains((x.RegistrationId, x.SeatNo, x.AdmissionTicketNo))).ToList())
            {
                entity.RemoveSeat(seat.RegistrationId);
            }

            foreach (var seat in wanted.Seats.Where(x => entity.Seats.All(e => e.RegistrationId != x.RegistrationId)))
            {
                entity.AssignSeat(seat.RegistrationId, seat.CandidateId, seat.SchoolId, seat.SeatNo, seat.AdmissionTicketNo);
            }

            var wantedInvigilators = wanted.Invigilators.Select(i => i.InvigilatorId).ToHashSet();
            foreach (var invigilator in entity.Invigilators.Where(i => !wantedInvigilators.Contains(i.InvigilatorId)).ToList())
            {
                entity.RemoveInvigilator(invigilator.InvigilatorId);
            }

            foreach (var invigilator in wanted.Invigilators.Where(i => entity.Invigilators.All(e => e.InvigilatorId != i.InvigilatorId)))
            {
                entity.AssignInvigilator(invigilator.InvigilatorId, invigilator.SchoolId);
            }
        }

        var seated = schedule.SelectMany(s => s.Seats.Select(x => (x.RegistrationId, s.SubjectId))).ToHashSet();
        var complete = problem.Demands.GroupBy(d => d.RegistrationId)
            .Where(g => g.All(d => seated.Contains((d.RegistrationId, d.SubjectId)))).Select(g => g.Key).ToHashSet();
        var registrations = await db.Set<Registration>().IgnoreQueryFilters().AsTracking()
            .Where(r => r.ExamPlanId == planId && (r.IsScheduled || r.IsPaid)).ToListAsync(ct);
        foreach (var registration in registrations)
        {
            var shouldBe = registration.IsPaid && complete.Contains(registration.Id);
            if (shouldBe && !registration.IsScheduled)
            {
                registration.MarkScheduled();
            }
            else if (!shouldBe && registration.IsScheduled)
            {
                registration.ClearScheduled();
            }
        }
    }
}
