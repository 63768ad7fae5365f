using CertHub.Core.Scores.Import;
using MiniExcelLibs;

namespace CertHub.Web.Documents.Excel;

/// <summary>The 科目成绩 import template, streamed reading of an uploaded sheet and the failed-rows file (<see cref="ImportSheets"/>).</summary>
public sealed class ScoreSheet : IScoreSheet
{
    public IEnumerable<ScoreImportRow> ReadRows(Stream xlsx) =>
        ImportSheets.Rows(xlsx, ScoreImportTemplate.Headers).Select(r => new ScoreImportRow(r.RowNumber,
            ImportSheets.Cell(r.Cells, ScoreImportTemplate.AdmissionTicketNo),
            ImportSheets.Cell(r.Cells, ScoreImportTemplate.CandidateNo),
            ImportSheets.Cell(r.Cells, ScoreImportTemplate.Name),
            ImportSheets.Cell(r.Cells, ScoreImportTemplate.SubjectCode),
            ImportSheets.Cell(r.Cells, ScoreImportTemplate.Score)));

    public Task<Stream> WriteFailedRowsAsync(IEnumerable<ScoreRowFailure> failures, CancellationToken ct) =>
        ImportSheets.FailedRowsAsync(failures.Select(f => (ToRow(f.Row.Cells), f.Reason)), ScoreImportTemplate.FailureReason, ct);

    /// <summary>科目成绩导入模板.xlsx: the headers with an example row, and a 填写说明 sheet.</summary>
    public static Task<MemoryStream> TemplateAsync(CancellationToken ct = default) =>
        ImportSheets.TemplateAsync(ScoreImportTemplate.SheetName, ToRow(ScoreImportTemplate.Example), ScoreImportTemplate.RulesSheet, ScoreImportTemplate.Rules, ct);

    /// <summary>Writes template-shaped rows (a test's own file).</summary>
    public static async Task WriteRowsAsync(Stream target, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct = default) =>
        await target.SaveAsAsync(rows.Select(ToRow), sheetName: ScoreImportTemplate.SheetName, cancellationToken: ct);

    private static Dictionary<string, object?> ToRow(IReadOnlyList<string?> cells) => ImportSheets.ToRow(ScoreImportTemplate.Headers, cells);
}
