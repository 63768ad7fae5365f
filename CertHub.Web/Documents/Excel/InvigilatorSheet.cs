using CertHub.Core.Invigilators.Import;
using MiniExcelLibs;

namespace CertHub.Web.Documents.Excel;

/// <summary>The 监考人员 import template, streamed reading of an uploaded sheet and the failed-rows file (<see cref="ImportSheets"/>).</summary>
public sealed class InvigilatorSheet : IInvigilatorSheet
{
    public IEnumerable<InvigilatorImportRow> ReadRows(Stream xlsx) =>
        ImportSheets.Rows(xlsx, InvigilatorImportTemplate.Headers).Select(r => new InvigilatorImportRow(r.RowNumber,
            InvigilatorImportTemplate.Headers.ToDictionary(h => h, h => ImportSheets.Cell(r.Cells, h))));

    public Task<Stream> WriteFailedRowsAsync(IEnumerable<InvigilatorImportFailure> failures, CancellationToken ct) =>
        ImportSheets.FailedRowsAsync(failures.Select(f => (ToRow(f.Row.Cells), f.Reason)), InvigilatorImportTemplate.FailureReason, ct);

    /// <summary>监考人员导入模板.xlsx: the headers with an example row, and a 填写说明 sheet.</summary>
    public static Task<MemoryStream> TemplateAsync(CancellationToken ct = default) =>
        ImportSheets.TemplateAsync(InvigilatorImportTemplate.SheetName, ToRow(InvigilatorImportTemplate.Example),
            InvigilatorImportTemplate.RulesSheet, InvigilatorImportTemplate.Rules, ct);

    /// <summary>Writes rows in the template's shape (tests build their files with it).</summary>
    public static async Task WriteRowsAsync(Stream target, IEnumerable<IReadOnlyDictionary<string, string?>> rows, CancellationToken ct = default) =>
        await target.SaveAsAsync(rows.Select(ToRow), sheetName: InvigilatorImportTemplate.SheetName, cancellationToken: ct);

    private static Dictionary<string, object?> ToRow(IReadOnlyDictionary<string, string?> cells) =>
        ImportSheets.ToRow(InvigilatorImportTemplate.Headers, [.. InvigilatorImportTemplate.Headers.Select(cells.GetValueOrDefault)]);
}
