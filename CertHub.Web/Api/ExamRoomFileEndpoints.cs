using CertHub.Core.Common;
using CertHub.Core.Exams.RoomImport;
using CertHub.Web.Documents.Excel;

namespace CertHub.Web.Api;

/// <summary>Files of the exam-room feature: the 考场信息 import template (failed rows are served by /files/imports/{id}).</summary>
public static class ExamRoomFileEndpoints
{
    public const string TemplateUrl = "/files/templates/exam-rooms";

    public static IEndpointRouteBuilder MapExamRoomFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet(TemplateUrl, async (CancellationToken ct) =>
            Results.File(await ExamRoomSheet.TemplateAsync(ct), CandidateFileEndpoints.XlsxType, ExamRoomImportTemplate.FileName))
            .RequireAuthorization(Policies.School);
        return app;
    }
}
