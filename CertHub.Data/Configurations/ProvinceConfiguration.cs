using CertHub.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> builder)
    {
        builder.ToTable("Provinces");
        builder.Property(x => x.Code).HasMaxLength(2).IsRequired();
        builder.Property(x => x.Name).HasMaxLength(Province.NameMaxLength).IsRequired();
        builder.Property(x => x.AuthorityName).HasMaxLength(Province.AuthorityNameMaxLength).IsRequired();
        builder.HasIndex(x => x.Code).IsUnique();
    }
}
