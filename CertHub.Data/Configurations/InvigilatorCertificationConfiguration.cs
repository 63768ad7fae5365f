using CertHub.Core.Catalog;
using CertHub.Core.Invigilators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class InvigilatorCertificationConfiguration : IEntityTypeConfiguration<InvigilatorCertification>
{
    public void Configure(EntityTypeBuilder<InvigilatorCertification> builder)
    {
        builder.ToTable("InvigilatorCertifications");
        builder.Property(x => x.ReturnReason).HasMaxLength(InvigilatorCertification.ReasonMaxLength);

        builder.HasOne<Invigilator>().WithMany().HasForeignKey(x => x.InvigilatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);

        // One application per invigilator and certificate level.
        builder.HasIndex(x => new { x.InvigilatorId, x.CertificateId, x.Level }).IsUnique();
        builder.HasIndex(x => x.CertificateId);
        builder.HasIndex(x => x.OrganizationId);
        builder.HasIndex(x => x.Status);

        builder.HasMany(x => x.History).WithOne().HasForeignKey(x => x.InvigilatorCertificationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
