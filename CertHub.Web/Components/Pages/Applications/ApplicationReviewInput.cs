namespace CertHub.Web.Components.Pages.Applications;

/// <summary>What the review dialog returns: 批准培训总人数 or per major, and the opinion (the reason when returning).</summary>
public sealed record ApplicationReviewInput(int ApprovedTotal, IReadOnlyDictionary<int, int>? ApprovedByMajor, string? Opinion);
