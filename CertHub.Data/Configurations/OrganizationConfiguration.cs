using CertHub.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("Organizations");
        builder.Property(x => x.Name).HasMaxLength(Organization.NameMaxLength).IsRequired();
        builder.Property(x => x.CreditCode).HasMaxLength(Organization.CreditCodeLength).IsRequired();
        builder.Property(x => x.ContactName).HasMaxLength(30);
        builder.Property(x => x.ContactPhone).HasMaxLength(20);
        builder.Property(x => x.Address).HasMaxLength(200);
        builder.Property(x => x.Website).HasMaxLength(200);
        builder.Property(x => x.Introduction).HasMaxLength(2000);
        builder.Property(x => x.SealImagePath).HasMaxLength(260);
        builder.Property(x => x.SignatureStampPath).HasMaxLength(260);
        builder.HasIndex(x => x.CreditCode).IsUnique();
    }
}
