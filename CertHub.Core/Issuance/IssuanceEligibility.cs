using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using CertHub.Core.Scores;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Issuance;

/// <summary>One 已通过 result not generated yet, with its candidate, site and school as the database has them (null when missing).</summary>
internal sealed record GenerationRow(
    int ResultId,
    int CandidateId,
    int ExamSiteId,
    string? CandidateNo,
    string? CandidateName,
    string? IdNumber,
    CandidateType? CandidateType,
    CandidateInfoStatus? InfoStatus,
    bool HasPhoto,
    int? CandidateSchoolId,
    string? CandidateSchoolName,
    int? SiteSchoolId,
    string? SiteName);

/// <summary>The plan, certificate and organisation a generation runs for, after the tenant checks.</summary>
internal sealed record GenerationScope(GenerationCriteria Criteria, int OrganizationId, string OrganizationName, string CertificateName, string PlanName, int Year);

/// <summary>
/// 获取待发证记录 rules (DESIGN §3.1): the candidates with a 已通过 result for the plan, certificate and level (and school) of the
/// organisation's certificate and no record yet for candidate + plan + certificate + level; eligible when the candidate's
/// information is 信息准确 with a photo, otherwise listed with the reason (无照片, 信息待认证, 需人工确认, 考生信息不存在).
/// </summary>
internal static class IssuanceEligibility
{
    public const string MissingCandidate = "考生信息不存在";
    public const string MissingSite = "考核站点不存在";

    /// <summary>Checks that the user is the certificate's organisation and the plan is its plan in the chosen year.</summary>
    public static async Task<GenerationScope> ScopeAsync(ICertHubDb db, ICurrentUser user, GenerationCriteria criteria, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        DomainRuleException.ThrowIf(!user.IsOrganization() || user.OrganizationId is null, "只有培训评价组织可以获取待发证记录");
        var organizationId = user.OrganizationId!.Value;
        var certificate = await db.Set<Certificate>().AsNoTracking()
            .Where(c => c.Id == criteria.CertificateId)
            .Select(c => new { c.Name, c.OrganizationId, OrganizationName = c.Organization!.Name })
            .FirstOrDefaultAsync(ct);
        DomainRuleException.ThrowIf(certificate is null || certificate.OrganizationId != organizationId, "无权获取该证书的待发证记录");
        var plan = await db.Set<ExamPlan>().AsNoTracking()
            .Where(p => p.Id == criteria.ExamPlanId && p.OrganizationId == organizationId)
            .Select(p => new { p.Name, p.Year })
            .FirstOrDefaultAsync(ct);
        DomainRuleException.ThrowIf(plan is null, "考试计划不存在");
        DomainRuleException.ThrowIf(plan!.Year != criteria.Year, "考试计划不属于所选考试年度");
        return new GenerationScope(criteria, organizationId, certificate!.OrganizationName, certificate.Name, plan.Name, plan.Year);
    }

    /// <summary>
    /// The passed results not generated yet, joined with candidate, site and school in one query. Query filters are ignored
    /// here on purpose: the scope already proved the certificate and plan are the organisation's, the rows are narrowed to
    /// them explicitly, and a candidate must be read even when no registration links it to the organisation, while the
    /// "already generated" check must see every record, whoever can list it.
    /// </summary>
    public static Task<List<GenerationRow>> RowsAsync(ICertHubDb db, GenerationScope scope, CancellationToken ct)
    {
        var c = scope.Criteria;
        var results = db.Set<CertificateResult>().IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.Status == CertificateResultStatus.Passed && r.ExamPlanId == c.ExamPlanId && r.CertificateId == c.CertificateId && r.Level == c.Level);
        if (c.SchoolId is int schoolId)
        {
            results = results.Where(r => r.SchoolId == schoolId);
        }

        var records = db.Set<IssuanceRecord>().IgnoreQueryFilters();
        var candidates = db.Set<Candidate>().IgnoreQueryFilters();
        var sites = db.Set<ExamSite>().IgnoreQueryFilters();
        var schools = db.Set<PilotSchool>().IgnoreQueryFilters();
        var query =
            from r in results
            where !records.Any(x => x.CandidateId == r.CandidateId && x.ExamPlanId == r.ExamPlanId && x.CertificateId == r.CertificateId && x.Level == r.Level)
            join candidate in candidates on r.CandidateId equals candidate.Id into cs
            from candidate in cs.DefaultIfEmpty()
            join site in sites on r.ExamSiteId equals site.Id into ss
            from site in ss.DefaultIfEmpty()
            join school in schools on candidate!.SchoolId equals school.Id into sch
            from school in sch.DefaultIfEmpty()
            orderby r.Id
            select new GenerationRow(
                r.Id,
                r.CandidateId,
                r.ExamSiteId,
                candidate == null ? null : candidate.CandidateNo,
                candidate == null ? null : candidate.Name,
                candidate == null ? null : candidate.IdNumber,
                candidate == null ? null : candidate.CandidateType,
                candidate == null ? null : candidate.InfoStatus,
                candidate != null && candidate.PhotoPath != null,
                candidate == null ? null : candidate.SchoolId,
                school == null ? null : school.Name,
                site == null ? null : site.SchoolId,
                site == null ? null : site.Name);
        return query.ToListAsync(ct);
    }

    /// <summary>Why the row cannot be generated; null when it can.</summary>
    public static string? ReasonOf(GenerationRow row) =>
        row.CandidateNo is null || row.CandidateSchoolId is null || row.CandidateSchoolName is null ? MissingCandidate
        : row.SiteSchoolId is null || row.SiteName is null ? MissingSite
        : row.InfoStatus != CandidateInfoStatus.Accurate ? row.InfoStatus!.Value.ToDisplayName()
        : !row.HasPhoto ? CandidateInfoStatus.NoPhoto.ToDisplayName()
        : null;

    public static GenerationPreview Preview(GenerationScope scope, IEnumerable<GenerationRow> rows)
    {
        var eligible = new List<EligibleCandidate>();
        var ineligible = new List<IneligibleCandidate>();
        foreach (var row in rows)
        {
            var type = row.CandidateType?.ToDisplayName() ?? "";
            if (ReasonOf(row) is { } reason)
            {
                ineligible.Add(new IneligibleCandidate(row.CandidateNo ?? "", row.CandidateName ?? "", row.IdNumber ?? "", type,
                    row.CandidateSchoolName ?? "", scope.CertificateName, scope.Criteria.Level, IssuanceAccess.ResultText, reason));
            }
            else
            {
                eligible.Add(new EligibleCandidate(row.CandidateNo!, row.CandidateName ?? "", row.IdNumber ?? "", type,
                    row.CandidateSchoolName!, scope.CertificateName, scope.Criteria.Level, IssuanceAccess.ResultText));
            }
        }

        return new GenerationPreview(eligible, ineligible);
    }

    /// <summary>The snapshot a record is generated from (eligible rows only).</summary>
    public static IssuanceSource SourceOf(GenerationScope scope, GenerationRow row) => new(
        row.CandidateId, row.CandidateSchoolId!.Value, row.SiteSchoolId!.Value, row.ExamSiteId, scope.Criteria.ExamPlanId, scope.OrganizationId,
        scope.Criteria.CertificateId, scope.Criteria.Level, row.ResultId, scope.Year, row.CandidateNo!, row.CandidateName!, row.IdNumber!,
        row.CandidateType!.Value.ToDisplayName(), row.CandidateSchoolName!, scope.CertificateName, scope.OrganizationName, scope.PlanName, row.SiteName!);
}
