using CertHub.Core.Common;
using CertHub.Core.Scores;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Core.Scores;

public sealed class ScoreReviewRequestTests
{
    private static readonly ScoreWindow Window = AScoreWindow.Default();
    private static readonly DateTimeOffset InNotice = AScoreWindow.NoticeStart.AddDays(1);

    public enum Verb
    {
        Maintain,
        Correct,
    }

    private static readonly Dictionary<(ScoreReviewStatus, Verb), ScoreReviewStatus> Allowed = new()
    {
        [(ScoreReviewStatus.Pending, Verb.Maintain)] = ScoreReviewStatus.Maintained,
        [(ScoreReviewStatus.Pending, Verb.Correct)] = ScoreReviewStatus.Corrected,
    };

    public static TheoryData<ScoreReviewStatus, Verb> AllPairs()
    {
        var data = new TheoryData<ScoreReviewStatus, Verb>();
        foreach (var status in Enum.GetValues<ScoreReviewStatus>())
        {
            foreach (var verb in Enum.GetValues<Verb>())
            {
                data.Add(status, verb);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Answer_Should_FollowTable_When_AppliedInAnyStatus(ScoreReviewStatus status, Verb verb)
    {
        var score = AScoreWindow.Score();
        var request = Build(status, score);

        if (Allowed.TryGetValue((status, verb), out var expected))
        {
            Apply(request, score, verb);
            Assert.Equal(expected, request.Status);
            Assert.Equal("处理意见", request.Opinion);
        }
        else
        {
            Assert.Throws<DomainRuleException>(() => Apply(request, score, verb));
            Assert.Equal(status, request.Status);
        }
    }

    [Fact]
    public void File_Should_Throw_When_OutsideNotice()
    {
        var ex = Assert.Throws<DomainRuleException>(() => ScoreReviewRequest.File(1, 1, "分数偏低", "ustb", AScoreWindow.NoticeEnd, Window));
        Assert.Equal("只能在成绩公示期内申请复核", ex.Message);
        Assert.Throws<DomainRuleException>(() => ScoreReviewRequest.File(1, 1, "分数偏低", "ustb", AScoreWindow.EntryStart, Window));
    }

    [Fact]
    public void File_Should_Throw_When_ReasonMissing()
    {
        var ex = Assert.Throws<DomainRuleException>(() => ScoreReviewRequest.File(1, 1, "", "ustb", InNotice, Window));
        Assert.Equal("请填写复核理由", ex.Message);
    }

    [Fact]
    public void Correct_Should_ChangeScoreWithOpinionAsReason_When_Pending()
    {
        var score = AScoreWindow.Score();
        var request = ScoreReviewRequest.File(score.Id, 1, "分数偏低", "ustb", InNotice, Window);

        request.Correct(score, 88m, false, "漏计一题", "wl", InNotice.AddHours(1), Window);

        Assert.Equal(ScoreReviewStatus.Corrected, request.Status);
        Assert.Equal(88m, score.Score);
        Assert.Equal("漏计一题", score.Corrections[^1].Reason);
    }

    [Fact]
    public void Maintain_Should_Throw_When_OpinionMissing()
    {
        var request = ScoreReviewRequest.File(1, 1, "分数偏低", "ustb", InNotice, Window);

        Assert.Throws<DomainRuleException>(() => request.Maintain(" ", "wl", InNotice));
        Assert.True(request.CanAnswer);
    }

    private static ScoreReviewRequest Build(ScoreReviewStatus status, SubjectScore score)
    {
        var request = ScoreReviewRequest.File(score.Id, 1, "分数偏低", "ustb", InNotice, Window);
        switch (status)
        {
            case ScoreReviewStatus.Maintained:
                request.Maintain("处理意见", "wl", InNotice);
                break;
            case ScoreReviewStatus.Corrected:
                request.Correct(score, 70m, false, "处理意见", "wl", InNotice, Window);
                break;
        }

        return request;
    }

    private static void Apply(ScoreReviewRequest request, SubjectScore score, Verb verb)
    {
        if (verb == Verb.Maintain)
        {
            request.Maintain("处理意见", "wl", InNotice.AddHours(1));
        }
        else
        {
            request.Correct(score, 90m, false, "处理意见", "wl", InNotice.AddHours(1), Window);
        }
    }
}
