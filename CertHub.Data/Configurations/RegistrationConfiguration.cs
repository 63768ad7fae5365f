using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using CertHub.Core.Payments;
using CertHub.Core.Registrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> builder)
    {
        builder.ToTable("Registrations");
        builder.Property(x => x.CandidateNo).HasMaxLength(Candidate.CandidateNoLength).IsFixedLength().IsRequired();
        builder.Property(x => x.Name).HasMaxLength(Candidate.NameMaxLength).IsRequired();
        builder.Property(x => x.Pinyin).HasMaxLength(Candidate.PinyinMaxLength);
        builder.Property(x => x.IdNumber).HasMaxLength(Candidate.IdNumberMaxLength).IsRequired();
        builder.Property(x => x.Phone).HasMaxLength(Candidate.PhoneMaxLength);
        builder.Property(x => x.MajorName).HasMaxLength(Registration.MajorNameMaxLength);

        builder.HasOne<ExamPlan>().WithMany().HasForeignKey(x => x.ExamPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PilotSchool>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExamSubject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PaymentRequest>().WithMany().HasForeignKey(x => x.PaymentRequestId).OnDelete(DeleteBehavior.Restrict);

        // One registration per plan + candidate + certificate level + subject. NULLs are distinct in unique indexes,
        // so registrations 按证书 (no subject) get their own filtered index.
        builder.HasIndex(x => new { x.ExamPlanId, x.CandidateId, x.CertificateId, x.Level, x.SubjectId })
            .IsUnique()
            .HasFilter("\"SubjectId\" IS NOT NULL")
            .HasDatabaseName("IX_Registrations_Plan_Candidate_Certificate_Level_Subject");
        builder.HasIndex(x => new { x.ExamPlanId, x.CandidateId, x.CertificateId, x.Level })
            .IsUnique()
            .HasFilter("\"SubjectId\" IS NULL")
            .HasDatabaseName("IX_Registrations_Plan_Candidate_Certificate_Level");
        builder.HasIndex(x => x.CandidateId);
        builder.HasIndex(x => new { x.SchoolId, x.ExamPlanId });
        builder.HasIndex(x => x.CertificateId);
        builder.HasIndex(x => x.SubjectId);
        builder.HasIndex(x => x.PaymentRequestId);
        builder.HasIndex(x => new { x.IsPaid, x.IsScheduled });

        // 证书通过率统计: GROUP BY certificate level and (plan, candidate) from the index alone.
        builder.HasIndex(x => new { x.CertificateId, x.Level, x.ExamPlanId, x.CandidateId, x.IsScheduled, x.SchoolId })
            .HasDatabaseName("IX_Registrations_Statistics");
    }
}
