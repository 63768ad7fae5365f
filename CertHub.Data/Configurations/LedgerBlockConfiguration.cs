using CertHub.Core.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class LedgerBlockConfiguration : IEntityTypeConfiguration<LedgerBlock>
{
    public void Configure(EntityTypeBuilder<LedgerBlock> builder)
    {
        builder.ToTable("LedgerBlocks");
        builder.Property(x => x.PreviousHash).HasMaxLength(LedgerBlock.HashMaxLength).IsFixedLength().IsRequired();
        builder.Property(x => x.MerkleRoot).HasMaxLength(LedgerBlock.HashMaxLength).IsFixedLength().IsRequired();
        builder.Property(x => x.Hash).HasMaxLength(LedgerBlock.HashMaxLength).IsFixedLength().IsRequired();
        builder.HasIndex(x => x.Height).IsUnique();
        builder.HasIndex(x => x.Hash);
    }
}
