using CertHub.Core.Common;

namespace CertHub.Core.Issuance;

/// <summary>签发签名: the handwritten signature of one party confirming an <see cref="IssuanceRecord"/> (not printed on the certificate).</summary>
public sealed class IssuanceSignature : Entity
{
    private IssuanceSignature()
    {
    }

    internal IssuanceSignature(IssuanceParty party, string signerName, string imagePath, DateTimeOffset signedUtc)
    {
        Party = party;
        SignerName = signerName;
        ImagePath = imagePath;
        SignedUtc = signedUtc;
    }

    public int IssuanceRecordId { get; private set; }

    /// <summary>培训评价组织 or 考核站点.</summary>
    public IssuanceParty Party { get; private set; }

    public string SignerName { get; private set; } = "";

    public string ImagePath { get; private set; } = "";

    public DateTimeOffset SignedUtc { get; private set; }
}
