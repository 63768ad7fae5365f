using CertHub.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class PilotSchoolConfiguration : IEntityTypeConfiguration<PilotSchool>
{
    public void Configure(EntityTypeBuilder<PilotSchool> builder)
    {
        builder.ToTable("PilotSchools");
        builder.Property(x => x.Name).HasMaxLength(PilotSchool.NameMaxLength).IsRequired();
        builder.Property(x => x.Code).HasMaxLength(PilotSchool.CodeMaxLength).IsRequired();
        builder.Property(x => x.Address).HasMaxLength(PilotSchool.TextMaxLength);
        builder.Property(x => x.ContactName).HasMaxLength(30);
        builder.Property(x => x.ContactPhone).HasMaxLength(20);
        builder.Property(x => x.Email).HasMaxLength(100);
        builder.Property(x => x.Website).HasMaxLength(PilotSchool.TextMaxLength);
        builder.Property(x => x.Introduction).HasMaxLength(PilotSchool.IntroductionMaxLength);
        builder.Property(x => x.SealImagePath).HasMaxLength(260);
        builder.HasOne(x => x.Province).WithMany().HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.Code).IsUnique();
        builder.HasIndex(x => x.ProvinceId);
    }
}
