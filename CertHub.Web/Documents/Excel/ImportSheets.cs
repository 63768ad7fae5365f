using System.Globalization;
using MiniExcelLibs;

namespace CertHub.Web.Documents.Excel;

/// <summary>
/// What every import template shares (MiniExcel): streamed rows keyed by the Chinese header row, cells read as typed,
/// template-shaped rows, the template file (headers + an example row, and a 填写说明 sheet) and the failed-rows file
/// (the original columns plus 失败原因).
/// </summary>
public static class ImportSheets
{
    public const string FailedRowsSheet = "失败数据";

    /// <summary>The data rows of the first sheet with their 1-based sheet row numbers (the header is row 1), one at a time.</summary>
    public static IEnumerable<(int RowNumber, IDictionary<string, object?> Cells)> Rows(Stream xlsx)
    {
        var rowNumber = 1;
        foreach (IDictionary<string, object?> cells in xlsx.Query(useHeaderRow: true))
        {
            yield return (++rowNumber, cells);
        }
    }

    /// <summary>A cell under <paramref name="header"/>, as text (see <see cref="Text"/>); null when the column is missing.</summary>
    public static string? Cell(IDictionary<string, object?> cells, string header) =>
        cells.TryGetValue(header, out var value) ? Text(value) : null;

    /// <summary>A cell as the user typed it: numbers without a decimal part as integers (ID numbers, years), text trimmed.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s.Trim(),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>A row in the template's column order: the i-th cell under the i-th header.</summary>
    public static Dictionary<string, object?> ToRow(IReadOnlyList<string> headers, IReadOnlyList<string?> cells)
    {
        var row = new Dictionary<string, object?>(headers.Count + 1);
        for (var i = 0; i < headers.Count; i++)
        {
            row[headers[i]] = i < cells.Count ? cells[i] : null;
        }

        return row;
    }

    /// <summary>The failed rows file: each row's original cells plus its reason under <paramref name="reasonHeader"/>.</summary>
    public static async Task<Stream> FailedRowsAsync(IEnumerable<(Dictionary<string, object?> Row, string Reason)> failures, string reasonHeader, CancellationToken ct)
    {
        var rows = failures.Select(f =>
        {
            f.Row[reasonHeader] = f.Reason;
            return f.Row;
        });
        var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: FailedRowsSheet, cancellationToken: ct);
        stream.Position = 0;
        return stream;
    }

    /// <summary>An import template: the data sheet with the headers and an example row, and the rules sheet (列名, 填写要求).</summary>
    public static async Task<MemoryStream> TemplateAsync(string dataSheet, Dictionary<string, object?> example, string rulesSheet,
        IEnumerable<(string Column, string Rule)> rules, CancellationToken ct)
    {
        var sheets = new Dictionary<string, object>
        {
            [dataSheet] = new[] { example },
            [rulesSheet] = rules.Select(r => new Dictionary<string, object?> { ["列名"] = r.Column, ["填写要求"] = r.Rule }).ToList(),
        };
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        stream.Position = 0;
        return stream;
    }
}
