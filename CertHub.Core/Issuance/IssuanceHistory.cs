using CertHub.Core.Common;

namespace CertHub.Core.Issuance;

/// <summary>颁证记录历史: one row per transition of an <see cref="IssuanceRecord"/>, never changed afterwards.</summary>
public sealed class IssuanceHistory : Entity
{
    private IssuanceHistory()
    {
    }

    internal IssuanceHistory(IssuanceStatus? fromStatus, IssuanceStatus toStatus, IssuanceAction action, IssuanceParty party,
        string actorName, DateTimeOffset atUtc, string? reason, string? signatureImagePath)
    {
        FromStatus = fromStatus;
        ToStatus = toStatus;
        Action = action;
        Party = party;
        ActorName = actorName;
        AtUtc = atUtc;
        Reason = reason;
        SignatureImagePath = signatureImagePath;
    }

    public int IssuanceRecordId { get; private set; }

    /// <summary>Null for the creating row (获取待发证记录).</summary>
    public IssuanceStatus? FromStatus { get; private set; }

    public IssuanceStatus ToStatus { get; private set; }

    public IssuanceAction Action { get; private set; }

    public IssuanceParty Party { get; private set; }

    public string ActorName { get; private set; } = "";

    public DateTimeOffset AtUtc { get; private set; }

    /// <summary>拒绝签发理由 or 盖章失败 reason.</summary>
    public string? Reason { get; private set; }

    /// <summary>The handwritten signature of a 签发 row.</summary>
    public string? SignatureImagePath { get; private set; }

    /// <summary>On a 生成成功 row: the certificate version produced (kept when it is later reissued).</summary>
    public int? Version { get; private set; }

    /// <summary>On a 生成成功 row: that version's 证书编号.</summary>
    public string? CertificateNo { get; private set; }

    /// <summary>On a 生成成功 row: that version's PDF.</summary>
    public string? PdfPath { get; private set; }

    internal void AttachSignature(string imagePath) => SignatureImagePath = imagePath;

    internal void RecordVersion(int version, string certificateNo, string? pdfPath)
    {
        Version = version;
        CertificateNo = certificateNo;
        PdfPath = pdfPath;
    }
}
