using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class ExamSubjectConfiguration : IEntityTypeConfiguration<ExamSubject>
{
    public void Configure(EntityTypeBuilder<ExamSubject> builder)
    {
        builder.ToTable("ExamSubjects");
        builder.Property(x => x.Code).HasMaxLength(ExamSubject.CodeMaxLength).IsRequired();
        builder.Property(x => x.Name).HasMaxLength(ExamSubject.NameMaxLength).IsRequired();
        builder.Property(x => x.FullMark).HasPrecision(6, 2);
        builder.Property(x => x.PassMark).HasPrecision(6, 2);

        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(x => x.OrganizationId);
        builder.HasIndex(x => new { x.CertificateId, x.Level });
    }
}
