using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Ledger;

/// <summary>上链信息 of one subject: its entry, the block holding it, and the block's Merkle root.</summary>
public sealed record LedgerProof(long BlockHeight, string BlockHash, string TxHash, string MerkleRoot, DateTimeOffset CreatedUtc);

/// <summary>
/// 上链服务: seals items into a new block on top of the chain, finds a subject's latest proof, and verifies the whole chain.
/// </summary>
public sealed class LedgerService(ICertHubDbFactory dbFactory, TimeProvider clock)
{
    private const int MaxAttempts = 3;

    /// <summary>
    /// Seals one block holding <paramref name="items"/> (in order) after the current last block and saves block and
    /// entries in one SaveChanges. Returns one proof per item. When another writer took the same height first
    /// (unique height), it retries on top of the new last block.
    /// </summary>
    public async Task<IReadOnlyList<LedgerProof>> AppendAsync(
        IReadOnlyList<(LedgerEntryKind Kind, string SubjectKey, string Payload)> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var ledgerItems = items.Select(i => new LedgerItem(i.Kind, i.SubjectKey, i.Payload)).ToList();
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateAsync(cancellationToken);
            var previous = await db.Set<LedgerBlock>().AsNoTracking()
                .OrderByDescending(b => b.Height)
                .FirstOrDefaultAsync(cancellationToken);
            var (block, entries) = LedgerBlock.Seal(previous, ledgerItems, clock.GetUtcNow());
            db.Set<LedgerBlock>().Add(block);
            db.Set<LedgerEntry>().AddRange(entries);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return entries.Select(e => new LedgerProof(block.Height, block.Hash, e.TxHash, block.MerkleRoot, e.CreatedUtc)).ToList();
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another block took this height; seal again on top of it.
            }
        }
    }

    /// <summary>The latest ledger entry of <paramref name="subjectKey"/> with its block; null when it was never put on the ledger.</summary>
    public async Task<LedgerProof?> GetEntryAsync(string subjectKey, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var query =
            from e in db.Set<LedgerEntry>().AsNoTracking()
            join b in db.Set<LedgerBlock>().AsNoTracking() on e.BlockHeight equals b.Height
            where e.SubjectKey == subjectKey
            orderby e.BlockHeight descending, e.IndexInBlock descending
            select new LedgerProof(b.Height, b.Hash, e.TxHash, b.MerkleRoot, e.CreatedUtc);
        return await query.FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Recomputes every hash of the chain (see <see cref="LedgerVerifier"/>).</summary>
    public async Task<LedgerVerificationResult> VerifyAllAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var blocks = await db.Set<LedgerBlock>().AsNoTracking().OrderBy(b => b.Height).ToListAsync(cancellationToken);
        var entries = await db.Set<LedgerEntry>().AsNoTracking().OrderBy(e => e.BlockHeight).ThenBy(e => e.IndexInBlock).ToListAsync(cancellationToken);
        return LedgerVerifier.Verify(blocks, entries);
    }
}
