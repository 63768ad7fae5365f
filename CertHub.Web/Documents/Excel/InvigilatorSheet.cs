using CertHub.Core.Invigilators.Import;
using MiniExcelLibs;

namespace CertHub.Web.Documents.Excel;

/// <summary>The 监考人员 import template, streamed reading of an uploaded sheet and the failed-rows file (MiniExcel).</summary>
public sealed class InvigilatorSheet : IInvigilatorSheet
{
    public IEnumerable<InvigilatorImportRow> ReadRows(Stream xlsx)
    {
        var rowNumber = 1;
        foreach (IDictionary<string, object?> cells in xlsx.Query(useHeaderRow: true))
        {
            rowNumber++;
            yield return new InvigilatorImportRow(rowNumber, InvigilatorImportTemplate.Headers.ToDictionary(
                h => h, h => cells.TryGetValue(h, out var value) ? CandidateSheet.Text(value) : null));
        }
    }

    public async Task<Stream> WriteFailedRowsAsync(IEnumerable<InvigilatorImportFailure> failures, CancellationToken ct)
    {
        var rows = failures.Select(f =>
        {
            var row = ToRow(f.Row.Cells);
            row[InvigilatorImportTemplate.FailureReason] = f.Reason;
            return row;
        });
        var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "失败数据", cancellationToken: ct);
        stream.Position = 0;
        return stream;
    }

    /// <summary>监考人员导入模板.xlsx: the headers with an example row, and a 填写说明 sheet.</summary>
    public static async Task<MemoryStream> TemplateAsync(CancellationToken ct = default)
    {
        var sheets = new Dictionary<string, object>
        {
            [InvigilatorImportTemplate.SheetName] = new[] { ToRow(InvigilatorImportTemplate.Example) },
            [InvigilatorImportTemplate.RulesSheet] = InvigilatorImportTemplate.Rules.Select(r => new Dictionary<string, object?> { ["列名"] = r.Column, ["填写要求"] = r.Rule }).ToList(),
        };
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        stream.Position = 0;
        return stream;
    }

    /// <summary>Writes rows in the template's shape (tests build their files with it).</summary>
    public static async Task WriteRowsAsync(Stream target, IEnumerable<IReadOnlyDictionary<string, string?>> rows, CancellationToken ct = default) =>
        await target.SaveAsAsync(rows.Select(ToRow), sheetName: InvigilatorImportTemplate.SheetName, cancellationToken: ct);

    private static Dictionary<string, object?> ToRow(IReadOnlyDictionary<string, string?> cells) =>
        InvigilatorImportTemplate.Headers.ToDictionary(h => h, h => (object?)cells.GetValueOrDefault(h));
}
