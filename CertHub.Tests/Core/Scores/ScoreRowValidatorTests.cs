using CertHub.Core.Scores.Import;

namespace CertHub.Tests.Core.Scores;

public sealed class ScoreRowValidatorTests
{
    private static readonly ScoreSeat Theory = new(1, 11, 5, "T0001", "C001", "张三", 101, "KM001", 100m, 60m);
    private static readonly ScoreSeat Practice = new(1, 11, 5, "T0002", "C001", "张三", 102, "KM002", 50m, 30m);

    private static ScoreRowValidator Validator() => new([Theory, Practice]);

    private static ScoreImportRow Row(string? ticket = "T0001", string? no = "C001", string? name = "张三", string? code = "KM001", string? score = "80") =>
        new(2, ticket, no, name, code, score);

    [Theory]
    [InlineData("80", 80, false)]
    [InlineData(" 59.5 ", 59.5, false)]
    [InlineData("0", 0, false)]
    [InlineData("100", 100, false)]
    public void Validate_Should_AcceptScore_When_WithinFullMark(string text, double expected, bool absent)
    {
        var (valid, reason) = Validator().Validate(Row(score: text));

        Assert.Null(reason);
        Assert.Equal(((decimal?)expected, absent, 101), (valid!.Score, valid.IsAbsent, valid.Seat.SubjectId));
    }

    [Fact]
    public void Validate_Should_AcceptAbsentMark_When_缺考()
    {
        var (valid, _) = Validator().Validate(Row(score: "缺考"));

        Assert.Equal(((decimal?)null, true), (valid!.Score, valid.IsAbsent));
    }

    [Theory]
    [InlineData("T0002", "KM002", "60", "成绩应在0到50之间")]
    [InlineData("T0001", "KM001", "80.55", "成绩最多保留一位小数")]
    [InlineData("T0001", "KM001", "abc", "成绩应为数字或“缺考”")]
    [InlineData("T0001", "KM002", "40", "该考生未参加该科目的考试（准考证号与科目编号不对应）")]
    [InlineData("T9999", "KM001", "40", "准考证号不存在或不属于该考试计划")]
    public void Validate_Should_Refuse_When_RowBreaksARule(string ticket, string code, string score, string expected)
    {
        var (valid, reason) = Validator().Validate(Row(ticket: ticket, code: code, score: score));

        Assert.Null(valid);
        Assert.Equal(expected, reason);
    }

    [Fact]
    public void Validate_Should_ListMissingColumns_When_Empty()
    {
        var (_, reason) = Validator().Validate(Row(ticket: " ", name: null, score: ""));

        Assert.Equal("准考证号、姓名、成绩不能为空", reason);
    }

    [Fact]
    public void Validate_Should_RefuseSecond_When_SameCandidateAndSubjectTwice()
    {
        var validator = Validator();

        var first = validator.Validate(Row());
        var otherSubject = validator.Validate(Row(ticket: "T0002", code: "km002", score: "40"));
        var second = validator.Validate(Row(score: "90"));

        Assert.NotNull(first.Valid);
        Assert.NotNull(otherSubject.Valid);
        Assert.Equal("文件中该考生该科目的成绩重复", second.Reason);
    }
}
