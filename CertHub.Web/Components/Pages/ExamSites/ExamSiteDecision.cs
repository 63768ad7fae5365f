namespace CertHub.Web.Components.Pages.ExamSites;

/// <summary>The organisation's review decision: 审核通过 or 审核退回, with the opinion and the version of the site it saw.</summary>
public sealed record ExamSiteDecision(bool Approve, string? Opinion, long? Version = null);
