using CertHub.Core.Candidates;
using CertHub.Core.Catalog;

namespace CertHub.Core.Scores;

/// <summary>考证结果 filters (manual 5.2.10): 考试年度, 考试计划, 考生编号, and the status tab.</summary>
public sealed record ResultFilter(int? Year = null, int? ExamPlanId = null, string? CandidateNo = null, CertificateResultStatus? Status = null);

/// <summary>One 考证结果 row: 考生信息, 证书信息 and 考核状态 as the list and 批量导出证书考核详情 show them.</summary>
public sealed record ResultListItem(
    int Id,
    int ExamPlanId,
    string PlanName,
    int CandidateId,
    string CandidateNo,
    string CandidateName,
    string IdNumber,
    string? AdmissionTicketNo,
    CandidateType CandidateType,
    string SchoolName,
    string CertificateName,
    CertificateLevel Level,
    string OrganizationName,
    string SiteName,
    CertificateResultStatus Status)
{
    public string MaskedIdNumber => Candidates.IdNumber.Mask(IdNumber);

}

/// <summary>查看: one required subject of a result with its score (none yet when not recorded).</summary>
public sealed record ResultSubjectScore(string SubjectCode, string SubjectName, decimal FullMark, decimal PassMark, decimal? Score, bool IsAbsent, bool IsRecorded)
{
    public bool IsPassed => IsRecorded && !IsAbsent && Score >= PassMark;
}

/// <summary>查看 a result: the row and its subjects' scores.</summary>
public sealed record ResultDetail(ResultListItem Result, IReadOnlyList<ResultSubjectScore> Subjects);
