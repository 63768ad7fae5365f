using CertHub.Core.Exams;
using CertHub.Core.Registrations.Import;
using MiniExcelLibs;

namespace CertHub.Web.Documents.Excel;

/// <summary>The two 报考 templates (按证书 / 按科目), streamed reading of an uploaded sheet and the failed-rows file (<see cref="ImportSheets"/>).</summary>
public sealed class RegistrationSheet : IRegistrationSheet
{
    public IEnumerable<RegistrationImportRow> ReadRows(Stream xlsx, RegistrationMode mode) =>
        ImportSheets.Rows(xlsx, RegistrationImportTemplate.Headers(mode)).Select(r => new RegistrationImportRow(r.RowNumber,
            ImportSheets.Cell(r.Cells, RegistrationImportTemplate.Name),
            ImportSheets.Cell(r.Cells, RegistrationImportTemplate.IdNumber),
            mode == RegistrationMode.ByCertificate ? ImportSheets.Cell(r.Cells, RegistrationImportTemplate.Certificate) : null,
            mode == RegistrationMode.ByCertificate ? ImportSheets.Cell(r.Cells, RegistrationImportTemplate.Level) : null,
            mode == RegistrationMode.BySubject ? ImportSheets.Cell(r.Cells, RegistrationImportTemplate.Subject) : null));

    public Task<Stream> WriteFailedRowsAsync(IEnumerable<RegistrationImportFailure> failures, RegistrationMode mode, CancellationToken ct) =>
        ImportSheets.FailedRowsAsync(failures.Select(f => (ToRow(mode, f.Row.CellsFor(mode)), f.Reason)), RegistrationImportTemplate.FailureReason, ct);

    /// <summary>报考导入模板: the headers with an example row, and a 填写说明 sheet.</summary>
    public static Task<MemoryStream> TemplateAsync(RegistrationMode mode, CancellationToken ct = default) =>
        ImportSheets.TemplateAsync(RegistrationImportTemplate.DataSheet, ToRow(mode, RegistrationImportTemplate.Example(mode)),
            RegistrationImportTemplate.RulesSheet, RegistrationImportTemplate.Rules(mode), ct);

    /// <summary>Writes template-shaped rows (a test's own file or the bench's 20,000 rows).</summary>
    public static async Task WriteRowsAsync(Stream target, RegistrationMode mode, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct = default) =>
        await target.SaveAsAsync(rows.Select(r => ToRow(mode, r)), sheetName: RegistrationImportTemplate.DataSheet, cancellationToken: ct);

    private static Dictionary<string, object?> ToRow(RegistrationMode mode, IReadOnlyList<string?> cells) =>
        ImportSheets.ToRow(RegistrationImportTemplate.Headers(mode), cells);
}
