using CertHub.Core.Common;
using CertHub.Core.Imports;

namespace CertHub.Tests.Core.Imports;

public sealed class ImportRecordTests
{
    private static readonly DateTimeOffset T0 = new(2021, 9, 20, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_Should_SumTotal_When_Counts()
    {
        var record = ImportRecord.Create(ImportKind.ScoreImport, "成绩导入.xlsx", "wl", null, 3, 8, 2, "imports/failed.xlsx", T0);

        Assert.Equal((10, 8, 2), (record.TotalRows, record.SucceededRows, record.FailedRows));
        Assert.Equal("成绩导入", record.Kind.ToDisplayName());
    }

    [Fact]
    public void Create_Should_Throw_When_FileNameMissing()
    {
        Assert.Throws<DomainRuleException>(() => ImportRecord.Create(ImportKind.Other, "", "wl", null, null, 0, 0, null, T0));
        Assert.Throws<DomainRuleException>(() => ImportRecord.Create(ImportKind.Other, "a.xlsx", "wl", null, null, -1, 0, null, T0));
    }

    [Fact]
    public void Failed_Should_KeepReason_AndCountRowsReadAsFailed_When_ImportFailedAsAWhole()
    {
        var record = ImportRecord.Failed(ImportKind.CandidateImport, "考生.xlsx", "ustb", 1, null, 25_000, "数据库写入失败，导入未完成", T0);

        Assert.Equal((0, 25_000, 25_000, true, "数据库写入失败，导入未完成"),
            (record.SucceededRows, record.FailedRows, record.TotalRows, record.HasFailed, record.FailureReason));
        Assert.Null(record.FailedRowsFilePath);
    }

    [Fact]
    public void Create_Should_NotBeFailed_When_RowsWereRefused()
    {
        var record = ImportRecord.Create(ImportKind.CandidateImport, "考生.xlsx", "ustb", 1, null, 8, 2, "imports/failed.xlsx", T0);

        Assert.False(record.HasFailed);
        Assert.Null(record.FailureReason);
    }

    [Fact]
    public void MarkFailed_Should_TrimReason_And_CutItToTheMaximum_When_Long()
    {
        var record = ImportRecord.Create(ImportKind.CandidateImport, "考生.xlsx", "ustb", 1, null, 0, 0, null, T0);

        record.MarkFailed("  " + new string('错', ImportRecord.FailureReasonMaxLength + 50) + "  ");

        Assert.Equal(ImportRecord.FailureReasonMaxLength, record.FailureReason!.Length);
        Assert.EndsWith("…", record.FailureReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void MarkFailed_Should_Throw_When_ReasonMissing(string? reason)
    {
        var record = ImportRecord.Create(ImportKind.CandidateImport, "考生.xlsx", "ustb", 1, null, 0, 3, null, T0);

        var ex = Assert.Throws<DomainRuleException>(() => record.MarkFailed(reason!));

        Assert.Equal("导入失败原因不能为空", ex.Message);
        Assert.False(record.HasFailed);
    }

    [Fact]
    public void MarkFailed_Should_Throw_When_AlreadyFailed()
    {
        var record = ImportRecord.Failed(ImportKind.CandidateImport, "考生.xlsx", "ustb", 1, null, 0, "无法读取导入文件", T0);

        var ex = Assert.Throws<DomainRuleException>(() => record.MarkFailed("数据库写入失败"));

        Assert.Equal("该导入记录已标记为导入失败", ex.Message);
        Assert.Equal("无法读取导入文件", record.FailureReason);
    }

    [Fact]
    public void MarkFailed_Should_Throw_When_RowsWereImported()
    {
        var record = ImportRecord.Create(ImportKind.CandidateImport, "考生.xlsx", "ustb", 1, null, 5, 1, null, T0);

        var ex = Assert.Throws<DomainRuleException>(() => record.MarkFailed("数据库写入失败"));

        Assert.Equal("已有数据导入成功，不能标记为导入失败", ex.Message);
        Assert.False(record.HasFailed);
    }

    [Fact]
    public void ImportOutcome_Should_CountFailedRowsOnce_When_RowHasSeveralErrors()
    {
        var outcome = new ImportOutcome<string>(["a", "b"], [new(3, "身份证号格式不正确"), new(3, "姓名不能为空"), new(5, "重复")]);

        Assert.Equal((2, 2, 4, true), (outcome.SucceededRows, outcome.FailedRows, outcome.TotalRows, outcome.HasErrors));
    }
}
