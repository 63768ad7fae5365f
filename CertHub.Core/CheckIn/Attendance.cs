using CertHub.Core.Common;

namespace CertHub.Core.CheckIn;

/// <summary>签到记录: the attendance of one seated registration in a <see cref="RoomRoster"/>.</summary>
public sealed class Attendance : Entity
{
    public const int ActorMaxLength = 100;
    public const int ReasonMaxLength = 200;

    public static readonly TransitionTable<AttendanceStatus, AttendanceAction> Transitions = new TransitionTable<AttendanceStatus, AttendanceAction>()
        .Allow(AttendanceStatus.NotCheckedIn, AttendanceAction.CheckIn, AttendanceStatus.CheckedIn)
        .Allow(AttendanceStatus.NotCheckedIn, AttendanceAction.MarkAbsent, AttendanceStatus.Absent)
        .Allow(AttendanceStatus.Absent, AttendanceAction.CorrectAbsence, AttendanceStatus.CheckedIn);

    private Attendance()
    {
    }

    internal Attendance(int registrationId, int candidateId, int schoolId, int seatNo)
    {
        RegistrationId = Guard.Positive(registrationId, "报考记录");
        CandidateId = Guard.Positive(candidateId, "考生");
        SchoolId = Guard.Positive(schoolId, "所属院校");
        SeatNo = Guard.Positive(seatNo, "座位号");
        Status = AttendanceStatus.NotCheckedIn;
    }

    public int RoomRosterId { get; private set; }

    public int RegistrationId { get; private set; }

    public int CandidateId { get; private set; }

    /// <summary>The candidate's school (tenancy).</summary>
    public int SchoolId { get; private set; }

    public int SeatNo { get; private set; }

    public AttendanceStatus Status { get; private set; }

    /// <summary>签到时间 (also set by a 缺考更正, to the time of the correction).</summary>
    public DateTimeOffset? CheckedInUtc { get; private set; }

    /// <summary>签到人: who confirmed the check-in (or the correction).</summary>
    public string? CheckedInBy { get; private set; }

    /// <summary>缺考更正原因, when a 缺考 was corrected.</summary>
    public string? CorrectionReason { get; private set; }

    public bool CanCheckIn => Transitions.CanApply(Status, AttendanceAction.CheckIn);

    public bool CanCorrectAbsence => Transitions.CanApply(Status, AttendanceAction.CorrectAbsence);

    /// <summary>迟到: checked in after the exam started (a corrected absence is not counted as late).</summary>
    public bool IsLateFor(DateTimeOffset startUtc) =>
        Status == AttendanceStatus.CheckedIn && CorrectionReason is null && CheckedInUtc > startUtc;

    internal void CheckIn(DateTimeOffset now, string actor)
    {
        DomainRuleException.ThrowIf(Status == AttendanceStatus.CheckedIn,
            $"该考生已于{CheckedInUtc?.ToChinaDateTimeText()}签到，请勿重复签到");
        TransitionTo(AttendanceAction.CheckIn);
        CheckedInUtc = now;
        CheckedInBy = Guard.Required(actor, "签到人", ActorMaxLength);
    }

    internal void MarkAbsent() => TransitionTo(AttendanceAction.MarkAbsent);

    internal void CorrectAbsence(string? reason, DateTimeOffset now, string actor)
    {
        var why = Guard.Required(reason, "缺考更正原因", ReasonMaxLength);
        TransitionTo(AttendanceAction.CorrectAbsence);
        CorrectionReason = why;
        CheckedInUtc = now;
        CheckedInBy = Guard.Required(actor, "更正人", ActorMaxLength);
    }

    private void TransitionTo(AttendanceAction action) => Status = Transitions.Apply(Status, action);
}
