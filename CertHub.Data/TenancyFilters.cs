using CertHub.Core.Applications;
using CertHub.Core.Audit;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using CertHub.Core.Imports;
using CertHub.Core.Invigilators;
using CertHub.Core.Issuance;
using CertHub.Core.Payments;
using CertHub.Core.Registrations;
using CertHub.Core.Reports;
using CertHub.Core.Scheduling;
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

        // Nullable columns: compare only when the tenant value is set (EF treats null == null as true).
        b.Entity<ImportRecord>().HasQueryFilter(r =>
            TenantIsPlatform
            || (TenantSchoolId != null && r.SchoolId == TenantSchoolId)
            || (TenantOrganizationId != null && r.OrganizationId == TenantOrganizationId));

        b.Entity<AuditEntry>().HasQueryFilter(a =>
            TenantIsPlatform
            || (TenantSchoolId != null && a.SchoolId == TenantSchoolId)
            || (TenantOrganizationId != null && a.OrganizationId == TenantOrganizationId)
            || (TenantProvinceId != null && a.ProvinceId == TenantProvinceId));

        ApplyExamTenancyFilters(b);

        // 角色 (8.1): a school or organisation sees its own roles only.
        b.Entity<CertHub.Core.Accounts.AccountRole>().HasQueryFilter(r =>
            TenantIsPlatform
            || (TenantSchoolId != null && r.SchoolId == TenantSchoolId)
            || (TenantOrganizationId != null && r.OrganizationId == TenantOrganizationId));
    }

    /// <summary>
    /// Filters of the exam-side entities. Records that hang off another record reuse that record's filter through a
    /// subquery (EF applies the inner entity's filter too), so visibility follows the owning aggregate.
    /// </summary>
    private void ApplyExamTenancyFilters(ModelBuilder b)
    {
        b.Entity<ApplicationPlan>().HasQueryFilter(p =>
            TenantIsPlatform
            || p.ProvinceId == TenantProvinceId
            || TenantOrganizationId != null
            || Set<PilotSchool>().Any(s => s.Id == TenantSchoolId && s.ProvinceId == p.ProvinceId));

        b.Entity<PilotApplication>().HasQueryFilter(a =>
            TenantIsPlatform
            || a.SchoolId == TenantSchoolId
            || Set<Certificate>().Any(x => x.Id == a.CertificateId && x.OrganizationId == TenantOrganizationId)
            || Set<PilotSchool>().Any(s => s.Id == a.SchoolId && s.ProvinceId == TenantProvinceId));

        b.Entity<ExamSite>().HasQueryFilter(e =>
            TenantIsPlatform
            || e.SchoolId == TenantSchoolId
            || e.OrganizationId == TenantOrganizationId
            || Set<SiteAllocation>().Any(a => a.ExamSiteId == e.Id && a.BorrowerSchoolId == TenantSchoolId)
            || Set<PilotSchool>().Any(s => s.Id == e.SchoolId && s.ProvinceId == TenantProvinceId));

        b.Entity<SiteAllocation>().HasQueryFilter(a =>
            TenantIsPlatform
            || a.HostSchoolId == TenantSchoolId
            || a.BorrowerSchoolId == TenantSchoolId
            || a.OrganizationId == TenantOrganizationId
            || Set<PilotSchool>().Any(s => (s.Id == a.HostSchoolId || s.Id == a.BorrowerSchoolId) && s.ProvinceId == TenantProvinceId));

        b.Entity<ExamSubject>().HasQueryFilter(x =>
            TenantIsPlatform
            || x.OrganizationId == TenantOrganizationId
            || TenantSchoolId != null
            || TenantProvinceId != null);

        b.Entity<ExamPlan>().HasQueryFilter(p =>
            TenantIsPlatform
            || p.OrganizationId == TenantOrganizationId
            // Schools and provinces see a plan once it is published and lists the school (an unpublished plan is the organisation's draft).
            || (p.IsPublished && p.Schools.Any(s => s.SchoolId == TenantSchoolId))
            || (p.IsPublished && p.Schools.Any(s => Set<PilotSchool>().Any(x => x.Id == s.SchoolId && x.ProvinceId == TenantProvinceId))));

        b.Entity<ExamRoom>().HasQueryFilter(r =>
            TenantIsPlatform
            || r.SchoolId == TenantSchoolId
            // 借考: a borrower school also sees the rooms on a site allocated to it for that plan and level (rooms issue).
            || Set<SiteAllocation>().Any(a => a.ExamSiteId == r.ExamSiteId && a.BorrowerSchoolId == TenantSchoolId && a.Level == r.Level
                && (a.ExamPlanId == null || a.ExamPlanId == r.ExamPlanId))
            || Set<ExamPlan>().Any(p => p.Id == r.ExamPlanId && p.OrganizationId == TenantOrganizationId)
            || Set<PilotSchool>().Any(s => s.Id == r.SchoolId && s.ProvinceId == TenantProvinceId));

        b.Entity<Registration>().HasQueryFilter(r =>
            TenantIsPlatform
            || r.SchoolId == TenantSchoolId
            || Set<Certificate>().Any(x => x.Id == r.CertificateId && x.OrganizationId == TenantOrganizationId)
            || Set<PilotSchool>().Any(s => s.Id == r.SchoolId && s.ProvinceId == TenantProvinceId));

        b.Entity<Candidate>().HasQueryFilter(c =>
            TenantIsPlatform
            || c.SchoolId == TenantSchoolId
            || (TenantOrganizationId != null && Set<Registration>().Any(r => r.CandidateId == c.Id))
            || Set<PilotSchool>().Any(s => s.Id == c.SchoolId && s.ProvinceId == TenantProvinceId));

        b.Entity<PaymentRequest>().HasQueryFilter(p =>
            TenantIsPlatform
            || p.SchoolId == TenantSchoolId
            || p.OrganizationId == TenantOrganizationId
            || Set<PilotSchool>().Any(s => s.Id == p.SchoolId && s.ProvinceId == TenantProvinceId));

        b.Entity<Invigilator>().HasQueryFilter(i =>
            TenantIsPlatform
            || i.SchoolId == TenantSchoolId
            || Set<InvigilatorCertification>().IgnoreQueryFilters().Any(c => c.InvigilatorId == i.Id && c.OrganizationId == TenantOrganizationId)
            || Set<PilotSchool>().Any(s => s.Id == i.SchoolId && s.ProvinceId == TenantProvinceId));

        b.Entity<InvigilatorCertification>().HasQueryFilter(c =>
            TenantIsPlatform
            || c.OrganizationId == TenantOrganizationId
            || Set<Invigilator>().Any(i => i.Id == c.InvigilatorId && (i.SchoolId == TenantSchoolId
                || Set<PilotSchool>().Any(s => s.Id == i.SchoolId && s.ProvinceId == TenantProvinceId))));

        b.Entity<RoomSession>().HasQueryFilter(s =>
            TenantIsPlatform
            || Set<ExamRoom>().Any(r => r.Id == s.ExamRoomId)
            || s.Seats.Any(x => x.SchoolId == TenantSchoolId));

        b.Entity<SubjectScore>().HasQueryFilter(s =>
            TenantIsPlatform
            || Set<Registration>().Any(r => r.Id == s.RegistrationId));

        b.Entity<ScoreReviewRequest>().HasQueryFilter(r =>
            TenantIsPlatform
            || r.SchoolId == TenantSchoolId
            || Set<SubjectScore>().Any(x => x.Id == r.SubjectScoreId));

        // 考场签到 (issue 11): a roster and its attendance rows follow the visibility of their room session.
        b.Entity<CertHub.Core.CheckIn.RoomRoster>().HasQueryFilter(r =>
            TenantIsPlatform
            || Set<RoomSession>().Any(s => s.Id == r.RoomSessionId));
        b.Entity<CertHub.Core.CheckIn.Attendance>().HasQueryFilter(a =>
            TenantIsPlatform
            || Set<CertHub.Core.CheckIn.RoomRoster>().Any(r => r.Id == a.RoomRosterId));

        // Organisation API keys: the owning organisation (and the platform) only.
        b.Entity<CertHub.Core.Api.ApiKey>().HasQueryFilter(k =>
            TenantIsPlatform
            || (TenantOrganizationId != null && k.OrganizationId == TenantOrganizationId));

        // 手机签名 sessions (task S): the desk's tenant; the anonymous phone reaches its row by token only (PhoneSigningService).
        b.Entity<PhoneSigningSession>().HasQueryFilter(x =>
            TenantIsPlatform
            || (TenantOrganizationId != null && x.OrganizationId == TenantOrganizationId)
            || (TenantSchoolId != null && x.SchoolId == TenantSchoolId)
            || (TenantProvinceId != null && x.ProvinceId == TenantProvinceId));
    }
}
