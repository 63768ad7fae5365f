using System.Globalization;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;

namespace CertHub.Core.Scheduling;

/// <summary>考场编排 filters: 考试计划, 考场名称, 考试科目, 考核站点.</summary>
public sealed record RoomArrangementFilter(int? ExamPlanId = null, string? RoomName = null, string? SubjectName = null, string? SiteName = null);

/// <summary>排考明细 filters: 考试计划, 考生姓名, 准考证号, 考场.</summary>
public sealed record ScheduleDetailFilter(int? ExamPlanId = null, string? CandidateName = null, string? AdmissionTicketNo = null, string? RoomName = null);

/// <summary>An exam plan that has scheduled rooms the user may see (the 考试计划 filter).</summary>
public sealed record SchedulePlanOption(int Id, string Name);

/// <summary>监考人员 of a room session: 姓名(编号) and 所在区域(院校).</summary>
public sealed record RoomInvigilatorItem(string Name, string TeacherNo, string? Region, string SchoolName)
{
    /// <summary>张丽(KK867114)</summary>
    public string NameWithNo => $"{Name}({TeacherNo})";

    /// <summary>海淀区(北京科技大学), or the school alone when no region is recorded.</summary>
    public string RegionWithSchool => string.IsNullOrWhiteSpace(Region) ? SchoolName : $"{Region}({SchoolName})";
}

/// <summary>The formats the schedule documents share.</summary>
public static class ScheduleText
{
    /// <summary>2021-09-18 08:00~09:00 (China time; the end date is repeated only when it differs).</summary>
    public static string ExamTime(DateTimeOffset startUtc, DateTimeOffset endUtc)
    {
        var start = startUtc.ToChina();
        var end = endUtc.ToChina();
        var endText = end.Date == start.Date
            ? end.ToString("HH:mm", CultureInfo.InvariantCulture)
            : end.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return $"{start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}~{endText}";
    }

    /// <summary>信息化应用职业技能等级证书（初级）</summary>
    public static string CertificateWithLevel(string certificateName, CertificateLevel level) => $"{certificateName}（{level.ToDisplayName()}）";
}

/// <summary>
/// One row of 考场编排: a room session (one room, one subject, one time) with the manual's columns. 排考人数 counts the seats
/// the user may see (a school that is not the room's host sees only its own candidates).
/// </summary>
public sealed record RoomArrangementListItem(
    int RoomSessionId,
    int ExamPlanId,
    string PlanName,
    string RoomName,
    string RoomAddress,
    string SchoolName,
    string Region,
    string SiteName,
    string OrganizationName,
    string CertificateName,
    CertificateLevel Level,
    string SubjectName,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    int Capacity,
    int SeatedCount,
    bool IsHost,
    IReadOnlyList<RoomInvigilatorItem> Invigilators)
{
    public string ExamTimeText => ScheduleText.ExamTime(StartUtc, EndUtc);

    public string CertificateText => ScheduleText.CertificateWithLevel(CertificateName, Level);

    /// <summary>监考人员姓名(编号) of the first and second invigilator ("" when not assigned).</summary>
    public string Invigilator1 => Invigilators.Count > 0 ? Invigilators[0].NameWithNo : "";

    public string Invigilator2 => Invigilators.Count > 1 ? Invigilators[1].NameWithNo : "";

    /// <summary>监考人员所在区域(院校) of both, joined.</summary>
    public string InvigilatorRegions => string.Join("；", Invigilators.Select(i => i.RegionWithSchool).Distinct());
}

/// <summary>One seat of a seat map (1..座位数): empty, taken by a candidate the user may see, or taken by another school's candidate.</summary>
public sealed record SeatMapCell(int SeatNo, string? CandidateName, string? AdmissionTicketNo, string? SchoolName, bool IsTaken, int? RegistrationId = null)
{
    public bool IsVisible => CandidateName is not null;
}

/// <summary>查看 of 考场编排: who sits where.</summary>
public sealed record SeatMap(RoomArrangementListItem Room, IReadOnlyList<SeatMapCell> Seats, int RoomId, int SubjectId);

/// <summary>更换监考: an invigilator of a room session, or one certified for its certificate and level.</summary>
public sealed record InvigilatorChoice(int InvigilatorId, string Name, string TeacherNo, string SchoolName)
{
    public string Text => $"{Name}({TeacherNo}) {SchoolName}";
}

/// <summary>更换监考: who invigilates the room session and who is certified to take a place.</summary>
public sealed record InvigilatorChoices(IReadOnlyList<InvigilatorChoice> Assigned, IReadOnlyList<InvigilatorChoice> Certified);

/// <summary>互换监考: an invigilator of another room session of the same plan whose exam time overlaps the session's.</summary>
public sealed record InvigilatorSwapOption(int RoomId, int SubjectId, string RoomName, string SubjectName, string SiteName, InvigilatorChoice Invigilator)
{
    public string Text => $"{RoomName} · {SubjectName}：{Invigilator.Name}({Invigilator.TeacherNo}) {Invigilator.SchoolName}";
}

/// <summary>互换监考: the session's own invigilators and those of the other sessions at the same time.</summary>
public sealed record InvigilatorSwapChoices(IReadOnlyList<InvigilatorChoice> Own, IReadOnlyList<InvigilatorSwapOption> Others);

/// <summary>Whether the organisation may adjust a plan's schedule now (调整座位, 更换监考, 互换监考), else the hint to show.</summary>
public sealed record ScheduleAdjustability(bool Allowed, string? Hint)
{
    public static ScheduleAdjustability None { get; } = new(false, null);
}

