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
    public void ImportOutcome_Should_CountFailedRowsOnce_When_RowHasSeveralErrors()
    {
        var outcome = new ImportOutcome<string>(["a", "b"], [new(3, "身份证号格式不正确"), new(3, "姓名不能为空"), new(5, "重复")]);

        Assert.Equal((2, 2, 4, true), (outcome.SucceededRows, outcome.FailedRows, outcome.TotalRows, outcome.HasErrors));
    }
}
