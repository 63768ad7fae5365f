using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.CheckIn;

/// <summary>
/// 缺考 as 考场签到 recorded it, for the score import: a score (not marked 缺考) for a registration and subject whose
/// attendance is 缺考 is refused per row until the organisation corrects the absence with a reason (缺考更正).
/// </summary>
public static class Absences
{
    public const string ScoreRefused = "该考生本科目考场签到记录为缺考，不能登记成绩；如考生实际参加了考试，请先在考场签到名单中进行缺考更正（填写原因）";

    /// <summary>The (registration, subject) pairs of the plan marked 缺考 at check-in.</summary>
    public static async Task<HashSet<(int RegistrationId, int SubjectId)>> OfPlanAsync(ICertHubDb db, int planId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (
            from a in db.Set<Attendance>().IgnoreQueryFilters().AsNoTracking()
            join r in db.Set<RoomRoster>().IgnoreQueryFilters() on a.RoomRosterId equals r.Id
            where r.ExamPlanId == planId && a.Status == AttendanceStatus.Absent
            select new { a.RegistrationId, r.SubjectId })
            .ToListAsync(ct);
        return [.. rows.Select(x => (x.RegistrationId, x.SubjectId))];
    }

    /// <summary>Whether a score row must be refused: a real score (not 缺考) for a pair marked 缺考.</summary>
    public static bool RefusesScore(IReadOnlySet<(int RegistrationId, int SubjectId)> absent, int registrationId, int subjectId, bool rowIsAbsent)
    {
        ArgumentNullException.ThrowIfNull(absent);
        return !rowIsAbsent && absent.Contains((registrationId, subjectId));
    }
}
