using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using CertHub.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Scores;

/// <summary>
/// 5.2.10 考证结果: the stored <see cref="CertificateResult"/> rows (kept equal to the scores by <see cref="ResultRefresh"/> on
/// every score change). Reading first finalises the plans whose 公示期 has ended (one indexed query when nothing is pending),
/// so a result is 已通过/未通过 from the lock instant on, whenever it is read. A school sees its candidates, an organisation its
/// certificates', a province its schools'.
/// </summary>
public sealed class ResultService(ICertHubDbFactory dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public const int ExportLimit = 100_000;

    public async Task<PagedResult<ResultListItem>> ListAsync(ResultFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        await ResultRefresh.FinalizeEndedAsync(db, null, clock.GetUtcNow(), ct);
        return await Project(db, Filtered(db, filter)).ToPagedAsync(page, ct);
    }

    /// <summary>Counts per 考核状态 for the tabs (the status filter itself is ignored).</summary>
    public async Task<IReadOnlyDictionary<CertificateResultStatus, int>> CountsAsync(ResultFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateAsync(ct);
        await ResultRefresh.FinalizeEndedAsync(db, null, clock.GetUtcNow(), ct);
        var counts = await Filtered(db, filter with { Status = null }).GroupBy(r => r.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<CertificateResultStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    /// <summary>批量导出证书考核详情: the chosen results, or all matching the filter.</summary>
    public async Task<IReadOnlyList<ResultListItem>> ExportRowsAsync(ResultFilter filter, IReadOnlyCollection<int>? ids, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        await ResultRefresh.FinalizeEndedAsync(db, null, clock.GetUtcNow(), ct);
        var query = Filtered(db, filter);
        if (ids is { Count: > 0 })
        {
            query = query.Where(r => ids.Contains(r.Id));
        }

        return await Project(db, query).Take(ExportLimit).ToListAsync(ct);
    }

    /// <summary>查看: the result and its required subjects' scores; null when not visible.</summary>
    public async Task<ResultDetail?> GetAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var item = await Project(db, Scoped(db).Where(r => r.Id == id)).FirstOrDefaultAsync(ct);
        if (item is null)
        {
            return null;
        }

        var result = await db.Set<CertificateResult>().IgnoreQueryFilters().AsNoTracking().FirstAsync(r => r.Id == id, ct);
        var type = item.CandidateType;
        var subjects = await (
            from ps in db.Set<ExamPlan>().IgnoreQueryFilters().Where(p => p.Id == result.ExamPlanId).SelectMany(p => p.Subjects)
            join s in db.Set<ExamSubject>().IgnoreQueryFilters() on ps.SubjectId equals s.Id
            where s.CertificateId == result.CertificateId && s.Level == result.Level
            orderby s.Code
            select s).ToListAsync(ct);
        var scores = await db.Set<SubjectScore>().IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.ExamPlanId == result.ExamPlanId && s.CandidateId == result.CandidateId).ToListAsync(ct);
        return new ResultDetail(item, [.. subjects.Where(s => s.IsOpenTo(type)).Select(s =>
        {
            var score = scores.FirstOrDefault(x => x.SubjectId == s.Id);
            return new ResultSubjectScore(s.Code, s.Name, s.FullMark, s.PassMark, score?.Score, score?.IsAbsent ?? false, score is not null);
        })]);
    }

    private IQueryable<CertificateResult> Scoped(ICertHubDb db)
    {
        var results = db.Set<CertificateResult>().AsNoTracking();
        if (currentUser.OwnedCertificatesOnly() is { } owned)
        {
            // 证书负责人: only the results of its 负责证书.
            results = results.Where(r => owned.Contains(r.CertificateId));
        }

        if (currentUser.IsSchool())
        {
            var schoolId = currentUser.SchoolId ?? -1;
            return results.Where(r => r.SchoolId == schoolId);
        }

        if (currentUser.IsOrganization())
        {
            var organizationId = currentUser.OrganizationId ?? -1;
            return results.Where(r => db.Set<ExamPlan>().Any(p => p.Id == r.ExamPlanId && p.OrganizationId == organizationId));
        }

        if (currentUser.IsProvince())
        {
            var provinceId = currentUser.ProvinceId ?? -1;
            return results.Where(r => db.Set<PilotSchool>().Any(s => s.Id == r.SchoolId && s.ProvinceId == provinceId));
        }

        return currentUser.IsPlatform() ? results : results.Where(_ => false);
    }

    private IQueryable<CertificateResult> Filtered(ICertHubDb db, ResultFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Scoped(db);
        if (filter.ExamPlanId is int planId)
        {
            query = query.Where(r => r.ExamPlanId == planId);
        }

        if (filter.Year is int year)
        {
            query = query.Where(r => db.Set<ExamPlan>().Any(p => p.Id == r.ExamPlanId && p.Year == year));
        }

        if (!string.IsNullOrWhiteSpace(filter.CandidateNo))
        {
            var no = filter.CandidateNo.Trim();
            query = query.Where(r => db.Set<Candidate>().IgnoreQueryFilters().Any(c => c.Id == r.CandidateId && c.CandidateNo.Contains(no)));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        return query;
    }

    private static IQueryable<ResultListItem> Project(ICertHubDb db, IQueryable<CertificateResult> results) =>
        from r in results
        join c in db.Set<Candidate>().IgnoreQueryFilters() on r.CandidateId equals c.Id
        join p in db.Set<ExamPlan>().IgnoreQueryFilters() on r.ExamPlanId equals p.Id
        join certificate in db.Set<Certificate>().IgnoreQueryFilters() on r.CertificateId equals certificate.Id
        join school in db.Set<PilotSchool>().IgnoreQueryFilters() on r.SchoolId equals school.Id
        join site in db.Set<ExamSite>().IgnoreQueryFilters() on r.ExamSiteId equals site.Id
        orderby r.ExamPlanId descending, c.CandidateNo, r.Level
        select new ResultListItem(
            r.Id, r.ExamPlanId, p.Name, r.CandidateId, c.CandidateNo, c.Name, c.IdNumber,
            db.Set<SeatAssignment>().IgnoreQueryFilters()
                .Where(x => x.CandidateId == r.CandidateId && db.Set<RoomSession>().IgnoreQueryFilters().Any(s => s.Id == x.RoomSessionId && s.ExamPlanId == r.ExamPlanId))
                .OrderBy(x => x.Id).Select(x => x.AdmissionTicketNo).FirstOrDefault(),
            c.CandidateType, school.Name, certificate.Name, r.Level, certificate.Organization!.Name, site.Name, r.Status);
}
