using CertHub.Core.Common;
using CertHub.Core.Scores.Import;
using CertHub.Web.Documents.Excel;

namespace CertHub.Web.Api;

/// <summary>Files of 科目成绩: the import template (organisations).</summary>
public static class ScoreFileEndpoints
{
    public const string TemplateUrl = "/files/templates/scores";

    public static IEndpointRouteBuilder MapScoreFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet(TemplateUrl, async (CancellationToken ct) =>
            Results.File(await ScoreSheet.TemplateAsync(ct), CandidateFileEndpoints.XlsxType, ScoreImportTemplate.FileName))
            .RequireAuthorization(Policies.Organization);
        return app;
    }
}
