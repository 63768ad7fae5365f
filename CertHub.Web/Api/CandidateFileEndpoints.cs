using CertHub.Core.Candidates;
using CertHub.Core.Common;
using CertHub.Core.Imports;
using CertHub.Web.Documents.Excel;
using CertHub.Web.Storage;

namespace CertHub.Web.Api;

/// <summary>Files of the candidates feature: photos (only to users who may see that candidate), the import templates (考生, 监考人员) and failed-rows files.</summary>
public static class CandidateFileEndpoints
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string PhotoUrl(int candidateId) => $"/files/photos/{candidateId}";

    public static string FailedRowsUrl(int importRecordId) => $"/files/imports/{importRecordId}";

    public const string TemplateUrl = "/files/templates/candidates";

    public const string InvigilatorTemplateUrl = "/files/templates/invigilators";

    public static IEndpointRouteBuilder MapCandidateFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/files/photos/{candidateId:int}", async (int candidateId, CandidateService candidates, IFileStore files, CancellationToken ct) =>
            await FileResults.ImageAsync(files, await candidates.GetPhotoPathAsync(candidateId, ct), ct)).RequireAuthorization(Policies.School);

        app.MapGet("/files/imports/{recordId:int}", async (int recordId, ImportRecordQueries records, IFileStore files, CancellationToken ct) =>
        {
            var path = await records.FailedRowsPathAsync(recordId, ct);
            var stream = path is null ? null : await files.OpenReadAsync(path, ct);
            return stream is null ? Results.NotFound() : Results.File(stream, XlsxType, $"失败数据_{recordId}.xlsx");
        }).RequireAuthorization(Policies.SignedIn);

        app.MapGet(TemplateUrl, async (CancellationToken ct) =>
            Results.File(await CandidateSheet.TemplateAsync(ct), XlsxType, Core.Candidates.Import.CandidateImportTemplate.FileName))
            .RequireAuthorization(Policies.School);
        app.MapGet(InvigilatorTemplateUrl, async (CancellationToken ct) =>
            Results.File(await InvigilatorSheet.TemplateAsync(ct), XlsxType, Core.Invigilators.Import.InvigilatorImportTemplate.FileName))
            .RequireAuthorization(Policies.School);
        return app;
    }
}
