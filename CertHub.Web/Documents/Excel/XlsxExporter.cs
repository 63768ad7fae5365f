using MiniExcelLibs;

namespace CertHub.Web.Documents.Excel;

/// <summary>One exported column: a Chinese header and how to read the value from a row.</summary>
public sealed record XlsxColumn<T>(string Header, Func<T, object?> Value);

/// <summary>Writes rows to an xlsx workbook with Chinese column headers (MiniExcel); text cells pass <see cref="FormulaGuard"/>.</summary>
public static class XlsxExporter
{
    public static async Task<MemoryStream> ExportAsync<T>(IEnumerable<T> rows, IReadOnlyList<XlsxColumn<T>> columns, string sheetName = "Sheet1", CancellationToken ct = default)
    {
        var data = rows.Select(row =>
        {
            var dict = new Dictionary<string, object?>(columns.Count);
            foreach (var column in columns)
            {
                dict[column.Header] = FormulaGuard.Neutralize(column.Value(row));
            }

            return dict;
        }).ToList();
        var stream = new MemoryStream();
        await stream.SaveAsAsync(data, sheetName: sheetName, cancellationToken: ct);
        stream.Position = 0;
        return stream;
    }
}