/// <summary>调整座位: a room session of the same plan and subject a candidate can be moved to.</summary>
public sealed record SeatMoveTarget(int RoomId, string RoomName, string SiteName, int SeatedCount, int Capacity)
{
    public string Text => $"{RoomName}（{SeatedCount}/{Capacity}） {SiteName}";
}

/// <summary>One row of 排考明细: a candidate seated for one subject.</summary>
public sealed record ScheduleDetailItem(
    int SeatAssignmentId,
    string PlanName,
    string CandidateName,
    string CandidateNo,
    string IdNumber,
    string SchoolName,
    string AdmissionTicketNo,
    string CertificateName,
    CertificateLevel Level,
    string SubjectCode,
    string SubjectName,
    ExamMode ExamMode,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    string SiteName,
    string RoomName,
    int SeatNo)
{
    public string MaskedIdNumber => IdMask.Mask(IdNumber);

    public string ExamTimeText => ScheduleText.ExamTime(StartUtc, EndUtc);

    public string CertificateText => ScheduleText.CertificateWithLevel(CertificateName, Level);
}

/// <summary>The room session a door sticker, desk stickers or a sign-in sheet is printed for.</summary>
public sealed record RoomSessionHeader(
    string PlanName,
    string RoomName,
    string RoomAddress,
    string SiteName,
    string CertificateName,
    CertificateLevel Level,
    string SubjectName,
    ExamMode ExamMode,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    IReadOnlyList<RoomInvigilatorItem> Invigilators)
{
    public string ExamTimeText => ScheduleText.ExamTime(StartUtc, EndUtc);

    public string CertificateText => ScheduleText.CertificateWithLevel(CertificateName, Level);

    /// <summary>第1考场_理论知识 (file names).</summary>
    public string FileStem => $"{RoomName}_{SubjectName}";
}

/// <summary>门贴: on the door of a room session, in large type.</summary>
public sealed record DoorSticker(RoomSessionHeader Room, int FirstSeatNo, int LastSeatNo, int CandidateCount, int RoomSessionId = 0)
{
    /// <summary>1-30号, or 无 when nobody is seated.</summary>
    public string SeatRangeText => CandidateCount == 0 ? "无" : $"{FirstSeatNo}-{LastSeatNo}号";
}

/// <summary>桌贴: on one desk.</summary>
public sealed record DeskSticker(RoomSessionHeader Room, int SeatNo, string CandidateName, string AdmissionTicketNo, string MaskedIdNumber, byte[]? Photo);

/// <summary>
/// 签到表 of a room session: a row per seated candidate, in seat order; once the roster is closed (考场签到) it carries
/// 实到人数 and 缺考人数.
/// </summary>
public sealed record SignInSheet(RoomSessionHeader Room, IReadOnlyList<SignInRow> Rows, int? PresentCount = null, int? AbsentCount = null);

/// <summary>One row of 签到表; the 签名 cell stays blank for the candidate, pre-filled with the 考场签到 time or 缺考 when known.</summary>
public sealed record SignInRow(int SeatNo, string CandidateName, string MaskedIdNumber, string AdmissionTicketNo, string SchoolName, byte[]? Photo,
    string? AttendanceText = null);

/// <summary>
/// 准考证 of one candidate for one exam plan: the candidate's details, the exam site and a line per subject seated in the plan.
/// 准考证号 is the number of the seat the ticket was asked for (the first line); <see cref="CheckIn"/> is that seat, which the
/// QR code carries as a signed 签到码. Each line carries its own seat too, so a ticket with several subjects (several room
/// sessions) prints a 签到码 per line.
/// </summary>
public sealed record AdmissionTicket(
    string PlanName,
    string CandidateName,
    Gender? Gender,
    string MaskedIdNumber,
    string CandidateNo,
    string AdmissionTicketNo,
    string SchoolName,
    string SiteName,
    string SiteAddress,
    byte[]? Photo,
    IReadOnlyList<AdmissionTicketLine> Lines,
    CheckIn.CheckInTicket? CheckIn = null)
{
    public string GenderText => Gender?.ToDisplayName() ?? "";
}

/// <summary>A line of the 准考证 table: 考试证书, 考试科目, 考试方式, 考试时间, 考场名称, 座位号 (and the seat for its 签到码).</summary>
public sealed record AdmissionTicketLine(string CertificateName, string SubjectName, ExamMode ExamMode, DateTimeOffset StartUtc, DateTimeOffset EndUtc, string RoomName, int SeatNo,
    CheckIn.CheckInTicket? CheckIn = null)
{
    public string ExamTimeText => ScheduleText.ExamTime(StartUtc, EndUtc);
}

/// <summary>考试须知 printed on every 准考证.</summary>
public static class AdmissionTicketNotice
{
    public static readonly IReadOnlyList<string> Lines =
    [
        "考生须凭准考证和有效身份证件（与报考时一致）参加考试，两证缺一不得入场。",
        "考生应在考试开始前30分钟到达考场，开考15分钟后不得入场，考试开始30分钟内不得交卷离场。",
        "考生按准考证上的考场和座位号就座，并将准考证、身份证件放在桌面左上角，以便监考人员核验。",
        "除规定的文具外，不得携带手机、智能手表等电子设备及书籍资料进入考场；已带入的须关机交由监考人员统一保管。",
        "考试期间应保持安静，服从监考人员管理，遇试卷或设备问题举手示意；违纪者按有关规定处理。",
        "考试结束信号发出后立即停止作答，经监考人员允许后方可离开考场。",
    ];
}
