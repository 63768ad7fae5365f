using CertHub.Core.Ledger;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Core.Ledger;

public sealed class LedgerVerifierTests
{
    private static readonly DateTimeOffset T0 = new(2021, 9, 23, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Verify_Should_BeValid_When_ChainUntouched()
    {
        var (blocks, entries) = Chain();

        var result = LedgerVerifier.Verify(blocks, entries);

        Assert.True(result.IsValid);
        Assert.Equal(3, result.BlockCount);
        Assert.Equal(6, result.EntryCount);
    }

    [Fact]
    public void Verify_Should_ReportEntry_When_EntryPayloadHashEdited()
    {
        var (blocks, entries) = Chain();
        LedgerTestItems.Tamper(entries[1], nameof(LedgerEntry.PayloadHash), LedgerHasher.Sha256Hex("forged"));

        var result = LedgerVerifier.Verify(blocks, entries);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((1L, (int?)1), (problem.BlockHeight, problem.IndexInBlock));
        Assert.Equal("交易哈希与交易内容不一致", problem.Reason);
    }

    [Fact]
    public void Verify_Should_ReportMerkleRoot_When_EntryAndTxHashBothRewritten()
    {
        var (blocks, entries) = Chain();
        var entry = entries[2];
        var forgedPayload = LedgerHasher.Sha256Hex("forged");
        LedgerTestItems.Tamper(entry, nameof(LedgerEntry.PayloadHash), forgedPayload);
        LedgerTestItems.Tamper(entry, nameof(LedgerEntry.TxHash),
            LedgerHasher.ComputeTxHash(entry.Kind, entry.SubjectKey, forgedPayload, entry.CreatedUtc, blocks[1].PreviousHash));

        var result = LedgerVerifier.Verify(blocks, entries);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((2L, (int?)null, "默克尔根与区块交易不一致"), (problem.BlockHeight, problem.IndexInBlock, problem.Reason));
    }

    [Fact]
    public void Verify_Should_ReportBlock_When_MerkleRootChanged()
    {
        var (blocks, entries) = Chain();
        LedgerTestItems.Tamper(blocks[0], nameof(LedgerBlock.MerkleRoot), LedgerHasher.Sha256Hex("x"));

        var result = LedgerVerifier.Verify(blocks, entries);

        Assert.Contains(result.Problems, p => p.BlockHeight == 1 && p.Reason == "区块哈希与区块内容不一致");
        Assert.Contains(result.Problems, p => p.BlockHeight == 1 && p.Reason == "默克尔根与区块交易不一致");
    }

    [Fact]
    public void Verify_Should_ReportBrokenLink_When_BlockRehashedAfterEdit()
    {
        var (blocks, entries) = Chain();
        var block = blocks[1];
        var forgedRoot = LedgerHasher.Sha256Hex("x");
        LedgerTestItems.Tamper(block, nameof(LedgerBlock.MerkleRoot), forgedRoot);
        LedgerTestItems.Tamper(block, nameof(LedgerBlock.Hash), LedgerHasher.ComputeBlockHash(block.Height, block.PreviousHash, forgedRoot, block.CreatedUtc));

        var result = LedgerVerifier.Verify(blocks, entries);

        Assert.Contains(result.Problems, p => p.BlockHeight == 2 && p.Reason == "默克尔根与区块交易不一致");
        Assert.Contains(result.Problems, p => p.BlockHeight == 3 && p.Reason == "前一区块哈希不一致，链已断开");
    }

    [Fact]
    public void Verify_Should_ReportMissingBlock_When_BlockRemoved()
    {
        var (blocks, entries) = Chain();

        var result = LedgerVerifier.Verify([blocks[0], blocks[2]], entries);

        Assert.Contains(result.Problems, p => p.BlockHeight == 3 && p.Reason.StartsWith("区块高度不连续"));
        Assert.Contains(result.Problems, p => p.BlockHeight == 3 && p.Reason == "前一区块哈希不一致，链已断开");
        Assert.Contains(result.Problems, p => p.BlockHeight == 2 && p.Reason == "交易所属区块不存在");
    }

    [Fact]
    public void Verify_Should_ReportCount_When_EntryDeleted()
    {
        var (blocks, entries) = Chain();

        var result = LedgerVerifier.Verify(blocks, entries.Where(e => !(e.BlockHeight == 2 && e.IndexInBlock == 1)).ToList());

        Assert.Contains(result.Problems, p => p.BlockHeight == 2 && p.Reason.StartsWith("区块交易数不一致"));
        Assert.Contains(result.Problems, p => p.BlockHeight == 2 && p.Reason == "默克尔根与区块交易不一致");
    }

    private static (List<LedgerBlock> Blocks, List<LedgerEntry> Entries) Chain()
    {
        var blocks = new List<LedgerBlock>();
        var entries = new List<LedgerEntry>();
        LedgerBlock? previous = null;
        foreach (var (count, minute) in new[] { (2, 0), (3, 1), (1, 2) })
        {
            var (block, blockEntries) = LedgerBlock.Seal(previous, LedgerTestItems.Items(count, $"b{minute}"), T0.AddMinutes(minute));
            blocks.Add(block);
            entries.AddRange(blockEntries);
            previous = block;
        }

        return (blocks, entries);
    }
}
