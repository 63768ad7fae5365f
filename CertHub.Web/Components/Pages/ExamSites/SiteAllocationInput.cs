using CertHub.Core.Catalog;

namespace CertHub.Web.Components.Pages.ExamSites;

/// <summary>What the 分配考核站点 dialog returns.</summary>
public sealed record SiteAllocationInput(int SiteId, int SchoolId, CertificateLevel Level);
