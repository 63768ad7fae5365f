using System.Globalization;
using CertHub.Core.Common;
using CertHub.Core.Scheduling;

namespace CertHub.Core.CheckIn;

/// <summary>
/// 考场签到: the attendance of one <see cref="RoomSession"/>. A seat without an <see cref="Attendance"/> row is 未签到; 签到 adds or
/// moves its row to 已签到; 关闭签到 (only after the exam start plus the grace period) marks every seat not checked in as 缺考
/// and refuses any later 签到; a 缺考 can then only be corrected with a reason (缺考更正).
/// </summary>
public sealed class RoomRoster : Entity
{
    public const string ClosedMessage = "本场次签到已关闭，不能再签到";

    private readonly List<Attendance> _entries = [];

    private RoomRoster()
    {
    }

    public int RoomSessionId { get; private set; }

    public int ExamPlanId { get; private set; }

    public int SubjectId { get; private set; }

    public DateTimeOffset StartUtc { get; private set; }

    public DateTimeOffset EndUtc { get; private set; }

    public RosterStatus Status { get; private set; }

    public DateTimeOffset? ClosedUtc { get; private set; }

    public string? ClosedBy { get; private set; }

    public IReadOnlyList<Attendance> Entries => _entries;

    public bool IsClosed => Status == RosterStatus.Closed;

    public static RoomRoster Create(RoomSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new RoomRoster
        {
            RoomSessionId = Guard.Positive(session.Id, "考场场次"),
            ExamPlanId = session.ExamPlanId,
            SubjectId = session.SubjectId,
            StartUtc = session.StartUtc,
            EndUtc = session.EndUtc,
            Status = RosterStatus.Open,
        };
    }

    /// <summary>The earliest time 关闭签到 is allowed: the exam start plus the grace period.</summary>
    public DateTimeOffset ClosableFrom(TimeSpan grace) => StartUtc + grace;

    public bool CanClose(TimeSpan grace, DateTimeOffset now) => !IsClosed && now >= ClosableFrom(grace);

    /// <summary>The status of a seated registration (未签到 when it has no row yet).</summary>
    public AttendanceStatus StatusOf(int registrationId) =>
        _entries.FirstOrDefault(e => e.RegistrationId == registrationId)?.Status ?? AttendanceStatus.NotCheckedIn;

    public Attendance? EntryOf(int registrationId) => _entries.FirstOrDefault(e => e.RegistrationId == registrationId);

    /// <summary>确认签到 of a seat of this session: refused when the roster is closed, the exam is over or the seat already checked in.</summary>
    public Attendance CheckIn(SeatAssignment seat, DateTimeOffset now, string actor)
    {
        ArgumentNullException.ThrowIfNull(seat);
        DomainRuleException.ThrowIf(seat.RoomSessionId != RoomSessionId, "该考生不在本考场场次");
        DomainRuleException.ThrowIf(IsClosed, ClosedMessage);
        DomainRuleException.ThrowIf(now >= EndUtc, "本场次考试已结束，不能签到");
        var entry = EntryFor(seat);
        entry.CheckIn(now, actor);
        return entry;
    }

    /// <summary>关闭签到: after the start plus <paramref name="grace"/>; every seat not checked in becomes 缺考. Returns how many.</summary>
    public int Close(IReadOnlyCollection<SeatAssignment> seats, TimeSpan grace, DateTimeOffset now, string actor)
    {
        ArgumentNullException.ThrowIfNull(seats);
        DomainRuleException.ThrowIf(IsClosed, "本场次签到已关闭，请勿重复关闭");
        DomainRuleException.ThrowIf(now < ClosableFrom(grace), string.Create(CultureInfo.InvariantCulture,
            $"考试开始{grace.TotalMinutes:0}分钟后（{ClosableFrom(grace).ToChinaDateTimeText()}）才能关闭签到"));
        DomainRuleException.ThrowIf(seats.Any(s => s.RoomSessionId != RoomSessionId), "座位不属于本考场场次");
        var absent = 0;
        foreach (var seat in seats)
        {
            var entry = EntryFor(seat);
            if (entry.Status == AttendanceStatus.NotCheckedIn)
            {
                entry.MarkAbsent();
                absent++;
            }
        }

        Status = RosterStatus.Closed;
        ClosedUtc = now;
        ClosedBy = Guard.Required(actor, "关闭人", Attendance.ActorMaxLength);
        return absent;
    }

    /// <summary>缺考更正: a 缺考 of a closed roster becomes 已签到, with the reason kept.</summary>
    public Attendance CorrectAbsence(int registrationId, string? reason, DateTimeOffset now, string actor)
    {
        var entry = EntryOf(registrationId) ?? throw new DomainRuleException("该考生没有缺考记录，无需更正");
        DomainRuleException.ThrowIf(entry.Status != AttendanceStatus.Absent, "该考生没有缺考记录，无需更正");
        entry.CorrectAbsence(reason, now, actor);
        return entry;
    }

    private Attendance EntryFor(SeatAssignment seat)
    {
        var entry = EntryOf(seat.RegistrationId);
        if (entry is null)
        {
            entry = new Attendance(seat.RegistrationId, seat.CandidateId, seat.SchoolId, seat.SeatNo);
            _entries.Add(entry);
        }

        return entry;
    }
}
