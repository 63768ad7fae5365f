using System.ComponentModel.DataAnnotations;
using CertHub.Core.Catalog;
using CertHub.Core.Common;

namespace CertHub.Core.Scores;

/// <summary>
/// 考核状态 of a <see cref="CertificateResult"/>, computed by <see cref="ResultCalculator"/> from the subject scores:
/// 未登记 → 登记中 → 已通过 | 未通过. 已通过 and 未通过 are final (they need locked scores, which never change).
/// </summary>
public enum CertificateResultStatus
{
    [Display(Name = "未登记")] NotRecorded,
    [Display(Name = "登记中")] Recording,
    [Display(Name = "已通过")] Passed,
    [Display(Name = "未通过")] Failed,
}

/// <summary>
/// 考证结果: one candidate's outcome for one certificate + level of one exam plan (通过条件: 各科成绩合格).
/// Passed results lead to 发证记录.
/// </summary>
public sealed class CertificateResult : Entity
{
    /// <summary>通过条件 as the manual prints it.</summary>
    public const string PassCondition = "各科成绩合格";

    private CertificateResult()
    {
    }

    public int CandidateId { get; private set; }

    public int ExamPlanId { get; private set; }

    public int CertificateId { get; private set; }

    public CertificateLevel Level { get; private set; }

    /// <summary>The candidate's school.</summary>
    public int SchoolId { get; private set; }

    public int ExamSiteId { get; private set; }

    public CertificateResultStatus Status { get; private set; }

    public DateTimeOffset UpdatedUtc { get; private set; }

    public bool IsFinal => IsFinalStatus(Status);

    /// <summary>已通过 and 未通过 are final (computed from locked scores).</summary>
    public static bool IsFinalStatus(CertificateResultStatus status) => status is CertificateResultStatus.Passed or CertificateResultStatus.Failed;

    public static CertificateResult Create(int candidateId, int examPlanId, int certificateId, CertificateLevel level, int schoolId, int examSiteId, DateTimeOffset nowUtc) =>
        new()
        {
            CandidateId = Guard.Positive(candidateId, "考生"),
            ExamPlanId = Guard.Positive(examPlanId, "考试计划"),
            CertificateId = Guard.Positive(certificateId, "证书"),
            Level = level,
            SchoolId = Guard.Positive(schoolId, "所属院校"),
            ExamSiteId = Guard.Positive(examSiteId, "考核站点"),
            Status = CertificateResultStatus.NotRecorded,
            UpdatedUtc = nowUtc,
        };

    /// <summary>
    /// Applies a freshly computed status; returns whether it changed. A final result (已通过/未通过) cannot change to
    /// another status, since it was computed from locked scores.
    /// </summary>
    public bool Apply(CertificateResultStatus status, DateTimeOffset nowUtc)
    {
        if (status == Status)
        {
            return false;
        }

        DomainRuleException.ThrowIf(IsFinal, $"考证结果已确定为“{Status.ToDisplayName()}”，不能更改");
        Status = status;
        UpdatedUtc = nowUtc;
        return true;
    }
}
