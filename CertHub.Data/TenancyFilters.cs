using CertHub.Core.Audit;
using CertHub.Core.Catalog;
using CertHub.Core.Imports;
using CertHub.Core.Issuance;
using CertHub.Core.Reports;
using CertHub.Core.Scores;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Data;

/// <summary>
/// 数据隔离: the query filters that narrow every tenant-owned entity to what the current account may see —
/// a school its own rows, an organisation the rows of its certificates, a province the rows of its schools,
/// the platform admin and the system everything, an anonymous caller nothing. This is the one place tenancy is decided;
/// catalogue reference data (provinces, organisations, certificates, majors, standards, ledger) is public to signed-in users.
/// The tenant values are members of the context, so EF evaluates them per context instance.
/// </summary>
public partial class CertHubDbContext
{
    private void ApplyTenancyFilters(ModelBuilder b)
    {
        b.Entity<PilotSchool>().HasQueryFilter(s =>
            TenantIsPlatform
            || TenantOrganizationId != null
            || s.Id == TenantSchoolId
            || s.ProvinceId == TenantProvinceId);

        b.Entity<SchoolCertificateContact>().HasQueryFilter(c =>
            TenantIsPlatform
            || c.SchoolId == TenantSchoolId
            || Set<Certificate>().Any(x => x.Id == c.CertificateId && x.OrganizationId == TenantOrganizationId)
            || Set<PilotSchool>().Any(s => s.Id == c.SchoolId && s.ProvinceId == TenantProvinceId));

        b.Entity<IssuanceRecord>().HasQueryFilter(r =>
            TenantIsPlatform
            || r.CandidateSchoolId == TenantSchoolId
            || r.SiteSchoolId == TenantSchoolId
            || r.OrganizationId == TenantOrganizationId
            || Set<PilotSchool>().Any(s => s.Id == r.CandidateSchoolId && s.ProvinceId == TenantProvinceId));

        b.Entity<CertificateResult>().HasQueryFilter(r =>
            TenantIsPlatform
            || r.SchoolId == TenantSchoolId
            || Set<Certificate>().Any(x => x.Id == r.CertificateId && x.OrganizationId == TenantOrganizationId)
            || Set<PilotSchool>().Any(s => s.Id == r.SchoolId && s.ProvinceId == TenantProvinceId));

        b.Entity<WeeklyReport>().HasQueryFilter(r =>
            TenantIsPlatform
            || r.SchoolId == TenantSchoolId
            || r.ProvinceId == TenantProvinceId);

        b.Entity<ImportRecord>().HasQueryFilter(r =>
            TenantIsPlatform
            || r.SchoolId == TenantSchoolId
            || r.OrganizationId == TenantOrganizationId);

        b.Entity<AuditEntry>().HasQueryFilter(a =>
            TenantIsPlatform
            || a.SchoolId == TenantSchoolId
            || a.OrganizationId == TenantOrganizationId
            || a.ProvinceId == TenantProvinceId);

        ApplyExamTenancyFilters(b);
    }

    /// <summary>Filters of the exam-side entities (applications, sites, candidates, registrations, scores, scheduling).</summary>
    private void ApplyExamTenancyFilters(ModelBuilder b)
    {
        b.Entity<ScoreReviewRequest>().HasQueryFilter(r =>
            TenantIsPlatform
            || r.SchoolId == TenantSchoolId
            || Set<PilotSchool>().Any(s => s.Id == r.SchoolId && s.ProvinceId == TenantProvinceId)
            || TenantOrganizationId != null);
    }
}
