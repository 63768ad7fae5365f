using System.Globalization;
using CertHub.Core.Exams.RoomImport;
using MiniExcelLibs;

namespace CertHub.Web.Documents.Excel;

/// <summary>The 考场信息 template, reading an uploaded sheet and the failed-rows file (MiniExcel).</summary>
public sealed class ExamRoomSheet : IExamRoomSheet
{
    public IEnumerable<ExamRoomImportRow> ReadRows(Stream xlsx)
    {
        var rowNumber = 1;
        foreach (IDictionary<string, object?> cells in xlsx.Query(useHeaderRow: true))
        {
            rowNumber++;
            yield return new ExamRoomImportRow(rowNumber,
                Cell(cells, ExamRoomImportTemplate.Plan),
                Cell(cells, ExamRoomImportTemplate.Site),
                Cell(cells, ExamRoomImportTemplate.Certificate),
                Cell(cells, ExamRoomImportTemplate.Level),
                Cell(cells, ExamRoomImportTemplate.Subjects),
                Cell(cells, ExamRoomImportTemplate.Name),
                Cell(cells, ExamRoomImportTemplate.Address),
                Cell(cells, ExamRoomImportTemplate.SeatCount));
        }
    }

    public async Task<Stream> WriteFailedRowsAsync(IEnumerable<ExamRoomImportFailure> failures, CancellationToken ct)
    {
        var rows = failures.Select(f =>
        {
            var row = ToRow(f.Row.Cells);
            row[ExamRoomImportTemplate.FailureReason] = f.Reason;
            return row;
        });
        var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "失败数据", cancellationToken: ct);
        stream.Position = 0;
        return stream;
    }

    /// <summary>考场信息导入模板.xlsx: the headers with an example row, and a 填写说明 sheet.</summary>
    public static async Task<MemoryStream> TemplateAsync(CancellationToken ct = default)
    {
        var sheets = new Dictionary<string, object>
        {
            [ExamRoomImportTemplate.Sheet] = new[] { ToRow(ExamRoomImportTemplate.Example) },
            [ExamRoomImportTemplate.RulesSheet] = ExamRoomImportTemplate.Rules.Select(r => new Dictionary<string, object?> { ["列名"] = r.Column, ["填写要求"] = r.Rule }).ToList(),
        };
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        stream.Position = 0;
        return stream;
    }

    /// <summary>Writes template-shaped rows (a test's own file).</summary>
    public static async Task WriteRowsAsync(Stream target, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct = default) =>
        await target.SaveAsAsync(rows.Select(ToRow), sheetName: ExamRoomImportTemplate.Sheet, cancellationToken: ct);

    private static Dictionary<string, object?> ToRow(IReadOnlyList<string?> cells)
    {
        var row = new Dictionary<string, object?>(ExamRoomImportTemplate.Headers.Count + 1);
        for (var i = 0; i < ExamRoomImportTemplate.Headers.Count; i++)
        {
            row[ExamRoomImportTemplate.Headers[i]] = i < cells.Count ? cells[i] : null;
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
