using CertHub.Web.Documents.Excel;
using MiniExcelLibs;

namespace CertHub.Tests.Web.Security;

/// <summary>CSV/formula injection: every exported text cell that a spreadsheet could run is written as text (leading apostrophe).</summary>
public sealed class FormulaGuardTests
{
    [Theory]
    [InlineData("=1+1")]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"点击\")")]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1+1)*cmd|' /C calc'!A0")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void Neutralize_Should_PrefixAnApostrophe_When_TheTextCouldBeAFormula(string payload)
    {
        Assert.Equal("'" + payload, FormulaGuard.Neutralize(payload));
        Assert.Equal(payload, FormulaGuard.Restore(FormulaGuard.Neutralize(payload)));
    }

    [Theory]
    [InlineData("张三")]
    [InlineData("-12.5")]
    [InlineData("+8613812345678")]
    [InlineData("-")]
    [InlineData("")]
    [InlineData("a=b")]
    [InlineData("'已是文本")]
    public void Neutralize_Should_LeaveHarmlessTextAlone(string text)
    {
        Assert.Equal(text, FormulaGuard.Neutralize(text));
        Assert.Equal(text, FormulaGuard.Restore(text));
    }

    [Fact]
    public void Neutralize_Should_LeaveNumbersAndDatesAlone()
    {
        Assert.Equal(-3m, FormulaGuard.Neutralize(-3m));
        Assert.Null(FormulaGuard.Neutralize((object?)null));
    }

    [Fact]
    public async Task ExportAsync_Should_NeutraliseEveryDangerousCell_OfEveryExport()
    {
        string[] payloads = ["=1+1", "+1+cmd", "-1+cmd", "@A1", "\t=1", "\r=1", "普通文本"];
        var rows = payloads.Select((p, i) => (Name: p, Count: -i)).ToList();

        await using var xlsx = await XlsxExporter.ExportAsync(rows, [new("姓名", r => r.Name), new("数量", r => r.Count)]);
        var read = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(payloads.Length, read.Count);
        for (var i = 0; i < payloads.Length; i++)
        {
            var cell = (string)read[i]["姓名"]!;
            Assert.Equal(i < payloads.Length - 1, cell.StartsWith('\'') && cell.TrimStart('\'', '\t', '\r', '\n') == payloads[i].TrimStart('\t', '\r'));
            Assert.Equal(-i, Convert.ToInt32(read[i]["数量"], System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
