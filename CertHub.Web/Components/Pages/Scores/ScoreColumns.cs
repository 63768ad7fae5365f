using CertHub.Core.Common;
using CertHub.Core.Scores;
using CertHub.Web.Documents.Excel;

namespace CertHub.Web.Components.Pages.Scores;

/// <summary>The manual's columns of 批量导出科目成绩 and 批量导出证书考核详情 (ID numbers masked).</summary>
public static class ScoreColumns
{
    public static readonly IReadOnlyList<XlsxColumn<ScoreListItem>> Export =
    [
        new("考试计划", s => s.PlanName),
        new("考生姓名", s => s.CandidateName),
        new("考生编号", s => s.CandidateNo),
        new("证件号码", s => s.MaskedIdNumber),
        new("准考证号", s => s.AdmissionTicketNo),
        new("考生类型", s => s.CandidateType.ToDisplayName()),
        new("所属院校", s => s.SchoolName),
        new("科目编号", s => s.SubjectCode),
        new("科目名称", s => s.SubjectName),
        new("考试方式", s => s.ExamMode.ToDisplayName()),
        new("报考证书", s => s.CertificateName),
        new("证书等级", s => s.Level.ToDisplayName()),
        new("考核单位", s => s.OrganizationName),
        new("考试通过条件", s => s.PassCondition),
        new("成绩", s => s.ScoreText),
    ];

    public static readonly IReadOnlyList<XlsxColumn<ResultListItem>> Results =
    [
        new("考试计划", r => r.PlanName),
        new("考生姓名", r => r.CandidateName),
        new("考生编号", r => r.CandidateNo),
        new("身份证号", r => r.MaskedIdNumber),
        new("考生类型", r => r.CandidateType.ToDisplayName()),
        new("所属院校", r => r.SchoolName),
        new("报考证书", r => r.CertificateName),
        new("证书等级", r => r.Level.ToDisplayName()),
        new("考核单位", r => r.OrganizationName),
        new("通过条件", _ => CertificateResult.PassCondition),
        new("考核状态", r => r.Status.ToDisplayName()),
    ];
}
