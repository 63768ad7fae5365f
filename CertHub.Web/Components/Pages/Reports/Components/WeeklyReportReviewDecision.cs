namespace CertHub.Web.Components.Pages.Reports.Components;

/// <summary>审核 dialog result: 审核通过 or 审核退回 with the opinion and the version of the report the dialog showed.</summary>
public sealed record WeeklyReportReviewDecision(bool Approve, string? Opinion, long? Version = null);
