namespace CertHub.Core.Exams.RoomImport;

/// <summary>The xlsx side of 批量导入考场信息 (MiniExcel lives in Web): rows in, failed rows out.</summary>
public interface IExamRoomSheet
{
    /// <summary>Reads the first sheet row by row (header row = the template's Chinese headers).</summary>
    IEnumerable<ExamRoomImportRow> ReadRows(Stream xlsx);

    /// <summary>Writes the failed rows: the original columns plus 失败原因.</summary>
    Task<Stream> WriteFailedRowsAsync(IEnumerable<ExamRoomImportFailure> failures, CancellationToken ct);
}
