using CertHub.Core.Exams.RoomImport;
using MiniExcelLibs;

namespace CertHub.Web.Documents.Excel;

/// <summary>The 考场信息 template, reading an uploaded sheet and the failed-rows file (<see cref="ImportSheets"/>).</summary>
public sealed class ExamRoomSheet : IExamRoomSheet
{
    public IEnumerable<ExamRoomImportRow> ReadRows(Stream xlsx) =>
        ImportSheets.Rows(xlsx, ExamRoomImportTemplate.Headers).Select(r => new ExamRoomImportRow(r.RowNumber,
            ImportSheets.Cell(r.Cells, ExamRoomImportTemplate.Plan),
            ImportSheets.Cell(r.Cells, ExamRoomImportTemplate.Site),
            ImportSheets.Cell(r.Cells, ExamRoomImportTemplate.Certificate),
            ImportSheets.Cell(r.Cells, ExamRoomImportTemplate.Level),
            ImportSheets.Cell(r.Cells, ExamRoomImportTemplate.Subjects),
            ImportSheets.Cell(r.Cells, ExamRoomImportTemplate.Name),
            ImportSheets.Cell(r.Cells, ExamRoomImportTemplate.Address),
            ImportSheets.Cell(r.Cells, ExamRoomImportTemplate.SeatCount)));

    public Task<Stream> WriteFailedRowsAsync(IEnumerable<ExamRoomImportFailure> failures, CancellationToken ct) =>
        ImportSheets.FailedRowsAsync(failures.Select(f => (ToRow(f.Row.Cells), f.Reason)), ExamRoomImportTemplate.FailureReason, ct);

    /// <summary>考场信息导入模板.xlsx: the headers with an example row, and a 填写说明 sheet.</summary>
    public static Task<MemoryStream> TemplateAsync(CancellationToken ct = default) =>
        ImportSheets.TemplateAsync(ExamRoomImportTemplate.Sheet, ToRow(ExamRoomImportTemplate.Example), ExamRoomImportTemplate.RulesSheet, ExamRoomImportTemplate.Rules, ct);

    /// <summary>Writes template-shaped rows (a test's own file).</summary>
    public static async Task WriteRowsAsync(Stream target, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct = default) =>
        await target.SaveAsAsync(rows.Select(ToRow), sheetName: ExamRoomImportTemplate.Sheet, cancellationToken: ct);

    private static Dictionary<string, object?> ToRow(IReadOnlyList<string?> cells) => ImportSheets.ToRow(ExamRoomImportTemplate.Headers, cells);
}
