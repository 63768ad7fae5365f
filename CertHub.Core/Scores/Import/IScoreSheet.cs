namespace CertHub.Core.Scores.Import;

/// <summary>The xlsx side of the 成绩导入 (MiniExcel lives in Web): streamed rows in, failed rows out.</summary>
public interface IScoreSheet
{
    /// <summary>Reads the first sheet row by row (header row = the template's Chinese headers).</summary>
    IEnumerable<ScoreImportRow> ReadRows(Stream xlsx);

    /// <summary>Writes the failed rows: the original columns plus 失败原因.</summary>
    Task<Stream> WriteFailedRowsAsync(IEnumerable<ScoreRowFailure> failures, CancellationToken ct);
}
