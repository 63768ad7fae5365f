using CertHub.Core.Scheduling;

namespace CertHub.Core.CheckIn;

/// <summary>The refusal texts of 考场签到 that tell the invigilator where to send the candidate.</summary>
public static class CheckInRefusals
{
    /// <summary>该考生不在本考场场次，应到：第二考场，座位号3，实操技能，考试时间2021-09-17 16:00~17:00</summary>
    public static string WrongPlace(string roomName, int seatNo, string subjectName, DateTimeOffset startUtc, DateTimeOffset endUtc) =>
        $"该考生不在本考场场次，应到：{roomName}，座位号{seatNo}，{subjectName}，考试时间{ScheduleText.ExamTime(startUtc, endUtc)}";
}
