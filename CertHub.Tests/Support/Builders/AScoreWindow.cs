using CertHub.Core.Scores;

namespace CertHub.Tests.Support.Builders;

/// <summary>A score window: entry 2021-09-20..25, notice 2021-09-25..30 (UTC, half-open).</summary>
public static class AScoreWindow
{
    public static readonly DateTimeOffset EntryStart = new(2021, 9, 20, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset EntryEnd = new(2021, 9, 25, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset NoticeStart = EntryEnd;
    public static readonly DateTimeOffset NoticeEnd = new(2021, 9, 30, 0, 0, 0, TimeSpan.Zero);

    public static ScoreWindow Default() => new(EntryStart, EntryEnd, NoticeStart, NoticeEnd);

    /// <summary>
    /// A subject score of 80 out of 100 (pass mark 60), recorded at the entry start; its Id is set to the registration id
    /// as if it had been saved (pass <paramref name="saved"/> false for a new, unsaved one). It belongs to plan
    /// <paramref name="examPlanId"/> and candidate <paramref name="candidateId"/> (by default the registration id).
    /// </summary>
    public static SubjectScore Score(int registrationId = 1, int subjectId = 1, decimal? score = 80m, bool absent = false, bool saved = true, int examPlanId = 1, int? candidateId = null)
    {
        var recorded = SubjectScore.Record(examPlanId, subjectId, candidateId ?? registrationId, registrationId, score, absent, 100m, 60m, EntryStart);
        if (saved)
        {
            typeof(SubjectScore).GetProperty(nameof(SubjectScore.Id))!.SetValue(recorded, registrationId);
        }

        return recorded;
    }
}
