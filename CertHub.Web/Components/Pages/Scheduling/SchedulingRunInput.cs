using CertHub.Core.Scheduling;

namespace CertHub.Web.Components.Pages.Scheduling;

/// <summary>What the 一键排考 / 重新排考 dialog returns: the plan and the run options (scope included).</summary>
public sealed record SchedulingRunInput(int ExamPlanId, SchedulingOptions Options);
