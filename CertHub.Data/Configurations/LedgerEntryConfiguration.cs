using CertHub.Core.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("LedgerEntries");
        builder.Property(x => x.SubjectKey).HasMaxLength(LedgerEntry.SubjectKeyMaxLength).IsRequired();
        builder.Property(x => x.PayloadHash).HasMaxLength(LedgerEntry.HashMaxLength).IsFixedLength().IsRequired();
        builder.Property(x => x.TxHash).HasMaxLength(LedgerEntry.HashMaxLength).IsFixedLength().IsRequired();
        builder.HasIndex(x => x.TxHash).IsUnique();
        builder.HasIndex(x => new { x.BlockHeight, x.IndexInBlock }).IsUnique();
        builder.HasIndex(x => x.SubjectKey);
        builder.HasIndex(x => x.Kind);
        builder.HasOne<LedgerBlock>().WithMany().HasForeignKey(x => x.BlockHeight).HasPrincipalKey(x => x.Height).OnDelete(DeleteBehavior.Restrict);
    }
}
