namespace CertHub.Web.Components.Pages.Applications;

/// <summary>What the 地市级教育局审批 dialog returns: the decision, the city bureau (审批单位) and the opinion (the reason when 退回).</summary>
public sealed record CityDecisionInput(bool Approved, string ApprovingUnit, string? Opinion);
