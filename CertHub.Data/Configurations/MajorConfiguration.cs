using CertHub.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class MajorConfiguration : IEntityTypeConfiguration<Major>
{
    public void Configure(EntityTypeBuilder<Major> builder)
    {
        builder.ToTable("Majors");
        builder.Property(x => x.Code).HasMaxLength(Major.CodeMaxLength).IsRequired();
        builder.Property(x => x.Name).HasMaxLength(Major.NameMaxLength).IsRequired();
        builder.Property(x => x.Category).HasMaxLength(30);
        builder.HasIndex(x => new { x.Code, x.Level }).IsUnique();
    }
}
