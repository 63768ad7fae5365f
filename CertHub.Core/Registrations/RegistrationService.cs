using System.Linq.Expressions;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Payments;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Registrations;

/// <summary>
/// 5.2.6 报考管理: the list with its filters and two tab bars (报考状态 computed in the query from scheduling and the exam
/// time; 已缴费/未缴费), 批量导出报考数据, 删除 / 批量删除. A school sees and deletes its own registrations; an organisation sees
/// (read-only) the registrations of its own plans across schools; the platform sees all; a province has no access (DESIGN §6).
/// </summary>
public sealed class RegistrationService(ICertHubDbFactory dbFactory, ICurrentUser currentUser, IChangeFeed changes, TimeProvider clock)
{
    /// <summary>The most rows one export returns.</summary>
    public const int ExportLimit = 100_000;

    /// <summary>Whether the current user may import and delete (a school account).</summary>
    public bool CanManage => currentUser.IsSchool() && currentUser.SchoolId is not null;

    public async Task<PagedResult<RegistrationListItem>> ListAsync(RegistrationFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var rows = await Project(db, Filtered(db, filter, now).OrderByDescending(r => r.Id)).ToPagedAsync(page, ct);
        return new PagedResult<RegistrationListItem>([.. rows.Items.Select(r => r.ToItem(now))], rows.TotalCount, rows.Page, rows.PageSize);
    }

    /// <summary>Counts of both tab bars under the filter (each bar ignores its own selection).</summary>
    public async Task<RegistrationCounts> CountsAsync(RegistrationFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var byStatus = new Dictionary<RegistrationStatus, int>();
        foreach (var status in Enum.GetValues<RegistrationStatus>())
        {
            byStatus[status] = await Filtered(db, filter with { Status = status }, now).CountAsync(ct);
        }

        var byPayment = new Dictionary<RegistrationPayment, int>();
        foreach (var payment in Enum.GetValues<RegistrationPayment>())
        {
            byPayment[payment] = await Filtered(db, filter with { Payment = payment }, now).CountAsync(ct);
        }

        return new RegistrationCounts(byStatus, byPayment);
    }

    /// <summary>批量导出报考数据: the given registrations, or every one matching the filter when none is given (ID numbers masked).</summary>
    public async Task<IReadOnlyList<RegistrationExportRow>> ExportRowsAsync(RegistrationFilter filter, IReadOnlyCollection<int>? ids, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var query = ids is { Count: > 0 } ? Visible(db).Where(r => ids.Contains(r.Id)) : Filtered(db, filter, now);
        var rows = await Project(db, query.OrderByDescending(r => r.Id).Take(ExportLimit)).ToListAsync(ct);
        return [.. rows.Select(r => new RegistrationExportRow(r.PlanName, r.SchoolName, r.CertificateName, r.Level, r.SubjectName, r.CandidateNo,
            r.Name, r.Pinyin, r.IdType, IdMask.Mask(r.IdNumber), r.MajorName, r.CandidateType,
            Registration.StatusOf(r.IsScheduled, now, r.ExamStartUtc, r.ExamEndUtc), r.IsPaid, r.CreatedUtc))];
    }

    /// <summary>The filter selects: visible published plans, their certificate levels and subjects.</summary>
    public async Task<RegistrationFilterOptions> FilterOptionsAsync(CancellationToken ct)
    {
        EnsureAccess();
        await using var db = await dbFactory.CreateAsync(ct);
        var plans = await VisiblePlans(db).OrderByDescending(p => p.Id).Select(p => new RegistrationOption(p.Id, p.Name)).ToListAsync(ct);
        var planIds = plans.Select(p => p.Id).ToList();
        return new RegistrationFilterOptions(plans, await CertificatesOfAsync(db, planIds, ct), await SubjectsOfAsync(db, planIds, ct));
    }

