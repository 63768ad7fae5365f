using CertHub.Core.Common;
using CertHub.Core.Invigilators;
using CertHub.Web.Documents.Excel;

namespace CertHub.Web.Components.Pages.Invigilators;

/// <summary>批量导出监考人员: the manual's columns.</summary>
public static class InvigilatorExport
{
    public static readonly IReadOnlyList<XlsxColumn<InvigilatorExportRow>> Columns =
    [
        new("教师编号", r => r.TeacherNo),
        new("教师姓名", r => r.Name),
        new("手机号码", r => r.MaskedPhone),
        new("所属院校", r => r.SchoolName),
        new("所在区域", r => r.Region),
        new("证书编号", r => r.CertificateCode),
        new("申请证书", r => r.CertificateName),
        new("证书等级", r => r.Level.ToDisplayName()),
        new("颁证机构", r => r.OrganizationName),
        new("认证状态", r => r.Status.ToDisplayName()),
    ];
}
