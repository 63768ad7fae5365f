using CertHub.Core.Catalog;

namespace CertHub.Core.Issuance;

/// <summary>
/// 待发证记录来源: what <see cref="IssuanceRecord.Generate"/> needs — the keys of a passed certificate result and a
/// snapshot of the names shown in lists (so the list never joins five tables and later edits do not rewrite it).
/// </summary>
/// <param name="SiteSchoolId">The school owning the exam site where the candidate sat; it signs as 考核站点.</param>
/// <param name="CandidateType">学生类型 as text (院校考生, 社会考生, 随校考生).</param>
public sealed record IssuanceSource(
    int CandidateId,
    int CandidateSchoolId,
    int SiteSchoolId,
    int ExamSiteId,
    int ExamPlanId,
    int OrganizationId,
    int CertificateId,
    CertificateLevel Level,
    int CertificateResultId,
    int Year,
    string CandidateNo,
    string CandidateName,
    string IdNumber,
    string CandidateType,
    string CandidateSchoolName,
    string CertificateName,
    string OrganizationName,
    string PlanName,
    string SiteName);
