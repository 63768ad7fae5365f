using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class ExamPlanSubjectConfiguration : IEntityTypeConfiguration<ExamPlanSubject>
{
    public void Configure(EntityTypeBuilder<ExamPlanSubject> builder)
    {
        builder.ToTable("ExamPlanSubjects");
        builder.HasKey(x => new { x.ExamPlanId, x.SubjectId });
        builder.Property(x => x.Fee).HasPrecision(18, 2);
        builder.HasOne<ExamSubject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.SubjectId);
        builder.HasIndex(x => new { x.CertificateId, x.Level });
    }
}
