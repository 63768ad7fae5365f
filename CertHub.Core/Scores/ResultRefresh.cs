using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Registrations;
using CertHub.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Scores;

/// <summary>
/// Keeps the stored <see cref="CertificateResult"/> rows equal to what <see cref="ResultCalculator"/> computes from the scores:
/// one result per seated candidate + certificate + level of a plan, required subjects = the plan's subjects of that level
/// open to the candidate's type. Run after every score change of a plan (import, correction, 复核) and, for plans whose
/// 公示期 has ended, before results are read or issuance records generated (<see cref="FinalizeEndedAsync"/>): the lock is
/// an instant of the plan, so the outcome only depends on the clock, never on when the refresh ran.
/// Query filters are ignored: callers prove the plan is the user's (or run as the system) before calling.
/// </summary>
internal static class ResultRefresh
{
    /// <summary>Recomputes every result of the plan at <paramref name="now"/>; returns how many rows were created or changed.</summary>
    public static async Task<int> RefreshAsync(ICertHubDb db, int planId, DateTimeOffset now, CancellationToken ct)
    {
        var plan = await db.Set<ExamPlan>().IgnoreQueryFilters().AsNoTracking().Include(p => p.Subjects).FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return 0;
        }

        var locked = now >= plan.NoticeEndUtc;
        var planSubjectIds = plan.Subjects.Select(s => s.SubjectId).ToList();
        var subjects = await db.Set<ExamSubject>().IgnoreQueryFilters().AsNoTracking().Where(s => planSubjectIds.Contains(s.Id)).ToListAsync(ct);
        var seated = await (
            from seat in db.Set<SeatAssignment>().IgnoreQueryFilters()
            join session in db.Set<RoomSession>().IgnoreQueryFilters() on seat.RoomSessionId equals session.Id
            join room in db.Set<ExamRoom>().IgnoreQueryFilters() on session.ExamRoomId equals room.Id
            join registration in db.Set<Registration>().IgnoreQueryFilters() on seat.RegistrationId equals registration.Id
            where session.ExamPlanId == planId
            select new { registration.CandidateId, registration.SchoolId, registration.CertificateId, registration.Level, registration.CandidateType, room.ExamSiteId })
            .Distinct().ToListAsync(ct);
        var scores = (await db.Set<SubjectScore>().IgnoreQueryFilters().AsNoTracking().Where(s => s.ExamPlanId == planId)
                .Select(s => new { s.CandidateId, Value = new SubjectScoreValue(s.SubjectId, s.Score, s.IsAbsent) }).ToListAsync(ct))
            .ToLookup(s => s.CandidateId, s => s.Value);
        // Existing results are read as values; only the ones whose status changes are loaded for update, new ones are
        // inserted in bulk when the database offers it (a plan of 50,000 seats is refreshed on every score request).
        var results = (await db.Set<CertificateResult>().IgnoreQueryFilters().AsNoTracking().Where(r => r.ExamPlanId == planId)
                .Select(r => new { r.Id, r.CandidateId, r.CertificateId, r.Level, r.Status }).ToListAsync(ct))
            .ToDictionary(r => (r.CandidateId, r.CertificateId, r.Level));
        var created = new List<CertificateResult>();
        var updates = new Dictionary<int, CertificateResultStatus>();
        foreach (var group in seated.GroupBy(s => (s.CandidateId, s.CertificateId, s.Level)))
        {
            var first = group.First();
            var required = subjects
                .Where(s => s.CertificateId == first.CertificateId && s.Level == first.Level && s.IsOpenTo(first.CandidateType))
                .Select(s => new RequiredSubject(s.Id, s.PassMark)).ToList();
            var status = ResultCalculator.Compute(required, [.. scores[first.CandidateId]], locked);
            if (results.TryGetValue(group.Key, out var known))
            {
                if (!CertificateResult.IsFinalStatus(known.Status) && known.Status != status)
                {
                    updates[known.Id] = status;
                }

                continue;
            }

            var result = CertificateResult.Create(first.CandidateId, planId, first.CertificateId, first.Level, first.SchoolId, first.ExamSiteId, now);
            result.Apply(status, now);
            created.Add(result);
        }

        foreach (var chunk in updates.Keys.Chunk(500))
        {
            foreach (var result in await db.Set<CertificateResult>().IgnoreQueryFilters().Where(r => chunk.Contains(r.Id)).ToListAsync(ct))
            {
                result.Apply(updates[result.Id], now);
            }
        }

        if (db is IBulkInsert bulk)
        {
            await bulk.BulkInsertAsync(created, ct);
        }
        else
        {
            db.Set<CertificateResult>().AddRange(created);
        }

        var changed = updates.Count + created.Count + created.Count(r => r.Status != CertificateResultStatus.NotRecorded);
        await db.SaveChangesAsync(ct);
        return changed;
    }

    /// <summary>
    /// Makes the results of ended plans final: every plan among <paramref name="planIds"/> (all plans when null) whose 公示期
    /// ended at <paramref name="now"/> and that still has a 登记中 result is recomputed. Cheap when nothing is pending (one query).
    /// </summary>
    public static async Task FinalizeEndedAsync(ICertHubDb db, IReadOnlyCollection<int>? planIds, DateTimeOffset now, CancellationToken ct)
    {
        var plans = db.Set<ExamPlan>().IgnoreQueryFilters().Where(p => p.NoticeEndUtc <= now);
        if (planIds is not null)
        {
            plans = plans.Where(p => planIds.Contains(p.Id));
        }

        var pending = await plans
            .Where(p => db.Set<CertificateResult>().IgnoreQueryFilters().Any(r => r.ExamPlanId == p.Id && r.Status == CertificateResultStatus.Recording))
            .Select(p => p.Id).ToListAsync(ct);
        foreach (var planId in pending)
        {
            await RefreshAsync(db, planId, now, ct);
        }
    }
}
