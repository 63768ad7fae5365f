using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Registrations.Import;
using CertHub.Web.Documents.Excel;

namespace CertHub.Web.Api;

/// <summary>Files of 报考管理: the two import templates (按证书 / 按科目). Failed-rows files are served by the shared import-record endpoint.</summary>
public static class RegistrationFileEndpoints
{
    public const string ByCertificateTemplateUrl = "/files/templates/registrations/by-certificate";
    public const string BySubjectTemplateUrl = "/files/templates/registrations/by-subject";

    public static string TemplateUrl(RegistrationMode mode) =>
        mode == RegistrationMode.ByCertificate ? ByCertificateTemplateUrl : BySubjectTemplateUrl;

    public static IEndpointRouteBuilder MapRegistrationFiles(this IEndpointRouteBuilder app)
    {
        foreach (var mode in Enum.GetValues<RegistrationMode>())
        {
            app.MapGet(TemplateUrl(mode), async (CancellationToken ct) =>
                Results.File(await RegistrationSheet.TemplateAsync(mode, ct), CandidateFileEndpoints.XlsxType, RegistrationImportTemplate.FileName(mode)))
                .RequireAuthorization(Policies.School);
        }

        return app;
    }
}
