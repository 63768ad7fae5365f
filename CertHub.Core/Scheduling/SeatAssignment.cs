using CertHub.Core.Common;

namespace CertHub.Core.Scheduling;

/// <summary>座位安排: one registration seated in a <see cref="RoomSession"/>, with its 座位号 and 准考证号.</summary>
public sealed class SeatAssignment : Entity
{
    public const int AdmissionTicketNoMaxLength = AdmissionTicketNumber.Length;

    private SeatAssignment()
    {
    }

    internal SeatAssignment(int registrationId, int candidateId, int schoolId, int seatNo, string admissionTicketNo)
    {
        RegistrationId = registrationId;
        CandidateId = candidateId;
        SchoolId = schoolId;
        SeatNo = seatNo;
        AdmissionTicketNo = admissionTicketNo;
    }

    public int RoomSessionId { get; private set; }

    public int RegistrationId { get; private set; }

    public int CandidateId { get; private set; }

    /// <summary>The candidate's school (tenancy and spreading a school's candidates across seats).</summary>
    public int SchoolId { get; private set; }

    /// <summary>座位号, 1..座位数.</summary>
    public int SeatNo { get; private set; }

    /// <summary>准考证号 (see <see cref="AdmissionTicketNumber"/>).</summary>
    public string AdmissionTicketNo { get; private set; } = "";
}
