namespace CertHub.Core.Ledger;

/// <summary>One broken place in the ledger: a block (and entry, when the problem is in one entry) and what is wrong.</summary>
public sealed record LedgerProblem(long BlockHeight, int? IndexInBlock, string Reason);

/// <summary>The outcome of verifying the ledger: valid when no problem was found.</summary>
public sealed record LedgerVerificationResult(int BlockCount, int EntryCount, IReadOnlyList<LedgerProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// 链校验: recomputes every hash and lists every broken block and entry — an edited entry (its tx hash no longer
/// matches its fields), a changed Merkle root, an edited block (its hash no longer matches), a broken chain link
/// (previous hash differs, or heights are not consecutive from 1), or missing/extra entries.
/// </summary>
public static class LedgerVerifier
{
    public static LedgerVerificationResult Verify(IReadOnlyList<LedgerBlock> blocks, IReadOnlyList<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(entries);
        var problems = new List<LedgerProblem>();
        var entriesByBlock = entries.GroupBy(e => e.BlockHeight).ToDictionary(g => g.Key, g => g.OrderBy(e => e.IndexInBlock).ToList());
        var ordered = blocks.OrderBy(b => b.Height).ToList();
        string? previousHash = LedgerHasher.ZeroHash;
        long expectedHeight = 1;
        foreach (var block in ordered)
        {
            if (block.Height != expectedHeight)
            {
                problems.Add(new LedgerProblem(block.Height, null, $"区块高度不连续：应为{expectedHeight}"));
            }

            if (block.PreviousHash != previousHash)
            {
                problems.Add(new LedgerProblem(block.Height, null, "前一区块哈希不一致，链已断开"));
            }

            if (LedgerHasher.ComputeBlockHash(block.Height, block.PreviousHash, block.MerkleRoot, block.CreatedUtc) != block.Hash)
            {
                problems.Add(new LedgerProblem(block.Height, null, "区块哈希与区块内容不一致"));
            }

            var blockEntries = entriesByBlock.GetValueOrDefault(block.Height) ?? [];
            if (blockEntries.Count != block.EntryCount)
            {
                problems.Add(new LedgerProblem(block.Height, null, $"区块交易数不一致：记录{block.EntryCount}条，实际{blockEntries.Count}条"));
            }

            for (var i = 0; i < blockEntries.Count; i++)
            {
                var entry = blockEntries[i];
                if (entry.IndexInBlock != i)
                {
                    problems.Add(new LedgerProblem(block.Height, entry.IndexInBlock, "交易序号不连续"));
                }

                var txHash = LedgerHasher.ComputeTxHash(entry.Kind, entry.SubjectKey, entry.PayloadHash, entry.CreatedUtc, block.PreviousHash);
                if (txHash != entry.TxHash)
                {
                    problems.Add(new LedgerProblem(block.Height, entry.IndexInBlock, "交易哈希与交易内容不一致"));
                }
            }

            if (LedgerHasher.ComputeMerkleRoot(blockEntries.Select(e => e.TxHash).ToList()) != block.MerkleRoot)
            {
                problems.Add(new LedgerProblem(block.Height, null, "默克尔根与区块交易不一致"));
            }

            previousHash = block.Hash;
            expectedHeight = block.Height + 1;
        }

        foreach (var orphan in entries.Where(e => ordered.All(b => b.Height != e.BlockHeight)))
        {
            problems.Add(new LedgerProblem(orphan.BlockHeight, orphan.IndexInBlock, "交易所属区块不存在"));
        }

        return new LedgerVerificationResult(ordered.Count, entries.Count, problems);
    }
}
