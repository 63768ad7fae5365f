using CertHub.Core.Catalog;
using CertHub.Core.Common;

namespace CertHub.Core.ExamSites;

/// <summary>
/// 考核站点分配 (借考): the organisation lets a school without its own site (the borrower) examine its candidates at
/// another school's approved site (the host) for one certificate level.
/// </summary>
public sealed class SiteAllocation : Entity
{
    public const int ActorMaxLength = 60;

    private SiteAllocation()
    {
    }

    public int ExamSiteId { get; private set; }

    /// <summary>The exam plan the allocation is for (null on allocations made before allocations were per plan).</summary>
    public int? ExamPlanId { get; private set; }

    /// <summary>被借考院校: the school owning the site.</summary>
    public int HostSchoolId { get; private set; }

    /// <summary>借考院校.</summary>
    public int BorrowerSchoolId { get; private set; }

    public int CertificateId { get; private set; }

    public CertificateLevel Level { get; private set; }

    public int OrganizationId { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedUtc { get; private set; }

    /// <summary>
    /// 考核站点分配 for one exam plan: the plan is the site's organisation's, lists the borrower school and the certificate level.
    /// </summary>
    public static SiteAllocation Create(Exams.ExamPlan plan, ExamSite site, int borrowerSchoolId, CertificateLevel level, string actorName, DateTimeOffset nowUtc)
    {
        DomainRuleException.ThrowIf(plan.OrganizationId != site.OrganizationId, "考试计划与考核站点不属于同一培训评价组织");
        DomainRuleException.ThrowIf(!plan.HasCertificate(site.CertificateId, level), "考试计划不包含该证书等级");
        DomainRuleException.ThrowIf(!plan.IncludesSchool(borrowerSchoolId), "借考院校不在该考试计划的院校范围内");
        var allocation = Create(site, borrowerSchoolId, level, actorName, nowUtc);
        allocation.ExamPlanId = plan.Id;
        return allocation;
    }

    public static SiteAllocation Create(ExamSite site, int borrowerSchoolId, CertificateLevel level, string actorName, DateTimeOffset nowUtc)
    {
        DomainRuleException.ThrowIf(site.Status != ExamSiteStatus.Approved, "只能分配审核通过的考核站点");
        DomainRuleException.ThrowIf(borrowerSchoolId == site.SchoolId, "不能将考核站点分配给其所属院校");
        DomainRuleException.ThrowIf(!site.HasLevel(level), $"该考核站点不支持{level.ToDisplayName()}考核");
        return new SiteAllocation
        {
            ExamSiteId = site.Id,
            HostSchoolId = site.SchoolId,
            BorrowerSchoolId = borrowerSchoolId,
            CertificateId = site.CertificateId,
            Level = level,
            OrganizationId = site.OrganizationId,
            CreatedBy = Guard.Required(actorName, "操作人", ActorMaxLength),
            CreatedUtc = nowUtc,
        };
    }
}
