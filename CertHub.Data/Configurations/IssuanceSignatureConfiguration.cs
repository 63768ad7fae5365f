using CertHub.Core.Issuance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class IssuanceSignatureConfiguration : IEntityTypeConfiguration<IssuanceSignature>
{
    public void Configure(EntityTypeBuilder<IssuanceSignature> builder)
    {
        builder.ToTable("IssuanceSignatures");
        builder.Property(x => x.SignerName).HasMaxLength(IssuanceRecord.ActorNameMaxLength).IsRequired();
        builder.Property(x => x.ImagePath).HasMaxLength(IssuanceRecord.PathMaxLength).IsRequired();
        builder.HasIndex(x => x.IssuanceRecordId);
    }
}
