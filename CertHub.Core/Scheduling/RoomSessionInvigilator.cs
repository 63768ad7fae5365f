using CertHub.Core.Common;

namespace CertHub.Core.Scheduling;

/// <summary>场次监考人员: an invigilator assigned to a <see cref="RoomSession"/>.</summary>
public sealed class RoomSessionInvigilator : Entity
{
    private RoomSessionInvigilator()
    {
    }

    internal RoomSessionInvigilator(int invigilatorId, int schoolId)
    {
        InvigilatorId = invigilatorId;
        SchoolId = schoolId;
    }

    public int RoomSessionId { get; private set; }

    public int InvigilatorId { get; private set; }

    /// <summary>The invigilator's school (所在区域(院校)).</summary>
    public int SchoolId { get; private set; }
}
