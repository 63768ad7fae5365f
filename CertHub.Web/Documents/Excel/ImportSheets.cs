using System.Globalization;
using CertHub.Core.Common;
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

    /// <summary>The most data rows one import file may hold; a longer sheet is refused when its next row is read.</summary>
    public const int MaxRows = 100_000;

    /// <summary>
    /// The data rows of the first sheet with their 1-based sheet row numbers (the header is row 1), one at a time. Refuses
    /// (<see cref="DomainRuleException"/>) a sheet whose header row lacks any of <paramref name="headers"/>, naming the missing
    /// columns, and a sheet with more than <paramref name="maxRows"/> data rows (streamed: the rest is never read).
    /// </summary>
    public static IEnumerable<(int RowNumber, IDictionary<string, object?> Cells)> Rows(Stream xlsx, IReadOnlyList<string> headers, int maxRows = MaxRows)
    {
        var rowNumber = 1;
        IEnumerable<IDictionary<string, object?>> rows;
        try
        {
            GuardWorkbook(xlsx);
            rows = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>();
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            throw new DomainRuleException(UnreadableFile);
        }

        using var reader = rows.GetEnumerator();
        while (true)
        {
            try
            {
                if (!reader.MoveNext())
                {
                    yield break;
                }
            }
            catch (Exception ex) when (IsUnreadable(ex))
            {
                throw new DomainRuleException(UnreadableFile);
            }

            var cells = reader.Current;
            if (rowNumber == 1)
            {
                var missing = headers.Where(h => !cells.ContainsKey(h)).ToList();
                DomainRuleException.ThrowIf(missing.Count > 0, $"导入文件与模板不符，缺少列：{string.Join("、", missing)}。请下载模板后按模板填写");
            }

            DomainRuleException.ThrowIf(rowNumber > maxRows, $"一次最多导入{maxRows}行数据，请拆分文件后导入");
            yield return (++rowNumber, cells);
        }
    }

    /// <summary>The most bytes the parts of one workbook may expand to (an xlsx is a zip: a zip bomb is refused before it is read).</summary>
    public const long MaxUncompressedBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Refuses a workbook whose zip parts declare more than <see cref="MaxUncompressedBytes"/> in all (the zip reader also stops at
    /// the declared size, so a lying header cannot expand further). Seekable streams only; the position is restored.
    /// </summary>
    public static void GuardWorkbook(Stream xlsx)
    {
        if (!xlsx.CanSeek)
        {
            return;
        }

        var start = xlsx.Position;
        using (var zip = new System.IO.Compression.ZipArchive(xlsx, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true))
        {
            DomainRuleException.ThrowIf(zip.Entries.Sum(e => e.Length) > MaxUncompressedBytes,
                $"导入文件解压后超过{MaxUncompressedBytes / (1024 * 1024)}M，疑似压缩炸弹，已拒绝导入");
        }

        xlsx.Position = start;
    }

    /// <summary>The refusal of a file that is not a readable xlsx workbook (truncated, another format, a broken zip).</summary>
    public const string UnreadableFile = "无法读取导入文件，请上传按模板填写的xlsx文件";

    private static bool IsUnreadable(Exception ex) =>
        ex is InvalidDataException or System.Xml.XmlException or EndOfStreamException or NotSupportedException
            || ex.GetType().Namespace?.StartsWith("MiniExcelLibs", StringComparison.Ordinal) == true;

    /// <summary>A cell under <paramref name="header"/>, as text (see <see cref="Text"/>); null when the column is missing.</summary>
    public static string? Cell(IDictionary<string, object?> cells, string header) =>
        cells.TryGetValue(header, out var value) ? Text(value) : null;

    /// <summary>A cell as the user typed it: numbers without a decimal part as integers (ID numbers, years), text trimmed.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => FormulaGuard.Restore(s.Trim()),
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
            return f.Row.ToDictionary(cell => cell.Key, cell => FormulaGuard.Neutralize(cell.Value));
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
