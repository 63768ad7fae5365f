using CertHub.Core.Common;

namespace CertHub.Core.Ledger;

/// <summary>上链交易: one hashed event (a certificate published, issued or revoked) inside a <see cref="LedgerBlock"/>.</summary>
public sealed class LedgerEntry : Entity
{
    public const int SubjectKeyMaxLength = 100;
    public const int HashMaxLength = LedgerHasher.HashLength;

    private LedgerEntry()
    {
    }

    /// <summary>区块高度 of the block holding the entry.</summary>
    public long BlockHeight { get; private set; }

    /// <summary>0-based position in the block (the Merkle leaf order).</summary>
    public int IndexInBlock { get; private set; }

    public LedgerEntryKind Kind { get; private set; }

    /// <summary>What the entry is about, e.g. "certificate:12" or a 证书编号.</summary>
    public string SubjectKey { get; private set; } = "";

    /// <summary>Hex SHA-256 of the canonical payload (the payload itself stays with its record).</summary>
    public string PayloadHash { get; private set; } = "";

    /// <summary>交易哈希.</summary>
    public string TxHash { get; private set; } = "";

    public DateTimeOffset CreatedUtc { get; private set; }

    /// <summary>Builds the entry for position <paramref name="indexInBlock"/> of the block at <paramref name="blockHeight"/>.</summary>
    internal static LedgerEntry Create(long blockHeight, int indexInBlock, LedgerEntryKind kind, string subjectKey, string payload,
        string previousBlockHash, DateTimeOffset nowUtc)
    {
        var key = Guard.Required(subjectKey, "上链主体", SubjectKeyMaxLength);
        var payloadHash = LedgerHasher.ComputePayloadHash(payload);
        return new LedgerEntry
        {
            BlockHeight = blockHeight,
            IndexInBlock = indexInBlock,
            Kind = kind,
            SubjectKey = key,
            PayloadHash = payloadHash,
            CreatedUtc = nowUtc,
            TxHash = LedgerHasher.ComputeTxHash(kind, key, payloadHash, nowUtc, previousBlockHash),
        };
    }

    /// <summary>Whether <paramref name="payload"/> (rebuilt from the record today) is still the payload that was hashed.</summary>
    public bool Matches(string payload) => LedgerHasher.ComputePayloadHash(payload) == PayloadHash;
}

/// <summary>An item to put on the ledger: its kind, subject key and canonical payload.</summary>
public sealed record LedgerItem(LedgerEntryKind Kind, string SubjectKey, string Payload);
