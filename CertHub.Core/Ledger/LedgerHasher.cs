using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CertHub.Core.Ledger;

/// <summary>
/// 上链哈希: the pure hashing rules of the ledger (DESIGN §5). All hashes are lower-case hex SHA-256.
/// <list type="bullet">
/// <item>payload hash = SHA-256(UTF-8 of the canonical payload)</item>
/// <item>tx hash = SHA-256(UTF-8 of "kind|subjectKey|payloadHash|createdUtc.UtcTicks|previousBlockHash"), kind by member name</item>
/// <item>Merkle root: leaves are the tx hashes; a parent is SHA-256 of the 64 bytes left ‖ right; on an odd level the
/// last node is paired with itself; a single leaf is its own root; no leaves give <see cref="ZeroHash"/></item>
/// <item>block hash = SHA-256(UTF-8 of "height|previousHash|merkleRoot|createdUtc.UtcTicks")</item>
/// </list>
/// The first block's previous hash is <see cref="ZeroHash"/>.
/// </summary>
public static class LedgerHasher
{
    public const int HashLength = 64;

    public static readonly string ZeroHash = new('0', HashLength);

    public static string Sha256Hex(string text) => Sha256Hex(Encoding.UTF8.GetBytes(text ?? ""));

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string ComputePayloadHash(string payload) => Sha256Hex(payload);

    public static string ComputeTxHash(LedgerEntryKind kind, string subjectKey, string payloadHash, DateTimeOffset createdUtc, string previousBlockHash) =>
        Sha256Hex(string.Join('|', kind.ToString(), subjectKey, payloadHash,
            createdUtc.UtcTicks.ToString(CultureInfo.InvariantCulture), previousBlockHash));

    public static string ComputeMerkleRoot(IReadOnlyList<string> txHashes)
    {
        ArgumentNullException.ThrowIfNull(txHashes);
        if (txHashes.Count == 0)
        {
            return ZeroHash;
        }

        var level = txHashes.Select(Convert.FromHexString).ToList();
        while (level.Count > 1)
        {
            var next = new List<byte[]>((level.Count + 1) / 2);
            for (var i = 0; i < level.Count; i += 2)
            {
                var left = level[i];
                var right = i + 1 < level.Count ? level[i + 1] : left;
                next.Add(SHA256.HashData([.. left, .. right]));
            }

            level = next;
        }

        return Convert.ToHexStringLower(level[0]);
    }

    public static string ComputeBlockHash(long height, string previousHash, string merkleRoot, DateTimeOffset createdUtc) =>
        Sha256Hex(string.Join('|', height.ToString(CultureInfo.InvariantCulture), previousHash, merkleRoot,
            createdUtc.UtcTicks.ToString(CultureInfo.InvariantCulture)));
}