    /// <summary>Plans the school can import into now in <paramref name="mode"/>: published, 报考中, listing the school.</summary>
    public async Task<IReadOnlyList<RegistrationImportPlan>> ImportPlansAsync(RegistrationMode mode, CancellationToken ct)
    {
        var schoolId = RequireSchool();
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(ct);
        var plans = await db.Set<ExamPlan>().AsNoTracking()
            .Where(p => p.IsPublished && p.RegistrationMode == mode && p.RegistrationStartUtc <= now && now < p.RegistrationEndUtc
                && p.Schools.Any(s => s.SchoolId == schoolId))
            .OrderByDescending(p => p.Id).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var certificates = await CertificatesOfAsync(db, [.. plans.Select(p => p.Id)], ct);
        return [.. plans.Select(p => new RegistrationImportPlan(p.Id, p.Name, mode, [.. certificates.Where(c => c.PlanId == p.Id)]))];
    }

    /// <summary>删除: only 未排考 and 未缴费, not held by a 缴费申请单.</summary>
    public async Task DeleteAsync(int id, CancellationToken ct)
    {
        var result = await DeleteManyAsync([id], ct);
        if (result.Failures.Count > 0)
        {
            throw new DomainRuleException(result.Failures[0].Reason);
        }
    }

    /// <summary>批量删除: deletes those that may be deleted and reports the others with the reason.</summary>
    public async Task<RegistrationBatchResult> DeleteManyAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var schoolId = RequireSchool();
        DomainRuleException.ThrowIf(ids.Count == 0, RegistrationMessages.NoneSelected);
        await using var db = await dbFactory.CreateAsync(ct);
        var registrations = await db.Set<Registration>().AsTracking().Where(r => r.SchoolId == schoolId && ids.Contains(r.Id)).ToListAsync(ct);
        var requested = await db.Set<PaymentRequestItem>().IgnoreQueryFilters().Where(i => ids.Contains(i.RegistrationId))
            .Select(i => i.RegistrationId).Distinct().ToListAsync(ct);
        var failures = ids.Except(registrations.Select(r => r.Id)).Select(id => new RegistrationBatchFailure(id, $"#{id}", RegistrationMessages.NotFound)).ToList();
        foreach (var registration in registrations)
        {
            try
            {
                registration.EnsureDeletable(requested.Contains(registration.Id));
                db.Set<Registration>().Remove(registration);
            }
            catch (DomainRuleException ex)
            {
                failures.Add(new RegistrationBatchFailure(registration.Id, registration.Name, ex.Message));
            }
        }

