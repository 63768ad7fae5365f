using CertHub.Core.Common;

namespace CertHub.Core.Scheduling;

/// <summary>
/// 考场场次: one exam room used for one subject of one exam plan at one time, with its seats (座位) and up to two
/// invigilators (监考人员).
/// </summary>
public sealed class RoomSession : Entity
{
    public const int MaxInvigilators = 2;

    private readonly List<SeatAssignment> _seats = [];
    private readonly List<RoomSessionInvigilator> _invigilators = [];

    private RoomSession()
    {
    }

    public int ExamPlanId { get; private set; }

    public int ExamRoomId { get; private set; }

    public int SubjectId { get; private set; }

    public DateTimeOffset StartUtc { get; private set; }

    public DateTimeOffset EndUtc { get; private set; }

    /// <summary>座位数 available in this session.</summary>
    public int Capacity { get; private set; }

    public IReadOnlyList<SeatAssignment> Seats => _seats;

    public IReadOnlyList<RoomSessionInvigilator> Invigilators => _invigilators;

    public int SeatedCount => _seats.Count;

    public int FreeSeats => Capacity - _seats.Count;

    public bool IsFull => _seats.Count >= Capacity;

    public bool HasEnoughInvigilators => _invigilators.Count >= MaxInvigilators;

    public static RoomSession Create(int examPlanId, int examRoomId, int subjectId, DateTimeOffset startUtc, DateTimeOffset endUtc, int capacity)
    {
        var session = new RoomSession
        {
            ExamPlanId = Guard.Positive(examPlanId, "考试计划"),
            ExamRoomId = Guard.Positive(examRoomId, "考场"),
            SubjectId = Guard.Positive(subjectId, "考试科目"),
        };
        session.Reschedule(startUtc, endUtc);
        session.ChangeCapacity(capacity);
        return session;
    }

    /// <summary>Whether this session overlaps [<paramref name="startUtc"/>, <paramref name="endUtc"/>) (used for "no candidate in two places at once").</summary>
    public bool Overlaps(DateTimeOffset startUtc, DateTimeOffset endUtc) => StartUtc < endUtc && startUtc < EndUtc;

    public void Reschedule(DateTimeOffset startUtc, DateTimeOffset endUtc)
    {
        DomainRuleException.ThrowIf(endUtc <= startUtc, "考试结束时间必须晚于开始时间");
        StartUtc = startUtc;
        EndUtc = endUtc;
    }

    /// <summary>座位数; never below the number already seated.</summary>
    public void ChangeCapacity(int capacity)
    {
        Guard.Positive(capacity, "座位数");
        DomainRuleException.ThrowIf(capacity < _seats.Count, $"已安排{_seats.Count}个座位，座位数不能小于已排考人数");
        DomainRuleException.ThrowIf(_seats.Any(s => s.SeatNo > capacity), "已安排的座位号超出新的座位数");
        Capacity = capacity;
    }

    /// <summary>The lowest free seat number, or null when the session is full.</summary>
    public int? NextFreeSeatNo()
    {
        for (var seat = 1; seat <= Capacity; seat++)
        {
            if (_seats.All(s => s.SeatNo != seat))
            {
                return seat;
            }
        }

        return null;
    }

    /// <summary>排考: seats a registration at <paramref name="seatNo"/> (1..座位数, free) with its 准考证号.</summary>
    public SeatAssignment AssignSeat(int registrationId, int candidateId, int schoolId, int seatNo, string admissionTicketNo)
    {
        Guard.Positive(registrationId, "报考记录");
        DomainRuleException.ThrowIf(seatNo < 1 || seatNo > Capacity, $"座位号应在1到{Capacity}之间");
        DomainRuleException.ThrowIf(_seats.Any(s => s.SeatNo == seatNo), $"座位号{seatNo}已被占用");
        DomainRuleException.ThrowIf(_seats.Any(s => s.RegistrationId == registrationId), "该考生已在本场次排考");
        var seat = new SeatAssignment(
            registrationId,
            Guard.Positive(candidateId, "考生"),
            Guard.Positive(schoolId, "所属院校"),
            seatNo,
            Guard.Required(admissionTicketNo, "准考证号", SeatAssignment.AdmissionTicketNoMaxLength));
        _seats.Add(seat);
        return seat;
    }

    /// <summary>取消排考 of one registration.</summary>
    public void RemoveSeat(int registrationId)
    {
        var seat = _seats.FirstOrDefault(s => s.RegistrationId == registrationId)
            ?? throw new DomainRuleException("该考生未在本场次排考");
        _seats.Remove(seat);
    }

    /// <summary>安排监考人员: at most two per session, each once.</summary>
    public RoomSessionInvigilator AssignInvigilator(int invigilatorId, int schoolId)
    {
        Guard.Positive(invigilatorId, "监考人员");
        DomainRuleException.ThrowIf(_invigilators.Any(i => i.InvigilatorId == invigilatorId), "该监考人员已安排在本场次");
        DomainRuleException.ThrowIf(_invigilators.Count >= MaxInvigilators, $"每个考场场次最多安排{MaxInvigilators}名监考人员");
        var invigilator = new RoomSessionInvigilator(invigilatorId, Guard.Positive(schoolId, "监考人员所在院校"));
        _invigilators.Add(invigilator);
        return invigilator;
    }

    public void RemoveInvigilator(int invigilatorId)
    {
        var invigilator = _invigilators.FirstOrDefault(i => i.InvigilatorId == invigilatorId)
            ?? throw new DomainRuleException("该监考人员未安排在本场次");
        _invigilators.Remove(invigilator);
    }
}
