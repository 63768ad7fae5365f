using CertHub.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class CertificateMajorConfiguration : IEntityTypeConfiguration<CertificateMajor>
{
    public void Configure(EntityTypeBuilder<CertificateMajor> builder)
    {
        builder.ToTable("CertificateMajors");
        builder.HasKey(x => new { x.CertificateId, x.MajorId });
        builder.HasOne(x => x.Major).WithMany().HasForeignKey(x => x.MajorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.MajorId);
    }
}
