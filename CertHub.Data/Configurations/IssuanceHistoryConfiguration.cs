using CertHub.Core.Issuance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class IssuanceHistoryConfiguration : IEntityTypeConfiguration<IssuanceHistory>
{
    public void Configure(EntityTypeBuilder<IssuanceHistory> builder)
    {
        builder.ToTable("IssuanceHistories");
        builder.Property(x => x.ActorName).HasMaxLength(IssuanceRecord.ActorNameMaxLength).IsRequired();
        builder.Property(x => x.Reason).HasMaxLength(IssuanceRecord.ReasonMaxLength);
        builder.Property(x => x.SignatureImagePath).HasMaxLength(IssuanceRecord.PathMaxLength);
        builder.Property(x => x.CertificateNo).HasMaxLength(IssuanceRecord.CertificateNoMaxLength);
        builder.Property(x => x.PdfPath).HasMaxLength(IssuanceRecord.PathMaxLength);
        builder.HasIndex(x => x.IssuanceRecordId);
        builder.HasIndex(x => x.ToStatus);
    }
}
