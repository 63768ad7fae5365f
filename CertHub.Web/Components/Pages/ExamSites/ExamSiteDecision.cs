namespace CertHub.Web.Components.Pages.ExamSites;

/// <summary>The organisation's review decision: 审核通过 or 审核退回, with the opinion.</summary>
public sealed record ExamSiteDecision(bool Approve, string? Opinion);
