using System.Globalization;
using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Web.Documents.Excel;

namespace CertHub.Web.Components.Pages.Issuance;

/// <summary>How issuance values are written on /issuance, in its dialogs and in its exports.</summary>
public static class IssuanceText
{
    /// <summary>The signature endpoint only serves files under this folder.</summary>
    public const string SignatureFolder = "signatures/";

    /// <summary>证书名称(等级): 信息化应用职业技能等级证书(中级).</summary>
    public static string CertificateWithLevel(IssuanceListItem item) => $"{item.CertificateName}({item.Level.ToDisplayName()})";

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>The URL of a stored signature image (GET /files/signatures/{**path}).</summary>
    public static string SignatureUrl(string path) =>
        "/files/" + string.Join('/', path.TrimStart('/').Split('/').Select(Uri.EscapeDataString));

    /// <summary>批量导出发证记录: the list's columns.</summary>
    public static readonly IReadOnlyList<XlsxColumn<IssuanceListItem>> ExportColumns =
    [
        new("考生编号", r => r.CandidateNo),
        new("考生姓名", r => r.CandidateName),
        new("身份证号", r => r.MaskedIdNumber),
        new("学生类型", r => r.CandidateType),
        new("所属院校", r => r.CandidateSchoolName),
        new("证书名称", r => CertificateWithLevel(r)),
        new("颁证机构", r => r.OrganizationName),
        new("证书编号", r => r.CertificateNo),
        new("发证时间", r => Date(r.IssuedOn)),
        new("发证方式", r => r.IssueMethod?.ToDisplayName()),
        new("考试计划", r => r.PlanName),
        new("考核站点", r => r.SiteName),
        new("考核状态", r => r.ResultText),
        new("颁证状态", r => r.Status.ToDisplayName()),
    ];

    /// <summary>下载可发证名单.</summary>
    public static readonly IReadOnlyList<XlsxColumn<EligibleCandidate>> EligibleColumns =
    [
        new("考生编号", c => c.CandidateNo),
        new("考生姓名", c => c.CandidateName),
        new("身份证号", c => c.IdNumber),
        new("学生类型", c => c.CandidateType),
        new("所属院校", c => c.SchoolName),
        new("证书名称", c => c.CertificateName),
        new("证书等级", c => c.Level.ToDisplayName()),
        new("考证结果", c => c.ResultText),
    ];

    /// <summary>下载不可发证名单 (with 不可发证原因).</summary>
    public static readonly IReadOnlyList<XlsxColumn<IneligibleCandidate>> IneligibleColumns =
    [
        new("考生编号", c => c.CandidateNo),
        new("考生姓名", c => c.CandidateName),
        new("身份证号", c => c.IdNumber),
        new("学生类型", c => c.CandidateType),
        new("所属院校", c => c.SchoolName),
        new("证书名称", c => c.CertificateName),
        new("证书等级", c => c.Level.ToDisplayName()),
        new("考证结果", c => c.ResultText),
        new("不可发证原因", c => c.Reason),
    ];
}
