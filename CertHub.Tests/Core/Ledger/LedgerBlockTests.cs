using CertHub.Core.Common;
using CertHub.Core.Ledger;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Core.Ledger;

public sealed class LedgerBlockTests
{
    private static readonly DateTimeOffset T0 = new(2021, 9, 23, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Seal_Should_StartChainAtHeightOne_When_NoPreviousBlock()
    {
        var (block, entries) = LedgerBlock.Seal(null, LedgerTestItems.Items(3), T0);

        Assert.Equal(1, block.Height);
        Assert.Equal(LedgerHasher.ZeroHash, block.PreviousHash);
        Assert.Equal(3, block.EntryCount);
        Assert.Equal([0, 1, 2], entries.Select(e => e.IndexInBlock));
        Assert.All(entries, e => Assert.Equal(1, e.BlockHeight));
        Assert.Equal(LedgerHasher.ComputeMerkleRoot(entries.Select(e => e.TxHash).ToList()), block.MerkleRoot);
        Assert.Equal(LedgerHasher.ComputeBlockHash(1, LedgerHasher.ZeroHash, block.MerkleRoot, T0), block.Hash);
        Assert.True(entries[0].Matches("{\"no\":\"1XXXH2021200000001\"}"));
        Assert.False(entries[0].Matches("{\"no\":\"1XXXH2021200000009\"}"));
    }

    [Fact]
    public void Seal_Should_CutTheTimeToWholeMicroseconds_When_TheClockHasFinerTicks()
    {
        var (block, entries) = LedgerBlock.Seal(null, LedgerTestItems.Items(1), T0.AddTicks(12_345_678));

        var expected = T0.AddTicks(12_345_670);
        Assert.Equal(expected, block.CreatedUtc);
        Assert.Equal(expected, Assert.Single(entries).CreatedUtc);
        Assert.Equal(LedgerHasher.ComputeBlockHash(1, LedgerHasher.ZeroHash, block.MerkleRoot, expected), block.Hash);
    }

    [Fact]
    public void Seal_Should_LinkToPrevious_When_ChainGrows()
    {
        var (first, _) = LedgerBlock.Seal(null, LedgerTestItems.Items(1), T0);
        var (second, entries) = LedgerBlock.Seal(first, LedgerTestItems.Items(2), T0.AddMinutes(1));

        Assert.Equal(2, second.Height);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equal(LedgerHasher.ComputeTxHash(LedgerEntryKind.CertificateIssued, "certificate:1", entries[0].PayloadHash, T0.AddMinutes(1), first.Hash), entries[0].TxHash);
    }

    [Fact]
    public void Seal_Should_Throw_When_NoItems()
    {
        Assert.Throws<DomainRuleException>(() => LedgerBlock.Seal(null, [], T0));
    }
}
