using CertHub.Core.Exams;

namespace CertHub.Core.Registrations.Import;

/// <summary>The xlsx side of the 报考 import (MiniExcel lives in Web): streamed rows in, failed rows out.</summary>
public interface IRegistrationSheet
{
    /// <summary>Reads the first sheet row by row (header row = the template's Chinese headers of <paramref name="mode"/>).</summary>
    IEnumerable<RegistrationImportRow> ReadRows(Stream xlsx, RegistrationMode mode);

    /// <summary>Writes the failed rows: the template's columns plus 失败原因.</summary>
    Task<Stream> WriteFailedRowsAsync(IEnumerable<RegistrationImportFailure> failures, RegistrationMode mode, CancellationToken ct);
}
