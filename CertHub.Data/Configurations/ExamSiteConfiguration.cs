using CertHub.Core.Catalog;
using CertHub.Core.ExamSites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class ExamSiteConfiguration : IEntityTypeConfiguration<ExamSite>
{
    public void Configure(EntityTypeBuilder<ExamSite> builder)
    {
        builder.ToTable("ExamSites");
        builder.Property(x => x.Name).HasMaxLength(ExamSite.NameMaxLength).IsRequired();
        builder.Property(x => x.Address).HasMaxLength(ExamSite.AddressMaxLength).IsRequired();
        builder.Property(x => x.ContactName).HasMaxLength(ExamSite.ContactNameMaxLength).IsRequired();
        builder.Property(x => x.ContactPhone).HasMaxLength(ExamSite.ContactPhoneMaxLength).IsRequired();
        builder.Property(x => x.Equipment).HasMaxLength(ExamSite.EquipmentMaxLength);

        builder.HasOne<PilotSchool>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);

        // 为保证考核站点唯一性: one site per school and certificate.
        builder.HasIndex(x => new { x.SchoolId, x.CertificateId }).IsUnique();
        builder.HasIndex(x => x.CertificateId);
        builder.HasIndex(x => x.OrganizationId);
        builder.HasIndex(x => x.Status);

        builder.HasMany(x => x.Levels).WithOne().HasForeignKey(x => x.ExamSiteId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Levels).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(x => x.Reviews).WithOne().HasForeignKey(x => x.ExamSiteId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Reviews).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
