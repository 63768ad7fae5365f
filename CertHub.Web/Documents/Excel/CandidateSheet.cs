using CertHub.Core.Candidates.Import;
using MiniExcelLibs;

namespace CertHub.Web.Documents.Excel;

/// <summary>The 考生信息 template, streamed reading of an uploaded sheet and the failed-rows files (<see cref="ImportSheets"/>).</summary>
public sealed class CandidateSheet : ICandidateSheet
{
    public IEnumerable<CandidateImportRow> ReadRows(Stream xlsx) =>
        ImportSheets.Rows(xlsx, CandidateImportTemplate.Headers).Select(r => new CandidateImportRow(r.RowNumber,
            ImportSheets.Cell(r.Cells, CandidateImportTemplate.Name),
            ImportSheets.Cell(r.Cells, CandidateImportTemplate.Pinyin),
            ImportSheets.Cell(r.Cells, CandidateImportTemplate.IdType),
            ImportSheets.Cell(r.Cells, CandidateImportTemplate.IdNumber),
            ImportSheets.Cell(r.Cells, CandidateImportTemplate.Phone),
            ImportSheets.Cell(r.Cells, CandidateImportTemplate.Major),
            ImportSheets.Cell(r.Cells, CandidateImportTemplate.MajorLevel),
            ImportSheets.Cell(r.Cells, CandidateImportTemplate.EnrollmentYear),
            ImportSheets.Cell(r.Cells, CandidateImportTemplate.CandidateType)));

    public Task<Stream> WriteFailedRowsAsync(IEnumerable<CandidateImportFailure> failures, CancellationToken ct) =>
        ImportSheets.FailedRowsAsync(failures.Select(f => (ToRow(f.Row.Cells), f.Reason)), CandidateImportTemplate.FailureReason, ct);

    public Task<Stream> WriteFailedPhotosAsync(IEnumerable<PhotoZipIssue> failures, CancellationToken ct) =>
        ImportSheets.FailedRowsAsync(failures.Select(f => (new Dictionary<string, object?> { ["文件名"] = f.FileName }, f.Reason)), CandidateImportTemplate.FailureReason, ct);

    /// <summary>考生信息导入模板.xlsx: the headers with an example row, and a 填写说明 sheet.</summary>
    public static Task<MemoryStream> TemplateAsync(CancellationToken ct = default) =>
        ImportSheets.TemplateAsync("考生信息", ToRow(CandidateImportTemplate.Example), CandidateImportTemplate.RulesSheet, CandidateImportTemplate.Rules, ct);

    /// <summary>Writes template-shaped rows (e.g. a test's own file or the bench's 50,000 rows).</summary>
    public static async Task WriteRowsAsync(Stream target, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct = default) =>
        await target.SaveAsAsync(rows.Select(ToRow), sheetName: "考生信息", cancellationToken: ct);

    private static Dictionary<string, object?> ToRow(IReadOnlyList<string?> cells) => ImportSheets.ToRow(CandidateImportTemplate.Headers, cells);
}
