using CertHub.Core.Common;

namespace CertHub.Core.Scores;

/// <summary>
/// 科目成绩: one registration's score in one subject of an exam plan (or 缺考). Changed only through
/// <see cref="Correct"/>, which keeps a <see cref="ScoreCorrection"/> row; locked after the 公示期.
/// </summary>
public sealed class SubjectScore : Entity
{
    public const int ReasonMaxLength = 500;
    public const int ActorNameMaxLength = 100;
    public const string LockedMessage = "公示期已结束，成绩已锁定，不能修改";

    /// <summary>Decimal places a score may have (成绩最多保留一位小数).</summary>
    public const int MaxDecimals = 1;

    private readonly List<ScoreCorrection> _corrections = [];

    private SubjectScore()
    {
    }

    public int ExamPlanId { get; private set; }

    public int SubjectId { get; private set; }

    public int CandidateId { get; private set; }

    public int RegistrationId { get; private set; }

    /// <summary>成绩; null when 缺考.</summary>
    public decimal? Score { get; private set; }

    /// <summary>缺考.</summary>
    public bool IsAbsent { get; private set; }

    /// <summary>满分.</summary>
    public decimal FullMark { get; private set; }

    /// <summary>合格分 (考试通过条件).</summary>
    public decimal PassMark { get; private set; }

    public DateTimeOffset EnteredUtc { get; private set; }

    public IReadOnlyList<ScoreCorrection> Corrections => _corrections;

    /// <summary>合格: present and at least the pass mark.</summary>
    public bool IsPassed => !IsAbsent && Score is { } s && s >= PassMark;

    /// <summary>Whether the score may still be changed at <paramref name="now"/> (with a reason in the 公示期).</summary>
    public static bool CanCorrectAt(ScoreWindow window, DateTimeOffset now) =>
        window is not null && (window.IsEntryOpenAt(now) || window.IsNoticeAt(now));

    /// <summary>成绩导入: records a score (0..满分) or 缺考 (no score).</summary>
    public static SubjectScore Record(int examPlanId, int subjectId, int candidateId, int registrationId,
        decimal? score, bool isAbsent, decimal fullMark, decimal passMark, DateTimeOffset nowUtc)
    {
        DomainRuleException.ThrowIf(fullMark <= 0, "满分必须大于0");
        DomainRuleException.ThrowIf(passMark < 0 || passMark > fullMark, "合格分应在0到满分之间");
        EnsureValid(score, isAbsent, fullMark);
        return new SubjectScore
        {
            ExamPlanId = Guard.Positive(examPlanId, "考试计划"),
            SubjectId = Guard.Positive(subjectId, "考试科目"),
            CandidateId = Guard.Positive(candidateId, "考生"),
            RegistrationId = Guard.Positive(registrationId, "报考记录"),
            Score = isAbsent ? null : score,
            IsAbsent = isAbsent,
            FullMark = fullMark,
            PassMark = passMark,
            EnteredUtc = nowUtc,
        };
    }

    /// <summary>
    /// 修改成绩: in the 成绩登记时间 freely, in the 公示期 only with a reason; after the 公示期 never
    /// ("公示期已结束，成绩已锁定，不能修改"). Keeps a correction row.
    /// </summary>
    public ScoreCorrection Correct(decimal? newScore, bool isAbsent, string? reason, string actorName, DateTimeOffset nowUtc, ScoreWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        DomainRuleException.ThrowIf(window.IsLockedAt(nowUtc), LockedMessage);
        var inEntry = window.IsEntryOpenAt(nowUtc);
        DomainRuleException.ThrowIf(!inEntry && !window.IsNoticeAt(nowUtc), "当前不在成绩登记时间或公示期内，不能修改成绩");
        DomainRuleException.ThrowIf(!inEntry && string.IsNullOrWhiteSpace(reason), "公示期内修改成绩必须填写修改原因");
        EnsureValid(newScore, isAbsent, FullMark);
        var correction = new ScoreCorrection(Score, isAbsent ? null : newScore, IsAbsent, isAbsent,
            Guard.Optional(reason, "修改原因", ReasonMaxLength),
            Guard.Required(actorName, "操作人", ActorNameMaxLength), nowUtc);
        _corrections.Add(correction);
        Score = isAbsent ? null : newScore;
        IsAbsent = isAbsent;
        return correction;
    }

    /// <summary>Whether the score already holds this value (re-submitting the same score is a no-op).</summary>
    public bool Holds(decimal? score, bool isAbsent) => SameValue(Score, IsAbsent, score, isAbsent);

    /// <summary>Whether a stored value (<paramref name="storedScore"/>, <paramref name="storedAbsent"/>) equals a submitted one (for rows read without the entity).</summary>
    public static bool SameValue(decimal? storedScore, bool storedAbsent, decimal? score, bool isAbsent) =>
        isAbsent ? storedAbsent : !storedAbsent && storedScore == score;

    /// <summary>The value the result calculation needs.</summary>
    public SubjectScoreValue ToValue() => new(SubjectId, Score, IsAbsent);

    /// <summary>A score (0..满分, at most one decimal) or 缺考 without a score; the import checks rows with it.</summary>
    public static void EnsureValid(decimal? score, bool isAbsent, decimal fullMark)
    {
        if (isAbsent)
        {
            DomainRuleException.ThrowIf(score is not null, "缺考的考生不能有成绩");
            return;
        }

        DomainRuleException.ThrowIf(score is null, "成绩不能为空");
        DomainRuleException.ThrowIf(score < 0 || score > fullMark, $"成绩应在0到{fullMark:0.##}之间");
        DomainRuleException.ThrowIf(decimal.Round(score!.Value, MaxDecimals) != score, "成绩最多保留一位小数");
    }
}

/// <summary>成绩修改记录.</summary>
public sealed class ScoreCorrection : Entity
{
    private ScoreCorrection()
    {
    }

    internal ScoreCorrection(decimal? oldScore, decimal? newScore, bool oldAbsent, bool newAbsent, string? reason, string actorName, DateTimeOffset atUtc)
    {
        OldScore = oldScore;
        NewScore = newScore;
        OldAbsent = oldAbsent;
        NewAbsent = newAbsent;
        Reason = reason;
        ActorName = actorName;
        AtUtc = atUtc;
    }

    public int SubjectScoreId { get; private set; }

    public decimal? OldScore { get; private set; }

    public decimal? NewScore { get; private set; }

    public bool OldAbsent { get; private set; }

    public bool NewAbsent { get; private set; }

    /// <summary>修改原因 (required in the 公示期).</summary>
    public string? Reason { get; private set; }

    public string ActorName { get; private set; } = "";

    public DateTimeOffset AtUtc { get; private set; }
}
