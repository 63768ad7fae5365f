using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class ExamPlanCertificateConfiguration : IEntityTypeConfiguration<ExamPlanCertificate>
{
    public void Configure(EntityTypeBuilder<ExamPlanCertificate> builder)
    {
        builder.ToTable("ExamPlanCertificates");
        builder.HasKey(x => new { x.ExamPlanId, x.CertificateId, x.Level });
        builder.Property(x => x.Fee).HasPrecision(18, 2);
        builder.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.CertificateId);
    }
}
