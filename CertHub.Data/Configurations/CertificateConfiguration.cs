using CertHub.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.ToTable("Certificates");
        builder.Property(x => x.Name).HasMaxLength(Certificate.NameMaxLength).IsRequired();
        builder.Property(x => x.Code).HasMaxLength(Certificate.CodeMaxLength).IsRequired();
        builder.Property(x => x.Description).HasMaxLength(Certificate.DescriptionMaxLength);
        builder.Property(x => x.Field).HasMaxLength(100);
        builder.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.Code).IsUnique();
        builder.HasIndex(x => x.OrganizationId);
        builder.HasIndex(x => x.Status);

        builder.HasMany(x => x.Levels).WithOne().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Levels).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(x => x.Majors).WithOne().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Majors).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
