using System.Globalization;
using CertHub.Core.Candidates.Import;
using MiniExcelLibs;

namespace CertHub.Web.Documents.Excel;

/// <summary>The 考生信息 template, streamed reading of an uploaded sheet and the failed-rows file (MiniExcel).</summary>
public sealed class CandidateSheet : ICandidateSheet
{
    public IEnumerable<CandidateImportRow> ReadRows(Stream xlsx)
    {
        var rowNumber = 1;
        foreach (IDictionary<string, object?> cells in xlsx.Query(useHeaderRow: true))
        {
            rowNumber++;
            yield return new CandidateImportRow(rowNumber,
                Cell(cells, CandidateImportTemplate.Name),
                Cell(cells, CandidateImportTemplate.Pinyin),
                Cell(cells, CandidateImportTemplate.IdType),
                Cell(cells, CandidateImportTemplate.IdNumber),
                Cell(cells, CandidateImportTemplate.Phone),
                Cell(cells, CandidateImportTemplate.Major),
                Cell(cells, CandidateImportTemplate.MajorLevel),
                Cell(cells, CandidateImportTemplate.EnrollmentYear),
                Cell(cells, CandidateImportTemplate.CandidateType));
        }
    }

    public async Task<Stream> WriteFailedRowsAsync(IEnumerable<CandidateImportFailure> failures, CancellationToken ct)
    {
        var rows = failures.Select(f =>
        {
            var row = ToRow(f.Row.Cells);
            row[CandidateImportTemplate.FailureReason] = f.Reason;
            return row;
        });
        var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "失败数据", cancellationToken: ct);
        stream.Position = 0;
        return stream;
    }

    public async Task<Stream> WriteFailedPhotosAsync(IEnumerable<PhotoZipIssue> failures, CancellationToken ct)
    {
        var rows = failures.Select(f => new Dictionary<string, object?> { ["文件名"] = f.FileName, [CandidateImportTemplate.FailureReason] = f.Reason });
        var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "失败数据", cancellationToken: ct);
        stream.Position = 0;
        return stream;
    }

    /// <summary>考生信息导入模板.xlsx: the headers with an example row, and a 填写说明 sheet.</summary>
    public static async Task<MemoryStream> TemplateAsync(CancellationToken ct = default)
    {
        var sheets = new Dictionary<string, object>
        {
            ["考生信息"] = new[] { ToRow(CandidateImportTemplate.Example) },
            [CandidateImportTemplate.RulesSheet] = CandidateImportTemplate.Rules.Select(r => new Dictionary<string, object?> { ["列名"] = r.Column, ["填写要求"] = r.Rule }).ToList(),
        };
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        stream.Position = 0;
        return stream;
    }

    /// <summary>Writes template-shaped rows (e.g. a test's own file or the bench's 50,000 rows).</summary>
    public static async Task WriteRowsAsync(Stream target, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct = default) =>
        await target.SaveAsAsync(rows.Select(ToRow), sheetName: "考生信息", cancellationToken: ct);

    private static Dictionary<string, object?> ToRow(IReadOnlyList<string?> cells)
    {
        var row = new Dictionary<string, object?>(CandidateImportTemplate.Headers.Count + 1);
        for (var i = 0; i < CandidateImportTemplate.Headers.Count; i++)
        {
            row[CandidateImportTemplate.Headers[i]] = i < cells.Count ? cells[i] : null;
        }

        return row;
    }

    private static string? Cell(IDictionary<string, object?> cells, string header) =>
        cells.TryGetValue(header, out var value) ? Text(value) : null;

    /// <summary>A cell as the user typed it: numbers without a decimal part as integers (ID numbers, years), text trimmed.</summary>
    internal static string? Text(object? value) => value switch
    {
        null => null,
        string s => s.Trim(),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
