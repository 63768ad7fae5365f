using CertHub.Core.Catalog;
using CertHub.Core.Common;

namespace CertHub.Core.Scheduling;

public static class SchedulingTopics
{
    public const string Arrangements = "scheduling-arrangements";
}

public static class SchedulingText
{
    /// <summary>考试时间, e.g. 2021-09-18 08:00~09:00 (China time).</summary>
    public static string ExamTime(DateTimeOffset startUtc, DateTimeOffset endUtc) =>
        startUtc.ToChina().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + "~"
        + endUtc.ToChina().ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>考核站点编排 filters: 考试计划, 科目名称, 考核站点名称, 状态 (tab).</summary>
public sealed record SiteArrangementFilter(int? ExamPlanId = null, string? SubjectName = null, string? SiteName = null, SchedulingStatus? Status = null);

/// <summary>A plan the user may see on the page (and, for its organisation, schedule).</summary>
public sealed record SchedulingPlanOption(int Id, string Name, bool CanSchedule, IReadOnlyList<SchedulingSubjectOption> Subjects, IReadOnlyList<SchedulingSiteOption> Sites);

public sealed record SchedulingSubjectOption(int Id, string Name);

public sealed record SchedulingSiteOption(int Id, string Name);

/// <summary>One row of 考核站点编排: a subject of a plan at a site, with its 排考状态 and counts.</summary>
public sealed record SiteArrangementItem(
    int ExamPlanId,
    string PlanName,
    int SubjectId,
    string SubjectName,
    string CertificateName,
    CertificateLevel Level,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    int SiteId,
    string SiteName,
    string SchoolName,
    SchedulingStatus Status,
    int Registered,
    int Seated,
    int Rooms)
{
    public string ExamTime => SchedulingText.ExamTime(StartUtc, EndUtc);

    public string CertificateText => $"{CertificateName}({Level.ToDisplayName()})";
}

/// <summary>考场编排明细: one room session with its counts and invigilators (also the export row).</summary>
public sealed record RoomArrangementRow(
    int RoomSessionId,
    string PlanName,
    string RoomName,
    string SchoolName,
    string SiteName,
    string CertificateName,
    string SubjectName,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    int SeatCount,
    int Seated,
    string Invigilators,
    string InvigilatorSchools)
{
    public string ExamTime => SchedulingText.ExamTime(StartUtc, EndUtc);
}

/// <summary>站点编排明细 (查看): the row and its rooms.</summary>
public sealed record SiteArrangementDetail(SiteArrangementItem Item, IReadOnlyList<RoomArrangementRow> Rooms);

/// <summary>The outcome of 一键排考 / 重新排考 as the page shows it.</summary>
public sealed record SchedulingRunReport(int Seated, int SeatsAdded, int SeatsRemoved, int SessionsOpened, int InvigilatorsAssigned, IReadOnlyList<string> Problems)
{
    public int SeatsChanged => SeatsAdded + SeatsRemoved;

    public string Summary => $"排考完成: 新增{SeatsAdded}个座位，取消{SeatsRemoved}个座位（共变动{SeatsChanged}个），新开{SessionsOpened}个考场场次，安排监考{InvigilatorsAssigned}人次";
}
