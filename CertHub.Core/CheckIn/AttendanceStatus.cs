using System.ComponentModel.DataAnnotations;

namespace CertHub.Core.CheckIn;

/// <summary>
/// 签到状态 of one seat in a room session. Transitions (<see cref="Attendance.Transitions"/>):
/// 未签到 —签到→ 已签到; 未签到 —关闭签到→ 缺考; 缺考 —缺考更正 (原因)→ 已签到. Nothing else (a second 签到 is refused).
/// </summary>
public enum AttendanceStatus
{
    [Display(Name = "未签到")] NotCheckedIn,
    [Display(Name = "已签到")] CheckedIn,
    [Display(Name = "缺考")] Absent,
}

/// <summary>The actions on an <see cref="Attendance"/>.</summary>
public enum AttendanceAction
{
    [Display(Name = "签到")] CheckIn,
    [Display(Name = "标记缺考")] MarkAbsent,
    [Display(Name = "缺考更正")] CorrectAbsence,
}

/// <summary>签到表状态 of a room session: 签到中 until the invigilator closes it (关闭签到).</summary>
public enum RosterStatus
{
    [Display(Name = "签到中")] Open,
    [Display(Name = "已关闭")] Closed,
}
