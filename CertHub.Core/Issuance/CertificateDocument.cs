using CertHub.Core.Catalog;

namespace CertHub.Core.Issuance;

/// <summary>
/// 电子证书 content as printed: the holder (full ID number, as on real certificates), the certificate, the issuer, the
/// number and the images (photo, the organisation's seal and signature stamp, the site school's 电子签章).
/// </summary>
public sealed record CertificateDocument(
    string HolderName,
    string IdNumber,
    string CertificateName,
    CertificateLevel Level,
    string OrganizationName,
    string SchoolName,
    DateOnly IssuedOn,
    string CertificateNo,
    int Version,
    IssueMethod Method,
    string VerifyUrl,
    byte[] Photo,
    byte[] OrganizationSeal,
    byte[] SignatureStamp,
    byte[] SchoolSeal);

/// <summary>Renders a certificate to a (digitally signed) PDF.</summary>
public interface ICertificateDocumentRenderer
{
    byte[] Render(CertificateDocument document);
}

/// <summary>
/// Settings of certificate generation: the public address printed in the QR code, the chunk size (one save and one ledger
/// block per chunk) and how many PDFs of a chunk are rendered at once (default: one per processor).
/// </summary>
public sealed record CertificateIssuingOptions(string PublicBaseUrl = CertificateIssuingOptions.DefaultPublicBaseUrl, int ChunkSize = 50, int Parallelism = 0)
{
    public int Parallelism { get; init; } = Parallelism > 0 ? Parallelism : Environment.ProcessorCount;

    /// <summary>This worker's name in its claim tokens (several instances may run a worker over one database).</summary>
    public string WorkerId { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>How long a claim on records in 证书生成中 holds before another worker may take them over (its holder died).</summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// TEST ONLY (<c>Issuance:Worker:TestDelayMilliseconds</c>, default 0, refused in Production): a pause per claimed record
    /// before its certificate is rendered, so that a test can be sure that this worker holds claimed, unfinished records
    /// when it kills the instance (issue 10, the two-instance test).
    /// </summary>
    public TimeSpan TestDelayPerRecord { get; init; } = TimeSpan.Zero;

    public const string DefaultPublicBaseUrl = "http://localhost:5080";

    public string VerifyUrl(string certificateNo) => $"{PublicBaseUrl.TrimEnd('/')}/verify/{Uri.EscapeDataString(certificateNo)}";
}
