using System.ComponentModel.DataAnnotations;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;

namespace CertHub.Core.Scheduling;

/// <summary>考场排序: the order in which the scheduler opens rooms of a site.</summary>
public enum RoomFillOrder
{
    [Display(Name = "大考场优先")] LargestFirst,
    [Display(Name = "小考场优先")] SmallestFirst,
    [Display(Name = "按考场名称")] ByName,
}

/// <summary>
/// 排考选项 of one run: 隔位就座 (only every other seat: 1, 3, 5, ...), 预留空位 (a share of each room's usable seats kept
/// free, in %), the room fill order, and the scope (one subject and/or one site; null = the whole plan).
/// </summary>
public sealed record SchedulingOptions(
    bool AlternateSeats = false,
    int ReservePercent = 0,
    RoomFillOrder FillOrder = RoomFillOrder.LargestFirst,
    int? SubjectId = null,
    int? SiteId = null)
{
    public const int MaxReservePercent = 50;

    public static SchedulingOptions Default { get; } = new();

    public void Validate() =>
        DomainRuleException.ThrowIf(ReservePercent is < 0 or > MaxReservePercent, $"预留空位比例应在0到{MaxReservePercent}%之间");

    /// <summary>The seat numbers new candidates may take in a room of <paramref name="seatCount"/> seats.</summary>
    public IReadOnlyList<int> UsableSeatNos(int seatCount)
    {
        var seats = Enumerable.Range(1, Math.Max(0, seatCount)).Where(n => !AlternateSeats || n % 2 == 1).ToList();
        var reserved = (int)Math.Ceiling(seats.Count * ReservePercent / 100.0);
        return seats.Take(seats.Count - reserved).ToList();
    }

    public bool Covers(int subjectId, int siteId) =>
        (SubjectId is null || SubjectId == subjectId) && (SiteId is null || SiteId == siteId);
}

/// <summary>A subject to schedule with its exam time (科目考试时间) and the room type its exam mode needs.</summary>
public sealed record SchedulingSubject(
    int Id,
    string Code,
    string Name,
    int CertificateId,
    CertificateLevel Level,
    RoomType RoomType,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc);

/// <summary>An exam room (考场) of a site, with its seats and the subjects it may host.</summary>
public sealed record SchedulingRoom(int Id, string Name, int SiteId, int SchoolId, RoomType RoomType, int SeatCount, IReadOnlyCollection<int> SubjectIds);

/// <summary>
/// One paid registration to seat for one subject, at one of <paramref name="SiteIds"/> (the candidate's school's site
/// first, then the sites allocated to it for 借考).
/// </summary>
public sealed record SchedulingDemand(int RegistrationId, int CandidateId, int SchoolId, int SubjectId, IReadOnlyList<int> SiteIds);

/// <summary>A certificate level an invigilator is certified for (已认证).</summary>
public readonly record struct CertifiedLevel(int CertificateId, CertificateLevel Level);

/// <summary>A 监考人员 and the certificate levels it is certified for.</summary>
public sealed record SchedulingInvigilator(int Id, int SchoolId, IReadOnlyCollection<CertifiedLevel> Certified)
{
    public bool IsCertifiedFor(SchedulingSubject subject) => Certified.Contains(new CertifiedLevel(subject.CertificateId, subject.Level));
}

/// <summary>A time someone is already taken elsewhere (a session of another exam plan).</summary>
public sealed record BusyInterval(int OwnerId, DateTimeOffset StartUtc, DateTimeOffset EndUtc);

/// <summary>A seat of a schedule.</summary>
public sealed record ScheduledSeat(int RegistrationId, int CandidateId, int SchoolId, int SeatNo, string AdmissionTicketNo);

/// <summary>An invigilator of a scheduled session.</summary>
public sealed record ScheduledInvigilator(int InvigilatorId, int SchoolId);

/// <summary>A room session of a schedule; <paramref name="Id"/> is null until saved. One per room and subject.</summary>
public sealed record ScheduledSession(
    int? Id,
    int RoomId,
    int SubjectId,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    int Capacity,
    IReadOnlyList<ScheduledSeat> Seats,
    IReadOnlyList<ScheduledInvigilator> Invigilators)
{
    public bool Overlaps(DateTimeOffset startUtc, DateTimeOffset endUtc) => StartUtc < endUtc && startUtc < EndUtc;
}

/// <summary>
/// Everything one scheduling run needs, loaded set-based: the plan's subjects, rooms, paid registrations (as demands),
/// invigilators, the sessions already saved, and what candidates and invigilators do in other plans at the same time.
/// </summary>
public sealed record SchedulingProblem(
    int ExamPlanId,
    IReadOnlyList<SchedulingSubject> Subjects,
    IReadOnlyList<SchedulingRoom> Rooms,
    IReadOnlyList<SchedulingDemand> Demands,
    IReadOnlyList<SchedulingInvigilator> Invigilators,
    IReadOnlyList<ScheduledSession> Existing,
    IReadOnlyList<BusyInterval>? CandidatesBusy = null,
    IReadOnlyList<BusyInterval>? InvigilatorsBusy = null)
{
    public IReadOnlyList<BusyInterval> CandidateCommitments => CandidatesBusy ?? [];

    public IReadOnlyList<BusyInterval> InvigilatorCommitments => InvigilatorsBusy ?? [];
}

/// <summary>What could not be done in a run and why, e.g. "考位不足: 还差 37 个座位" for a subject at a site.</summary>
public sealed record SchedulingShortfall(int SubjectId, int? SiteId, int? RoomId, string Reason, int Count);

/// <summary>The schedule after a run, what could not be placed, and how many seats changed.</summary>
public sealed record SchedulingResult(
    IReadOnlyList<ScheduledSession> Sessions,
    IReadOnlyList<SchedulingShortfall> Shortfalls,
    int SeatsAdded,
    int SeatsRemoved,
    int SessionsOpened,
    int SessionsClosed,
    int InvigilatorsAssigned)
{
    /// <summary>座位变动数: seats added plus seats removed (nobody already placed is moved).</summary>
    public int SeatsChanged => SeatsAdded + SeatsRemoved;
}

/// <summary>The reasons a run reports (shared by the scheduler, the service and the tests).</summary>
public static class ShortfallReasons
{
    public static string SeatsShort(int count) => $"考位不足: 还差 {count} 个座位";

    public static string InvigilatorsShort(int count) => $"监考人员不足: 还差 {count} 名监考人员";

    public const string TimeConflict = "考试时间冲突: 考生在该时间已有其他考试";

    public const string NoSite = "没有可用的考核站点: 考生所在院校未设置或分配考核站点";

    public static bool IsSeatShortfall(string reason) => !reason.StartsWith("监考人员不足", StringComparison.Ordinal);
}
