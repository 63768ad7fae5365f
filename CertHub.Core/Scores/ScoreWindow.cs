namespace CertHub.Core.Scores;

/// <summary>
/// 成绩登记时间 and 公示期 of an exam plan. Both are half-open intervals [start, end): at the notice end instant the
/// scores are locked (永久锁定).
/// </summary>
public sealed record ScoreWindow(DateTimeOffset ScoreEntryStartUtc, DateTimeOffset ScoreEntryEndUtc, DateTimeOffset NoticeStartUtc, DateTimeOffset NoticeEndUtc)
{
    /// <summary>In the 成绩登记时间: scores may be imported and changed without a reason.</summary>
    public bool IsEntryOpenAt(DateTimeOffset now) => now >= ScoreEntryStartUtc && now < ScoreEntryEndUtc;

    /// <summary>In the 公示期: scores are public; changes need a reason; 成绩复核 may be filed.</summary>
    public bool IsNoticeAt(DateTimeOffset now) => now >= NoticeStartUtc && now < NoticeEndUtc;

    /// <summary>After the 公示期: scores are final.</summary>
    public bool IsLockedAt(DateTimeOffset now) => now >= NoticeEndUtc;
}
