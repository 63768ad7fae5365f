using CertHub.Core.Common;
using CertHub.Core.Scores;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Core.Scores;

public sealed class SubjectScoreTests
{
    private static readonly ScoreWindow Window = AScoreWindow.Default();

    [Theory]
    [InlineData(0)]
    [InlineData(59.5)]
    [InlineData(100)]
    public void Record_Should_Accept_When_ScoreWithinZeroAndFullMark(double score)
    {
        var recorded = AScoreWindow.Score(score: (decimal)score);

        Assert.Equal((decimal)score, recorded.Score);
        Assert.False(recorded.IsAbsent);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(100.5)]
    public void Record_Should_Throw_When_ScoreOutsideRange(double score)
    {
        var ex = Assert.Throws<DomainRuleException>(() => AScoreWindow.Score(score: (decimal)score));
        Assert.Equal("成绩应在0到100之间", ex.Message);
    }

    [Fact]
    public void Record_Should_Throw_When_MoreThanOneDecimal()
    {
        var ex = Assert.Throws<DomainRuleException>(() => AScoreWindow.Score(score: 80.25m));
        Assert.Equal("成绩最多保留一位小数", ex.Message);
    }

    [Fact]
    public void Holds_Should_MatchSameValueOnly_When_Compared()
    {
        var score = AScoreWindow.Score(score: 80m);
        var absent = AScoreWindow.Score(score: null, absent: true);

        Assert.Equal([true, false, false], new[] { score.Holds(80.0m, false), score.Holds(81m, false), score.Holds(null, true) });
        Assert.Equal([true, false], new[] { absent.Holds(null, true), absent.Holds(0m, false) });
    }

    [Fact]
    public void Record_Should_Throw_When_NeitherScoreNorAbsent()
    {
        var ex = Assert.Throws<DomainRuleException>(() => AScoreWindow.Score(score: null));
        Assert.Equal("成绩不能为空", ex.Message);
    }

    [Fact]
    public void Record_Should_KeepNoScore_When_Absent()
    {
        var recorded = AScoreWindow.Score(score: null, absent: true);

        Assert.True(recorded.IsAbsent);
        Assert.Null(recorded.Score);
        Assert.False(recorded.IsPassed);
        Assert.Throws<DomainRuleException>(() => AScoreWindow.Score(score: 50m, absent: true));
    }

    [Fact]
    public void Record_Should_Throw_When_PassMarkAboveFullMark()
    {
        Assert.Throws<DomainRuleException>(() => SubjectScore.Record(1, 1, 1, 1, 50m, false, 100m, 101m, AScoreWindow.EntryStart));
    }

    [Fact]
    public void Correct_Should_AllowWithoutReason_When_InEntryWindow()
    {
        var score = AScoreWindow.Score();

        score.Correct(85m, false, null, "中物联(wl)", AScoreWindow.EntryStart, Window);

        Assert.Equal(85m, score.Score);
        var correction = Assert.Single(score.Corrections);
        Assert.Equal((80m, 85m, false, false, (string?)null), (correction.OldScore!.Value, correction.NewScore!.Value, correction.OldAbsent, correction.NewAbsent, correction.Reason));
    }

    [Fact]
    public void Correct_Should_RequireReason_When_NoticeStartsAtEntryEnd()
    {
        var score = AScoreWindow.Score();

        var ex = Assert.Throws<DomainRuleException>(() => score.Correct(85m, false, " ", "wl", AScoreWindow.NoticeStart, Window));
        Assert.Equal("公示期内修改成绩必须填写修改原因", ex.Message);

        score.Correct(85m, false, "阅卷复核", "wl", AScoreWindow.NoticeStart, Window);
        Assert.Equal("阅卷复核", score.Corrections[^1].Reason);
    }

    [Fact]
    public void Correct_Should_AllowWithReason_When_LastTickOfNotice()
    {
        var score = AScoreWindow.Score();

        score.Correct(null, true, "确认缺考", "wl", AScoreWindow.NoticeEnd.AddTicks(-1), Window);

        Assert.True(score.IsAbsent);
        Assert.Null(score.Score);
    }

    [Fact]
    public void Correct_Should_ThrowLocked_When_NoticeEnded()
    {
        var score = AScoreWindow.Score();

        var ex = Assert.Throws<DomainRuleException>(() => score.Correct(90m, false, "理由", "wl", AScoreWindow.NoticeEnd, Window));
        Assert.Equal("公示期已结束，成绩已锁定，不能修改", ex.Message);
        Assert.Equal(80m, score.Score);
        Assert.True(Window.IsLockedAt(AScoreWindow.NoticeEnd));
        Assert.False(Window.IsLockedAt(AScoreWindow.NoticeEnd.AddTicks(-1)));
    }

    [Fact]
    public void Correct_Should_Throw_When_BeforeEntryWindow()
    {
        var score = AScoreWindow.Score();

        var ex = Assert.Throws<DomainRuleException>(() => score.Correct(90m, false, "理由", "wl", AScoreWindow.EntryStart.AddTicks(-1), Window));
        Assert.Equal("当前不在成绩登记时间或公示期内，不能修改成绩", ex.Message);
    }

    [Fact]
    public void Correct_Should_Throw_When_NewScoreOutOfRange()
    {
        var score = AScoreWindow.Score();

        Assert.Throws<DomainRuleException>(() => score.Correct(101m, false, null, "wl", AScoreWindow.EntryStart, Window));
        Assert.Empty(score.Corrections);
    }
}
