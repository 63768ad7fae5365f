using CertHub.Core.Registrations.Import;

namespace CertHub.Web.Components.Pages.Registrations;

/// <summary>What the import setup dialog returns: the request and the names to show in the import dialog.</summary>
public sealed record RegistrationImportChoice(RegistrationImportRequest Request, string PlanName, string? CertificateText);
