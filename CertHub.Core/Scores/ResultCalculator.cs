namespace CertHub.Core.Scores;

/// <summary>A subject the certificate requires, with its 合格分.</summary>
public sealed record RequiredSubject(int SubjectId, decimal PassMark);

/// <summary>A recorded subject score as the calculation sees it.</summary>
public sealed record SubjectScoreValue(int SubjectId, decimal? Score, bool IsAbsent);

/// <summary>
/// 考证结果计算 (通过条件: 各科成绩合格): no score of a required subject → 未登记; scores not locked yet (公示期 not over)
/// → 登记中; locked: every required subject present, not 缺考 and ≥ 合格分 → 已通过, otherwise 未通过 (a required subject
/// still without a score when the 公示期 ends can never be recorded any more, so it fails like 缺考). Scores of subjects
/// that are not required are ignored.
/// </summary>
public static class ResultCalculator
{
    public static CertificateResultStatus Compute(IReadOnlyList<RequiredSubject> requiredSubjects, IReadOnlyList<SubjectScoreValue> scores, bool locked)
    {
        ArgumentNullException.ThrowIfNull(requiredSubjects);
        ArgumentNullException.ThrowIfNull(scores);
        var bySubject = scores
            .Where(s => requiredSubjects.Any(r => r.SubjectId == s.SubjectId))
            .GroupBy(s => s.SubjectId)
            .ToDictionary(g => g.Key, g => g.Last());
        if (requiredSubjects.Count == 0 || bySubject.Count == 0)
        {
            return CertificateResultStatus.NotRecorded;
        }

        if (!locked)
        {
            return CertificateResultStatus.Recording;
        }

        return requiredSubjects.All(r => bySubject.GetValueOrDefault(r.SubjectId) is { IsAbsent: false, Score: { } score } && score >= r.PassMark)
            ? CertificateResultStatus.Passed
            : CertificateResultStatus.Failed;
    }
}
