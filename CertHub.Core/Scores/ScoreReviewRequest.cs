using System.ComponentModel.DataAnnotations;
using CertHub.Core.Common;

namespace CertHub.Core.Scores;

/// <summary>
/// 复核状态. Allowed transitions: 待处理 —维持原成绩→ 维持原成绩; 待处理 —更正成绩→ 已更正. Both answers are final.
/// </summary>
public enum ScoreReviewStatus
{
    [Display(Name = "待处理")] Pending,
    [Display(Name = "维持原成绩")] Maintained,
    [Display(Name = "已更正")] Corrected,
}

/// <summary>复核处理.</summary>
public enum ScoreReviewAction
{
    [Display(Name = "维持原成绩")] Maintain,
    [Display(Name = "更正成绩")] Correct,
}

/// <summary>
/// 成绩复核: a school asks the organisation, during the 公示期, to check one <see cref="SubjectScore"/>. The answer
/// (opinion, who, when) is kept on the request itself; a correction also leaves a <see cref="ScoreCorrection"/> row.
/// </summary>
public sealed class ScoreReviewRequest : Entity
{
    public const int ReasonMaxLength = 500;
    public const int OpinionMaxLength = 500;
    public const int ActorNameMaxLength = 100;

    public static readonly TransitionTable<ScoreReviewStatus, ScoreReviewAction> Table = new TransitionTable<ScoreReviewStatus, ScoreReviewAction>()
        .Allow(ScoreReviewStatus.Pending, ScoreReviewAction.Maintain, ScoreReviewStatus.Maintained)
        .Allow(ScoreReviewStatus.Pending, ScoreReviewAction.Correct, ScoreReviewStatus.Corrected);

    private ScoreReviewRequest()
    {
    }

    public int SubjectScoreId { get; private set; }

    public int SchoolId { get; private set; }

    /// <summary>复核理由.</summary>
    public string Reason { get; private set; } = "";

    public string RequestedBy { get; private set; } = "";

    public DateTimeOffset RequestedUtc { get; private set; }

    public ScoreReviewStatus Status { get; private set; }

    /// <summary>处理意见.</summary>
    public string? Opinion { get; private set; }

    public string? AnsweredBy { get; private set; }

    public DateTimeOffset? AnsweredUtc { get; private set; }

    public bool CanAnswer => Table.CanApply(Status, ScoreReviewAction.Maintain);

    /// <summary>申请成绩复核: only during the 公示期, with a reason.</summary>
    public static ScoreReviewRequest File(int subjectScoreId, int schoolId, string reason, string requestedBy, DateTimeOffset nowUtc, ScoreWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        DomainRuleException.ThrowIf(!window.IsNoticeAt(nowUtc), "只能在成绩公示期内申请复核");
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(reason), "请填写复核理由");
        return new ScoreReviewRequest
        {
            SubjectScoreId = Guard.Positive(subjectScoreId, "科目成绩"),
            SchoolId = Guard.Positive(schoolId, "所属院校"),
            Reason = Guard.Required(reason, "复核理由", ReasonMaxLength),
            RequestedBy = Guard.Required(requestedBy, "申请人", ActorNameMaxLength),
            RequestedUtc = nowUtc,
            Status = ScoreReviewStatus.Pending,
        };
    }

    /// <summary>维持原成绩.</summary>
    public void Maintain(string opinion, string actorName, DateTimeOffset nowUtc) =>
        TransitionTo(ScoreReviewAction.Maintain, opinion, actorName, nowUtc);

    /// <summary>更正成绩: corrects <paramref name="score"/> (the reviewed one) with the opinion as reason, then closes the request.</summary>
    public void Correct(SubjectScore score, decimal? newScore, bool isAbsent, string opinion, string actorName, DateTimeOffset nowUtc, ScoreWindow window)
    {
        ArgumentNullException.ThrowIfNull(score);
        Table.Apply(Status, ScoreReviewAction.Correct);
        DomainRuleException.ThrowIf(score.Id != SubjectScoreId, "复核申请与科目成绩不对应");
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(opinion), "请填写处理意见");
        score.Correct(newScore, isAbsent, opinion, actorName, nowUtc, window);
        TransitionTo(ScoreReviewAction.Correct, opinion, actorName, nowUtc);
    }

    private void TransitionTo(ScoreReviewAction action, string opinion, string actorName, DateTimeOffset nowUtc)
    {
        var next = Table.Apply(Status, action);
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(opinion), "请填写处理意见");
        Opinion = Guard.Required(opinion, "处理意见", OpinionMaxLength);
        AnsweredBy = Guard.Required(actorName, "处理人", ActorNameMaxLength);
        AnsweredUtc = nowUtc;
        Status = next;
    }
}
