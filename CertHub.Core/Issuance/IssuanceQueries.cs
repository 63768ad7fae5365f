using System.Linq.Expressions;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Issuance;

/// <summary>
/// The read side of 证书发放管理: lists, tab counts, details, exports and the filter options. Every query runs through the
/// tenancy filters of the context (a school sees the records it sat or signs, an organisation its certificates' records,
/// a province its schools'); this class only adds the user's filter and the 操作 each row offers.
/// </summary>
internal sealed class IssuanceQueries(ICertHubDbFactory dbFactory, ICurrentUser currentUser)
{
    public async Task<PagedResult<IssuanceListItem>> ListAsync(IssuanceFilter filter, PageRequest page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(page);
        await using var db = await dbFactory.CreateAsync(ct);
        return await Ordered(OwnedOnly(Filtered(db, filter, withStatus: true))).Select(ToListItem()).ToPagedAsync(page, ct);
    }

    public async Task<IReadOnlyDictionary<IssuanceStatus, int>> CountsAsync(IssuanceFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var counts = await OwnedOnly(Filtered(db, filter, withStatus: false))
            .GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return Enum.GetValues<IssuanceStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Status == s)?.Count ?? 0);
    }

    public async Task<IssuanceDetail?> GetAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var item = await db.Set<IssuanceRecord>().AsNoTracking().Where(r => r.Id == id).Select(ToListItem()).FirstOrDefaultAsync(ct);
        if (item is null)
        {
            return null;
        }

        // The record is visible (checked above); its history rows follow it.
        var rows = await db.Set<IssuanceHistory>().AsNoTracking()
            .Where(h => h.IssuanceRecordId == id)
            .OrderBy(h => h.AtUtc).ThenBy(h => h.Id)
            .ToListAsync(ct);
        var history = rows.Select(h => new IssuanceHistoryItem(h.AtUtc, h.Action.ToDisplayName(), h.FromStatus?.ToDisplayName(),
            h.ToStatus.ToDisplayName(), h.ActorName, h.Party.ToDisplayName(), h.Reason, h.SignatureImagePath, h.Version, h.CertificateNo)).ToList();
        return new IssuanceDetail(item, history);
    }

    public async Task<IReadOnlyList<IssuanceListItem>> ExportAsync(IssuanceFilter filter, IReadOnlyCollection<int> selectedIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(selectedIds);
        await using var db = await dbFactory.CreateAsync(ct);
        var query = selectedIds.Count > 0
            ? db.Set<IssuanceRecord>().AsNoTracking().Where(r => EF.Parameter(selectedIds.Distinct().ToList()).Contains(r.Id))
            : Filtered(db, filter, withStatus: true);
        return await Ordered(OwnedOnly(query)).Select(ToListItem()).ToListAsync(ct);
    }

    /// <summary>考试年度: years of the plans and records the user sees, newest first.</summary>
    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var planYears = await db.Set<ExamPlan>().AsNoTracking().Select(p => p.Year).Distinct().ToListAsync(ct);
        var recordYears = await db.Set<IssuanceRecord>().AsNoTracking().Select(r => r.Year).Distinct().ToListAsync(ct);
        return planYears.Union(recordYears).OrderDescending().ToList();
    }

    public async Task<IReadOnlyList<IssuanceOption>> PlansAsync(int? year, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var query = db.Set<ExamPlan>().AsNoTracking();
        if (year is int y)
        {
            query = query.Where(p => p.Year == y);
        }

        return await query.OrderByDescending(p => p.Year).ThenBy(p => p.Name)
            .Select(p => new IssuanceOption(p.Id, p.Name, null))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<IssuanceOption>> CertificatesAsync(int? examPlanId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var plans = db.Set<ExamPlan>().AsNoTracking();
        if (examPlanId is int planId)
        {
            plans = plans.Where(p => p.Id == planId);
        }

        var pairs = await plans.SelectMany(p => p.Certificates)
            .Select(c => new { c.CertificateId, c.Level })
            .Distinct()
            .ToListAsync(ct);
        var ids = pairs.Select(p => p.CertificateId).Distinct().ToList();
        var names = await db.Set<Certificate>().AsNoTracking()
            .Where(c => EF.Parameter(ids).Contains(c.Id))
            .Select(c => new { c.Id, c.Name })
            .ToListAsync(ct);
        return names.OrderBy(c => c.Name)
            .Select(c => new IssuanceOption(c.Id, c.Name, pairs.Where(p => p.CertificateId == c.Id).Select(p => p.Level).Order().ToList()))
            .ToList();
    }

    /// <summary>试点院校 (searchable): the schools the user sees whose name contains <paramref name="search"/>, at most 50.</summary>
    public async Task<IReadOnlyList<IssuanceOption>> SchoolsAsync(string? search, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var query = db.Set<PilotSchool>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            query = query.Where(s => s.Name.Contains(text));
        }

        return await query.OrderBy(s => s.Name).Take(50).Select(s => new IssuanceOption(s.Id, s.Name, null)).ToListAsync(ct);
    }

    /// <summary>证书负责人: a sub-account narrowed to its 负责证书 sees only their records.</summary>
    private IQueryable<IssuanceRecord> OwnedOnly(IQueryable<IssuanceRecord> query)
    {
        var owned = currentUser.OwnedCertificatesOnly();
        return owned is null ? query : query.Where(r => owned.Contains(r.CertificateId));
    }

    internal static IQueryable<IssuanceRecord> Ordered(IQueryable<IssuanceRecord> query) =>
        query.OrderByDescending(r => r.CreatedUtc).ThenBy(r => r.Id);

    internal static IQueryable<IssuanceRecord> Filtered(ICertHubDb db, IssuanceFilter filter, bool withStatus)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Set<IssuanceRecord>().AsNoTracking();
        if (filter.Year is int year)
        {
            query = query.Where(r => r.Year == year);
        }

        if (!string.IsNullOrWhiteSpace(filter.CandidateNo))
        {
            var no = filter.CandidateNo.Trim();
            query = query.Where(r => r.CandidateNo.Contains(no));
        }

        if (!string.IsNullOrWhiteSpace(filter.CandidateName))
        {
            var name = filter.CandidateName.Trim();
            query = query.Where(r => r.CandidateName.Contains(name));
        }

        if (filter.ExamPlanId is int planId)
        {
            query = query.Where(r => r.ExamPlanId == planId);
        }

        if (filter.CertificateId is int certificateId)
        {
            query = query.Where(r => r.CertificateId == certificateId);
        }

        if (filter.Level is CertificateLevel level)
        {
            query = query.Where(r => r.Level == level);
        }

        if (filter.SchoolId is int schoolId)
        {
            query = query.Where(r => r.CandidateSchoolId == schoolId || r.SiteSchoolId == schoolId);
        }

        if (withStatus && filter.Status is IssuanceStatus status)
        {
            query = query.Where(r => r.Status == status);
        }

        return query;
    }

    /// <summary>The list row, projected in the database; the masked ID and the 操作 are computed on the returned rows.</summary>
    internal Expression<Func<IssuanceRecord, IssuanceListItem>> ToListItem()
    {
        var actingOrganizationId = IssuanceAccess.ActingOrganizationId(currentUser);
        var actingSchoolId = IssuanceAccess.ActingSchoolId(currentUser);
        return r => new IssuanceListItem(r.Id, r.CandidateNo, r.CandidateName, IdMask.Mask(r.IdNumber), r.CandidateType,
            r.CandidateSchoolName, r.CertificateName, r.Level, r.OrganizationName, r.IssuedOn, r.IssueMethod, r.PlanName, r.SiteName,
            IssuanceAccess.ResultText, r.Status, r.CertificateNo, r.Version, r.RejectReason, r.FailureReason,
            IssuanceAccess.Commands(r.Status, r.PdfPath != null, r.OrganizationId, r.SiteSchoolId, actingOrganizationId, actingSchoolId));
    }
}
