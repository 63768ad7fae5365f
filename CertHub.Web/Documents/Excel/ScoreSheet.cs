using CertHub.Core.Scores.Import;
using MiniExcelLibs;

namespace CertHub.Web.Documents.Excel;

/// <summary>The 科目成绩 import template, streamed reading of an uploaded sheet and the failed-rows file (MiniExcel).</summary>
public sealed class ScoreSheet : IScoreSheet
{
    public IEnumerable<ScoreImportRow> ReadRows(Stream xlsx)
    {
        var rowNumber = 1;
        foreach (IDictionary<string, object?> cells in xlsx.Query(useHeaderRow: true))
        {
            rowNumber++;
            yield return new ScoreImportRow(rowNumber,
                Cell(cells, ScoreImportTemplate.AdmissionTicketNo),
                Cell(cells, ScoreImportTemplate.CandidateNo),
                Cell(cells, ScoreImportTemplate.Name),
                Cell(cells, ScoreImportTemplate.SubjectCode),
                Cell(cells, ScoreImportTemplate.Score));
        }
    }

    public async Task<Stream> WriteFailedRowsAsync(IEnumerable<ScoreRowFailure> failures, CancellationToken ct)
    {
        var rows = failures.Select(f =>
        {
            var row = ToRow(f.Row.Cells);
            row[ScoreImportTemplate.FailureReason] = f.Reason;
            return row;
        });
        var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "失败数据", cancellationToken: ct);
        stream.Position = 0;
        return stream;
    }

    /// <summary>科目成绩导入模板.xlsx: the headers with an example row, and a 填写说明 sheet.</summary>
    public static async Task<MemoryStream> TemplateAsync(CancellationToken ct = default)
    {
        var sheets = new Dictionary<string, object>
        {
            [ScoreImportTemplate.SheetName] = new[] { ToRow(ScoreImportTemplate.Example) },
            [ScoreImportTemplate.RulesSheet] = ScoreImportTemplate.Rules.Select(r => new Dictionary<string, object?> { ["列名"] = r.Column, ["填写要求"] = r.Rule }).ToList(),
        };
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        stream.Position = 0;
        return stream;
    }

    /// <summary>Writes template-shaped rows (a test's own file).</summary>
    public static async Task WriteRowsAsync(Stream target, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct = default) =>
        await target.SaveAsAsync(rows.Select(ToRow), sheetName: ScoreImportTemplate.SheetName, cancellationToken: ct);

    private static Dictionary<string, object?> ToRow(IReadOnlyList<string?> cells)
    {
        var row = new Dictionary<string, object?>(ScoreImportTemplate.Headers.Count + 1);
        for (var i = 0; i < ScoreImportTemplate.Headers.Count; i++)
        {
            row[ScoreImportTemplate.Headers[i]] = i < cells.Count ? cells[i] : null;
        }

        return row;
    }

    private static string? Cell(IDictionary<string, object?> cells, string header) =>
        cells.TryGetValue(header, out var value) ? CandidateSheet.Text(value) : null;
}
