namespace CertHub.Core.Candidates.Import;

/// <summary>The xlsx side of the 考生信息 import (MiniExcel lives in Web): streamed rows in, failed rows out.</summary>
public interface ICandidateSheet
{
    /// <summary>Reads the first sheet row by row (header row = the template's Chinese headers), never the whole sheet at once.</summary>
    IEnumerable<CandidateImportRow> ReadRows(Stream xlsx);

    /// <summary>Writes the failed rows: the original columns plus 失败原因.</summary>
    Task<Stream> WriteFailedRowsAsync(IEnumerable<CandidateImportFailure> failures, CancellationToken ct);

    /// <summary>Writes the refused photos of a photo zip: 文件名 and 失败原因.</summary>
    Task<Stream> WriteFailedPhotosAsync(IEnumerable<PhotoZipIssue> failures, CancellationToken ct);
}
