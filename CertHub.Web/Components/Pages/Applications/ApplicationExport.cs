using CertHub.Core.Applications;
using CertHub.Core.Common;
using CertHub.Web.Documents.Excel;

namespace CertHub.Web.Components.Pages.Applications;

/// <summary>申报明细表 columns (按证书导出申报明细表).</summary>
public static class ApplicationExport
{
    private static string? Text(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static readonly IReadOnlyList<XlsxColumn<ApplicationExportRow>> Columns =
    [
        new("证书名称", r => r.CertificateName),
        new("证书等级", r => r.Level.ToDisplayName()),
        new("颁证机构", r => r.OrganizationName),
        new("申报年度", r => Text(r.Year)),
        new("申报批次", r => r.BatchName),
        new("院校名称", r => r.SchoolName),
        new("专业代码", r => r.MajorCode),
        new("专业名称", r => r.MajorName),
        new("本专业在校学生数", r => Text(r.StudentCount)),
        new("本专业专任教师数", r => Text(r.TeacherCount)),
        new("申请培训人数", r => Text(r.RequestedTrainees)),
        new("批准培训人数", r => Text(r.ApprovedTrainees)),
        new("申报状态", r => r.Status.ToDisplayName()),
    ];
}
