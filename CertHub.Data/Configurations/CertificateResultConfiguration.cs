using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using CertHub.Core.Scores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class CertificateResultConfiguration : IEntityTypeConfiguration<CertificateResult>
{
    public void Configure(EntityTypeBuilder<CertificateResult> builder)
    {
        builder.ToTable("CertificateResults");
        builder.HasIndex(x => new { x.CandidateId, x.ExamPlanId, x.CertificateId, x.Level }).IsUnique();
        builder.HasIndex(x => x.CandidateId);
        builder.HasIndex(x => x.ExamPlanId);
        builder.HasIndex(x => x.CertificateId);
        builder.HasIndex(x => x.SchoolId);
        builder.HasIndex(x => x.ExamSiteId);
        builder.HasIndex(x => x.Status);
        builder.HasIndex(x => new { x.Status, x.CertificateId, x.Level, x.SchoolId, x.ExamPlanId }).HasDatabaseName("IX_CertificateResults_Statistics"); // 证书通过率统计
        builder.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PilotSchool>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExamPlan>().WithMany().HasForeignKey(x => x.ExamPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExamSite>().WithMany().HasForeignKey(x => x.ExamSiteId).OnDelete(DeleteBehavior.Restrict);
    }
}
