using CertHub.Core.Candidates.Import;
using CertHub.Web.Api;
using CertHub.Web.Components.Shared;

namespace CertHub.Web.Components.Pages.Candidates;

/// <summary>Turns the candidate import results into what the shared <see cref="ImportDialog"/> shows.</summary>
public static class CandidateImportResults
{
    public static ImportDialogResult ToDialog(CandidateImportResult result) =>
        new(result.Succeeded, result.Failed,
            [.. result.Errors.Select(e => $"第{e.RowNumber}行：{e.Reason}")], [],
            result.FailedRowsPath is null ? null : CandidateFileEndpoints.FailedRowsUrl(result.ImportRecordId));

    public static ImportDialogResult ToDialog(PhotoZipResult result) =>
        new(result.Succeeded, result.Failures.Count,
            [.. result.Failures.Select(f => $"{f.FileName}：{f.Reason}")],
            [.. result.Warnings.Select(w => $"{w.FileName}：{w.Reason}")],
            result.FailedRowsPath is null ? null : CandidateFileEndpoints.FailedRowsUrl(result.ImportRecordId));
}
