using CertHub.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class SkillStandardConfiguration : IEntityTypeConfiguration<SkillStandard>
{
    public void Configure(EntityTypeBuilder<SkillStandard> builder)
    {
        builder.ToTable("SkillStandards");
        builder.Property(x => x.Name).HasMaxLength(SkillStandard.NameMaxLength).IsRequired();
        builder.Property(x => x.Code).HasMaxLength(30).IsRequired();
        builder.Property(x => x.Version).HasMaxLength(20).IsRequired();
        builder.Property(x => x.Content).HasMaxLength(SkillStandard.ContentMaxLength);
        builder.HasIndex(x => x.Status);
        builder.HasOne(x => x.Certificate).WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SiteStandardConfiguration : IEntityTypeConfiguration<SiteStandard>
{
    public void Configure(EntityTypeBuilder<SiteStandard> builder)
    {
        builder.ToTable("SiteStandards");
        builder.Property(x => x.Name).HasMaxLength(SiteStandard.NameMaxLength).IsRequired();
        builder.Property(x => x.Version).HasMaxLength(20).IsRequired();
        builder.Property(x => x.VenueRequirements).HasMaxLength(2000);
        builder.Property(x => x.EquipmentRequirements).HasMaxLength(2000);
        builder.HasIndex(x => x.Status);
        builder.HasOne(x => x.Certificate).WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SchoolCertificateContactConfiguration : IEntityTypeConfiguration<SchoolCertificateContact>
{
    public void Configure(EntityTypeBuilder<SchoolCertificateContact> builder)
    {
        builder.ToTable("SchoolCertificateContacts");
        builder.Property(x => x.Name).HasMaxLength(30).IsRequired();
        builder.Property(x => x.Phone).HasMaxLength(20);
        builder.Property(x => x.Email).HasMaxLength(100);
        builder.Property(x => x.UserId).HasMaxLength(450);
        builder.HasIndex(x => new { x.SchoolId, x.CertificateId }).IsUnique();
        builder.HasOne<PilotSchool>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Certificate).WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Restrict);
    }
}
