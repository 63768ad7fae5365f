using CertHub.Core.Common;
using CertHub.Core.Scheduling;

namespace CertHub.Core.CheckIn;

/// <summary>A room session the user may check candidates into (the /checkin session choice).</summary>
public sealed record CheckInSessionItem(
    int RoomSessionId,
    string PlanName,
    string SiteName,
    string RoomName,
    string SubjectName,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    int SeatedCount,
    int CheckedInCount,
    RosterStatus Status)
{
    public string ExamTimeText => ScheduleText.ExamTime(StartUtc, EndUtc);

    /// <summary>第一考场 · 理论知识 · 2021-09-17 16:00~17:00</summary>
    public string Label => $"{RoomName} · {SubjectName} · {ExamTimeText}";
}

/// <summary>The candidate found by a scanned 签到码 or a typed 准考证号, for the face check before 确认签到.</summary>
public sealed record CheckInCandidate(
    int RoomSessionId,
    int RegistrationId,
    string CandidateName,
    string SchoolName,
    string MaskedIdNumber,
    string AdmissionTicketNo,
    string RoomName,
    int SeatNo,
    byte[]? Photo,
    AttendanceStatus Status,
    DateTimeOffset? CheckedInUtc,
    bool IsLate);

/// <summary>应到/已签到/未签到/缺考 (and 迟到 among the checked-in) of a room session.</summary>
public sealed record RosterCounts(int Expected, int CheckedIn, int NotCheckedIn, int Absent, int Late)
{
    public static RosterCounts Of(IReadOnlyCollection<RosterRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new(rows.Count, rows.Count(r => r.Status == AttendanceStatus.CheckedIn), rows.Count(r => r.Status == AttendanceStatus.NotCheckedIn),
            rows.Count(r => r.Status == AttendanceStatus.Absent), rows.Count(r => r.IsLate));
    }

    /// <summary>The totals of several rooms (the 签到总览's top line).</summary>
    public static RosterCounts Sum(IEnumerable<RosterCounts> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts.Aggregate(new RosterCounts(0, 0, 0, 0, 0), (t, c) =>
            new(t.Expected + c.Expected, t.CheckedIn + c.CheckedIn, t.NotCheckedIn + c.NotCheckedIn, t.Absent + c.Absent, t.Late + c.Late));
    }
}

/// <summary>One seat of the live roster.</summary>
public sealed record RosterRow(
    int RegistrationId,
    int SeatNo,
    string CandidateName,
    string SchoolName,
    string AdmissionTicketNo,
    AttendanceStatus Status,
    DateTimeOffset? CheckedInUtc,
    string? CheckedInBy,
    bool IsLate,
    string? CorrectionReason)
{
    /// <summary>已签到 / 迟到 / 未签到 / 缺考 (the roster's 状态 column).</summary>
    public string StatusText => IsLate ? "迟到" : Status.ToDisplayName();

    public string CheckedInText => CheckedInUtc?.ToChinaDateTimeText() ?? "";
}

/// <summary>The roster page of a room session: header, counts, seats, and what the user may do.</summary>
public sealed record RosterView(
    CheckInSessionItem Session,
    RosterCounts Counts,
    IReadOnlyList<RosterRow> Rows,
    DateTimeOffset ClosableFromUtc,
    bool CanCheckIn,
    bool CanClose,
    bool CanCorrectAbsence)
{
    public bool IsClosed => Session.Status == RosterStatus.Closed;
}

/// <summary>A plan's exam time (考试时间) that has seated room sessions: one choice of the 签到总览.</summary>
public sealed record CheckInSlot(int ExamPlanId, string PlanName, DateTimeOffset StartUtc, DateTimeOffset EndUtc)
{
    public string ExamTimeText => ScheduleText.ExamTime(StartUtc, EndUtc);
}

/// <summary>One room session of the 签到总览 with its counts.</summary>
public sealed record CheckInOverviewRoom(int RoomSessionId, string SiteName, string RoomName, string SubjectName, RosterStatus Status, RosterCounts Counts)
{
    /// <summary>签到进度: the share of 应到 checked in, 0..100.</summary>
    public int Percent => Counts.Expected == 0 ? 0 : Counts.CheckedIn * 100 / Counts.Expected;
}

/// <summary>签到总览 of one plan and exam time: the choices, the chosen one, its rooms and the totals.</summary>
public sealed record CheckInOverview(IReadOnlyList<CheckInSlot> Slots, CheckInSlot? Slot, IReadOnlyList<CheckInOverviewRoom> Rooms, RosterCounts Totals)
{
    /// <summary>The plans among the choices (the first select), in order of their first exam time.</summary>
    public IReadOnlyList<(int Id, string Name)> Plans => [.. Slots.Select(s => (s.ExamPlanId, s.PlanName)).Distinct()];
}
