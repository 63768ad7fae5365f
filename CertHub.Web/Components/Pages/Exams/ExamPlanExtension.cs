using CertHub.Core.Exams;

namespace CertHub.Web.Components.Pages.Exams;

/// <summary>延长时间: the window and its new end (UTC).</summary>
public sealed record ExamPlanExtension(ExamPlanWindow Window, DateTimeOffset NewEndUtc);
