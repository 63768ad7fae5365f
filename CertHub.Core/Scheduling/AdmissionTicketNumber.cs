using System.Globalization;
using CertHub.Core.Common;

namespace CertHub.Core.Scheduling;

/// <summary>
/// 准考证号: 26 digits = exam plan id (6, zero-padded) + subject code (11 digits, zero-padded on the left) + exam room id
/// (6, zero-padded) + seat number (3, zero-padded), e.g. plan 16, subject 40000001101, room 7, seat 12 →
/// <c>00001640000001101000007012</c>. It is unique per plan + subject + room + seat; when one room holds several
/// sessions of the same subject, the scheduler numbers their seats apart (seat numbers ≤ 999).
/// </summary>
public static class AdmissionTicketNumber
{
    public const int Length = 26;
    public const int SubjectCodeDigits = 11;

    public static string Format(int examPlanId, string subjectCode, int examRoomId, int seatNo)
    {
        DomainRuleException.ThrowIf(examPlanId is < 1 or > 999_999, "考试计划编号超出准考证号范围");
        DomainRuleException.ThrowIf(examRoomId is < 1 or > 999_999, "考场编号超出准考证号范围");
        DomainRuleException.ThrowIf(seatNo is < 1 or > 999, "座位号应在1到999之间");
        var code = subjectCode?.Trim() ?? "";
        DomainRuleException.ThrowIf(code.Length is 0 or > SubjectCodeDigits || !code.All(char.IsAsciiDigit),
            $"科目编号应为不超过{SubjectCodeDigits}位的数字");
        return string.Create(CultureInfo.InvariantCulture,
            $"{examPlanId:D6}{code.PadLeft(SubjectCodeDigits, '0')}{examRoomId:D6}{seatNo:D3}");
    }

    /// <summary>
    /// The 准考证号 of a seat when the subject's 科目编号 may not be a number (e.g. KM001): the code itself when it is at most
    /// 11 digits, else the subject's id.
    /// </summary>
    public static string ForSubject(int examPlanId, string subjectCode, int subjectId, int examRoomId, int seatNo)
    {
        var code = subjectCode?.Trim() ?? "";
        var usable = code.Length is > 0 and <= SubjectCodeDigits && code.All(char.IsAsciiDigit);
        return Format(examPlanId, usable ? code : subjectId.ToString(CultureInfo.InvariantCulture), examRoomId, seatNo);
    }
}
