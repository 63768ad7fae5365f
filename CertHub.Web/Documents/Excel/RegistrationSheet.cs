using System.Globalization;
using CertHub.Core.Exams;
using CertHub.Core.Registrations.Import;
using MiniExcelLibs;

namespace CertHub.Web.Documents.Excel;

/// <summary>The two 报考 templates (按证书 / 按科目), streamed reading of an uploaded sheet and the failed-rows file (MiniExcel).</summary>
public sealed class RegistrationSheet : IRegistrationSheet
{
    public IEnumerable<RegistrationImportRow> ReadRows(Stream xlsx, RegistrationMode mode)
    {
        var rowNumber = 1;
        foreach (IDictionary<string, object?> cells in xlsx.Query(useHeaderRow: true))
        {
            rowNumber++;
            yield return new RegistrationImportRow(rowNumber,
                Cell(cells, RegistrationImportTemplate.Name),
                Cell(cells, RegistrationImportTemplate.IdNumber),
                mode == RegistrationMode.ByCertificate ? Cell(cells, RegistrationImportTemplate.Certificate) : null,
                mode == RegistrationMode.ByCertificate ? Cell(cells, RegistrationImportTemplate.Level) : null,
                mode == RegistrationMode.BySubject ? Cell(cells, RegistrationImportTemplate.Subject) : null);
        }
    }

    public async Task<Stream> WriteFailedRowsAsync(IEnumerable<RegistrationImportFailure> failures, RegistrationMode mode, CancellationToken ct)
    {
        var rows = failures.Select(f =>
        {
            var row = ToRow(mode, f.Row.CellsFor(mode));
            row[RegistrationImportTemplate.FailureReason] = f.Reason;
            return row;
        });
        var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "失败数据", cancellationToken: ct);
        stream.Position = 0;
        return stream;
    }

    /// <summary>报考导入模板: the headers with an example row, and a 填写说明 sheet.</summary>
    public static async Task<MemoryStream> TemplateAsync(RegistrationMode mode, CancellationToken ct = default)
    {
        var sheets = new Dictionary<string, object>
        {
            [RegistrationImportTemplate.DataSheet] = new[] { ToRow(mode, RegistrationImportTemplate.Example(mode)) },
            [RegistrationImportTemplate.RulesSheet] = RegistrationImportTemplate.Rules(mode)
                .Select(r => new Dictionary<string, object?> { ["列名"] = r.Column, ["填写要求"] = r.Rule }).ToList(),
        };
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        stream.Position = 0;
        return stream;
    }

    /// <summary>Writes template-shaped rows (a test's own file or the bench's 20,000 rows).</summary>
    public static async Task WriteRowsAsync(Stream target, RegistrationMode mode, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct = default) =>
        await target.SaveAsAsync(rows.Select(r => ToRow(mode, r)), sheetName: RegistrationImportTemplate.DataSheet, cancellationToken: ct);

    private static Dictionary<string, object?> ToRow(RegistrationMode mode, IReadOnlyList<string?> cells)
    {
        var headers = RegistrationImportTemplate.Headers(mode);
        var row = new Dictionary<string, object?>(headers.Count + 1);
        for (var i = 0; i < headers.Count; i++)
        {
            row[headers[i]] = i < cells.Count ? cells[i] : null;
        }

        return row;
    }

    private static string? Cell(IDictionary<string, object?> cells, string header) =>
        cells.TryGetValue(header, out var value) ? Text(value) : null;

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s.Trim(),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
