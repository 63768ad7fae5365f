using CertHub.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class CertificateLevelOfferingConfiguration : IEntityTypeConfiguration<CertificateLevelOffering>
{
    public void Configure(EntityTypeBuilder<CertificateLevelOffering> builder)
    {
        builder.ToTable("CertificateLevels");
        builder.HasKey(x => new { x.CertificateId, x.Level });
    }
}