        await db.SaveChangesAsync(ct);
        changes.Publish(new ChangeNotice(RegistrationTopics.Registrations, SchoolId: schoolId));
        return new RegistrationBatchResult(ids.Count - failures.Count, failures);
    }

    /// <summary>
    /// The registrations the user may see: its school's; an organisation's plans'; all for the platform. A 证书负责人
    /// sub-account sees only its 负责证书.
    /// </summary>
    private IQueryable<Registration> Visible(ICertHubDb db)
    {
        var query = db.Set<Registration>().AsNoTracking();
        if (currentUser.OwnedCertificatesOnly() is { } owned)
        {
            query = query.Where(r => owned.Contains(r.CertificateId));
        }

        if (currentUser.IsSchool() && currentUser.SchoolId is int schoolId)
        {
            return query.Where(r => r.SchoolId == schoolId);
        }

        if (currentUser.IsOrganization() && currentUser.OrganizationId is int organizationId)
        {
            return query.Where(r => db.Set<ExamPlan>().Any(p => p.Id == r.ExamPlanId && p.OrganizationId == organizationId));
        }

        return currentUser.IsPlatform() ? query : throw new DomainRuleException(RegistrationMessages.NoAccess);
    }

    private IQueryable<ExamPlan> VisiblePlans(ICertHubDb db)
    {
        var plans = db.Set<ExamPlan>().AsNoTracking().Where(p => p.IsPublished);
        if (currentUser.IsSchool() && currentUser.SchoolId is int schoolId)
        {
            return plans.Where(p => p.Schools.Any(s => s.SchoolId == schoolId));
        }

        return currentUser.IsOrganization() && currentUser.OrganizationId is int organizationId
            ? plans.Where(p => p.OrganizationId == organizationId)
            : plans;
    }

    private IQueryable<Registration> Filtered(ICertHubDb db, RegistrationFilter filter, DateTimeOffset now)
    {
        var query = Visible(db);
        if (filter.PlanId is int planId)
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

        if (filter.SubjectId is int subjectId)
        {
            query = query.Where(r => r.SubjectId == subjectId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim();
            query = query.Where(r => r.Name.Contains(name));
        }

        if (!string.IsNullOrWhiteSpace(filter.IdNumber))
        {
            var idNumber = filter.IdNumber.Trim().ToUpperInvariant();
            query = query.Where(r => r.IdNumber == idNumber);
        }

        if (!string.IsNullOrWhiteSpace(filter.CandidateNo))
        {
            var candidateNo = filter.CandidateNo.Trim();
            query = query.Where(r => r.CandidateNo == candidateNo);
        }

        if (filter.CandidateType is { } type)
        {
            query = query.Where(r => r.CandidateType == type);
        }

        query = filter.Payment switch
        {
            RegistrationPayment.Paid => query.Where(r => r.IsPaid),
            RegistrationPayment.Unpaid => query.Where(r => !r.IsPaid),
            _ => query,
        };
        return filter.Status is { } status ? query.Where(StatusIs(db, status, now)) : query;
    }

    /// <summary>
    /// 报考状态 as a query predicate, matching <see cref="Registration.StatusOf"/> with the exam time of the registration's
    /// subject (按科目) or, 按证书, from the first start to the last end of its certificate level's subjects in the plan.
    /// </summary>
    private static Expression<Func<Registration, bool>> StatusIs(ICertHubDb db, RegistrationStatus status, DateTimeOffset now)
    {
        var times = db.Set<ExamPlanSubject>();
        return status switch
        {
            RegistrationStatus.NotScheduled => r => !r.IsScheduled,
            RegistrationStatus.AwaitingExam => r => r.IsScheduled && !times.Any(t => t.ExamPlanId == r.ExamPlanId
                && (r.SubjectId != null ? t.SubjectId == r.SubjectId : t.CertificateId == r.CertificateId && t.Level == r.Level) && t.StartUtc <= now),
            RegistrationStatus.InExam => r => r.IsScheduled
                && times.Any(t => t.ExamPlanId == r.ExamPlanId
                    && (r.SubjectId != null ? t.SubjectId == r.SubjectId : t.CertificateId == r.CertificateId && t.Level == r.Level) && t.StartUtc <= now)
                && times.Any(t => t.ExamPlanId == r.ExamPlanId
                    && (r.SubjectId != null ? t.SubjectId == r.SubjectId : t.CertificateId == r.CertificateId && t.Level == r.Level) && t.EndUtc > now),
            RegistrationStatus.Ended => r => r.IsScheduled
                && times.Any(t => t.ExamPlanId == r.ExamPlanId
                    && (r.SubjectId != null ? t.SubjectId == r.SubjectId : t.CertificateId == r.CertificateId && t.Level == r.Level) && t.StartUtc <= now)
                && !times.Any(t => t.ExamPlanId == r.ExamPlanId
                    && (r.SubjectId != null ? t.SubjectId == r.SubjectId : t.CertificateId == r.CertificateId && t.Level == r.Level) && t.EndUtc > now),
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };
    }

    private static IQueryable<RegistrationRow> Project(ICertHubDb db, IQueryable<Registration> query)
    {
        var times = db.Set<ExamPlanSubject>();
        return query.Select(r => new RegistrationRow(
            r.Id,
            db.Set<ExamPlan>().IgnoreQueryFilters().Where(p => p.Id == r.ExamPlanId).Select(p => p.Name).FirstOrDefault() ?? "",
            db.Set<PilotSchool>().IgnoreQueryFilters().Where(s => s.Id == r.SchoolId).Select(s => s.Name).FirstOrDefault() ?? "",
            db.Set<Certificate>().Where(c => c.Id == r.CertificateId).Select(c => c.Name).FirstOrDefault() ?? "",
            r.Level,
            db.Set<ExamSubject>().IgnoreQueryFilters().Where(s => s.Id == r.SubjectId).Select(s => s.Name).FirstOrDefault(),
            r.CandidateNo,
            r.Name,
            r.Pinyin,
            r.IdType,
            r.IdNumber,
            r.MajorName,
            r.CandidateType,
            r.IsPaid,
            r.IsScheduled,
            times.Where(t => t.ExamPlanId == r.ExamPlanId
                    && (r.SubjectId != null ? t.SubjectId == r.SubjectId : t.CertificateId == r.CertificateId && t.Level == r.Level))
                .OrderBy(t => t.StartUtc).Select(t => (DateTimeOffset?)t.StartUtc).FirstOrDefault(),
            times.Where(t => t.ExamPlanId == r.ExamPlanId
                    && (r.SubjectId != null ? t.SubjectId == r.SubjectId : t.CertificateId == r.CertificateId && t.Level == r.Level))
                .OrderByDescending(t => t.EndUtc).Select(t => (DateTimeOffset?)t.EndUtc).FirstOrDefault(),
            r.CreatedUtc));
    }

    private static async Task<List<RegistrationCertificateOption>> CertificatesOfAsync(ICertHubDb db, List<int> planIds, CancellationToken ct)
    {
        var rows = await db.Set<ExamPlanCertificate>().AsNoTracking().Where(c => planIds.Contains(c.ExamPlanId))
            .Select(c => new { c.ExamPlanId, c.CertificateId, c.Level, Name = db.Set<Certificate>().Where(x => x.Id == c.CertificateId).Select(x => x.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Name).ThenBy(r => r.Level)
            .Select(r => new RegistrationCertificateOption(r.ExamPlanId, r.CertificateId, r.Level, $"{r.Name}({r.Level.ToDisplayName()})"))];
    }

    private static async Task<List<RegistrationSubjectOption>> SubjectsOfAsync(ICertHubDb db, List<int> planIds, CancellationToken ct)
    {
        var rows = await db.Set<ExamPlanSubject>().AsNoTracking().Where(s => planIds.Contains(s.ExamPlanId))
            .Select(s => new { s.ExamPlanId, s.SubjectId, s.CertificateId, s.Level, s.StartUtc, Name = db.Set<ExamSubject>().IgnoreQueryFilters().Where(x => x.Id == s.SubjectId).Select(x => x.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.StartUtc).Select(r => new RegistrationSubjectOption(r.ExamPlanId, r.SubjectId, r.CertificateId, r.Level, r.Name ?? ""))];
    }

    private void EnsureAccess() =>
        DomainRuleException.ThrowIf(!(currentUser.IsSchool() || currentUser.IsOrganization() || currentUser.IsPlatform()), RegistrationMessages.NoAccess);

    private int RequireSchool() =>
        CanManage ? currentUser.SchoolId!.Value : throw new DomainRuleException(RegistrationMessages.SchoolOnly);

    /// <summary>A registration as read by one query, before its status is computed.</summary>
    private sealed record RegistrationRow(
        int Id,
        string PlanName,
        string SchoolName,
        string CertificateName,
        CertificateLevel Level,
        string? SubjectName,
        string CandidateNo,
        string Name,
        string? Pinyin,
        Candidates.IdType IdType,
        string IdNumber,
        string? MajorName,
        Candidates.CandidateType CandidateType,
        bool IsPaid,
        bool IsScheduled,
        DateTimeOffset? ExamStartUtc,
        DateTimeOffset? ExamEndUtc,
        DateTimeOffset CreatedUtc)
    {
        public RegistrationListItem ToItem(DateTimeOffset now) =>
            new(Id, PlanName, SchoolName, CertificateName, Level, SubjectName, CandidateNo, Name, IdType, IdMask.Mask(IdNumber), MajorName,
                CandidateType, IsPaid, IsScheduled, Registration.StatusOf(IsScheduled, now, ExamStartUtc, ExamEndUtc), ExamStartUtc, CreatedUtc);
    }
}
