using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using CertHub.Core.Issuance;
using CertHub.Core.Scores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class IssuanceRecordConfiguration : IEntityTypeConfiguration<IssuanceRecord>
{
    public void Configure(EntityTypeBuilder<IssuanceRecord> builder)
    {
        builder.ToTable("IssuanceRecords");
        builder.Property(x => x.CandidateNo).HasMaxLength(IssuanceRecord.CandidateNoMaxLength).IsRequired();
        builder.Property(x => x.CandidateName).HasMaxLength(IssuanceRecord.CandidateNameMaxLength).IsRequired();
        builder.Property(x => x.IdNumber).HasMaxLength(IssuanceRecord.IdNumberMaxLength).IsRequired();
        builder.Property(x => x.CandidateType).HasMaxLength(IssuanceRecord.CandidateTypeMaxLength).IsRequired();
        builder.Property(x => x.CandidateSchoolName).HasMaxLength(IssuanceRecord.SchoolNameMaxLength).IsRequired();
        builder.Property(x => x.CertificateName).HasMaxLength(IssuanceRecord.CertificateNameMaxLength).IsRequired();
        builder.Property(x => x.OrganizationName).HasMaxLength(IssuanceRecord.OrganizationNameMaxLength).IsRequired();
        builder.Property(x => x.PlanName).HasMaxLength(IssuanceRecord.PlanNameMaxLength).IsRequired();
        builder.Property(x => x.SiteName).HasMaxLength(IssuanceRecord.SiteNameMaxLength).IsRequired();
        builder.Property(x => x.CertificateNo).HasMaxLength(IssuanceRecord.CertificateNoMaxLength);
        builder.Property(x => x.PdfPath).HasMaxLength(IssuanceRecord.PathMaxLength);
        builder.Property(x => x.FailureReason).HasMaxLength(IssuanceRecord.ReasonMaxLength);
        builder.Property(x => x.RejectReason).HasMaxLength(IssuanceRecord.ReasonMaxLength);
        builder.Property(x => x.GenerationClaim).HasMaxLength(IssuanceRecord.GenerationClaimMaxLength); // issue 10: worker claims

        builder.HasIndex(x => new { x.CandidateId, x.ExamPlanId, x.CertificateId, x.Level }).IsUnique();
        builder.HasIndex(x => x.CertificateNo).IsUnique().HasFilter("\"CertificateNo\" IS NOT NULL");
        // 证书通过率统计; also serves every lookup by Status (the worker's queue). CandidateId lookups use the unique index above:
        // every index is written on each status change (the indexed Status makes it a non-HOT update), so none is kept twice.
        builder.HasIndex(x => new { x.Status, x.CertificateId, x.Level, x.CandidateSchoolId, x.Year }).HasDatabaseName("IX_IssuanceRecords_Statistics");
        builder.HasIndex(x => x.CandidateSchoolId);
        builder.HasIndex(x => x.SiteSchoolId);
        builder.HasIndex(x => x.ExamSiteId);
        builder.HasIndex(x => x.ExamPlanId);
        builder.HasIndex(x => x.CertificateId);
        builder.HasIndex(x => x.CertificateResultId);
        builder.HasIndex(x => new { x.Year, x.Status });
        builder.HasIndex(x => x.CandidateNo);

        // 证书发放管理 list of an organisation in its order (newest first), per 颁证状态 tab and for its counts, and its 年度 choices:
        // the first page is read from the index instead of sorting every record of the tenant (load bench, issue 10).
        builder.HasIndex(x => new { x.OrganizationId, x.CreatedUtc, x.Id }).IsDescending(false, true, false).HasDatabaseName("IX_IssuanceRecords_OrgList");
        builder.HasIndex(x => new { x.OrganizationId, x.Status, x.CreatedUtc, x.Id }).IsDescending(false, false, true, false).HasDatabaseName("IX_IssuanceRecords_OrgStatusList");
        builder.HasIndex(x => new { x.OrganizationId, x.Year }).HasDatabaseName("IX_IssuanceRecords_OrgYear");

        // The 颁证状态 tab counts of an organisation: a narrow index (few distinct keys, compact) read without the table, where
        // the list index above made the planner scan the whole table. The worker reads its claimed records back by claim token.
        builder.HasIndex(x => new { x.OrganizationId, x.Status }).HasDatabaseName("IX_IssuanceRecords_OrgStatus");
        builder.HasIndex(x => x.GenerationClaim);

        builder.HasOne<PilotSchool>().WithMany().HasForeignKey(x => x.CandidateSchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PilotSchool>().WithMany().HasForeignKey(x => x.SiteSchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExamSite>().WithMany().HasForeignKey(x => x.ExamSiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExamPlan>().WithMany().HasForeignKey(x => x.ExamPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CertificateResult>().WithMany().HasForeignKey(x => x.CertificateResultId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(x => x.History).WithOne().HasForeignKey(x => x.IssuanceRecordId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(x => x.Signatures).WithOne().HasForeignKey(x => x.IssuanceRecordId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Signatures).HasField("_signatures").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
