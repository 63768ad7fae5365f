using CertHub.Core.Common;
using CertHub.Core.Scheduling;
using CertHub.Web.Documents.Excel;

namespace CertHub.Web.Components.Pages.Scheduling;

/// <summary>批量导出考场编排记录 and 导出排考明细: the manual's columns.</summary>
public static class ScheduleExports
{
    public static readonly IReadOnlyList<XlsxColumn<RoomArrangementListItem>> Rooms =
    [
        new("考试计划", r => r.PlanName),
        new("考场名称", r => r.RoomName),
        new("所属院校", r => r.SchoolName),
        new("所在地区", r => r.Region),
        new("考核站点", r => r.SiteName),
        new("考试单位", r => r.OrganizationName),
        new("考试证书", r => r.CertificateText),
        new("考试科目", r => r.SubjectName),
        new("考试时间", r => r.ExamTimeText),
        new("排考人数", r => r.SeatedCount),
        new("监考人员姓名(编号)", r => r.Invigilator1),
        new("监考人员姓名(编号) ", r => r.Invigilator2), // the manual repeats the header; the space keeps the column keys apart
        new("监考人员所在区域(院校)", r => r.InvigilatorRegions),
    ];

    public static readonly IReadOnlyList<XlsxColumn<ScheduleDetailItem>> Details =
    [
        new("考试计划", r => r.PlanName),
        new("考生姓名", r => r.CandidateName),
        new("考生编号", r => r.CandidateNo),
        new("证件号码", r => r.MaskedIdNumber),
        new("准考证号", r => r.AdmissionTicketNo),
        new("所属院校", r => r.SchoolName),
        new("考试证书", r => r.CertificateText),
        new("科目编号", r => r.SubjectCode),
        new("考试科目", r => r.SubjectName),
        new("考试方式", r => r.ExamMode.ToDisplayName()),
        new("考试时间", r => r.ExamTimeText),
        new("考核站点", r => r.SiteName),
        new("考场", r => r.RoomName),
        new("座位号", r => r.SeatNo),
    ];
}
