using CertHub.Core.Common;

namespace CertHub.Core.Ledger;

/// <summary>
/// 区块: a sealed batch of <see cref="LedgerEntry"/> rows, chained to the previous block by its hash, with the Merkle
/// root of its entries' tx hashes. Immutable once sealed.
/// </summary>
public sealed class LedgerBlock : Entity
{
    public const int HashMaxLength = LedgerHasher.HashLength;

    private LedgerBlock()
    {
    }

    /// <summary>区块高度, from 1.</summary>
    public long Height { get; private set; }

    /// <summary>The previous block's hash (<see cref="LedgerHasher.ZeroHash"/> for block 1).</summary>
    public string PreviousHash { get; private set; } = "";

    public string MerkleRoot { get; private set; } = "";

    /// <summary>块哈希.</summary>
    public string Hash { get; private set; } = "";

    public DateTimeOffset CreatedUtc { get; private set; }

    public int EntryCount { get; private set; }

    /// <summary>
    /// Seals a new block after <paramref name="previous"/> (null for the first block) holding <paramref name="items"/>
    /// in order; returns the block and its entries, all hashes computed. The time is cut to whole microseconds, the finest
    /// every database stores (PostgreSQL's timestamptz), so the hashes recompute from the stored rows on every provider.
    /// </summary>
    public static (LedgerBlock Block, IReadOnlyList<LedgerEntry> Entries) Seal(LedgerBlock? previous, IReadOnlyList<LedgerItem> items, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(items);
        DomainRuleException.ThrowIf(items.Count == 0, "没有需要上链的记录");
        nowUtc = nowUtc.AddTicks(-(nowUtc.UtcTicks % TimeSpan.TicksPerMicrosecond));
        var height = (previous?.Height ?? 0) + 1;
        var previousHash = previous?.Hash ?? LedgerHasher.ZeroHash;
        var entries = items
            .Select((item, index) => LedgerEntry.Create(height, index, item.Kind, item.SubjectKey, item.Payload, previousHash, nowUtc))
            .ToList();
        var merkleRoot = LedgerHasher.ComputeMerkleRoot(entries.Select(e => e.TxHash).ToList());
        var block = new LedgerBlock
        {
            Height = height,
            PreviousHash = previousHash,
            MerkleRoot = merkleRoot,
            CreatedUtc = nowUtc,
            EntryCount = entries.Count,
            Hash = LedgerHasher.ComputeBlockHash(height, previousHash, merkleRoot, nowUtc),
        };
        return (block, entries);
    }
}
