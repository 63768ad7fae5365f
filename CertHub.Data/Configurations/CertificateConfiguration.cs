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
        builder.HasIndex(x => x.Code).IsUnique();
        builder.HasIndex(x => x.Name);
        builder.HasIndex(x => x.Status);
        builder.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(x => x.Levels, levels =>
        {
            levels.ToTable("CertificateLevels");
            levels.WithOwner().HasForeignKey(x => x.CertificateId);
            levels.HasKey(x => new { x.CertificateId, x.Level });
        });
        builder.Navigation(x => x.Levels).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(x => x.Majors, majors =>
        {
            majors.ToTable("CertificateMajors");
            majors.WithOwner().HasForeignKey(x => x.CertificateId);
            majors.HasKey(x => new { x.CertificateId, x.MajorId });
            majors.HasOne(x => x.Major).WithMany().HasForeignKey(x => x.MajorId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Navigation(x => x.Majors).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
