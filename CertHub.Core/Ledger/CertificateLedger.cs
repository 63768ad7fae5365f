using System.Globalization;
using CertHub.Core.Catalog;

namespace CertHub.Core.Ledger;

/// <summary>上链信息 of catalogue certificates: the subject key and canonical payload put on the ledger when a certificate is published.</summary>
public static class CertificateLedger
{
    public static string SubjectKey(int certificateId) => $"certificate:{certificateId}";

    /// <summary>The canonical text hashed into the ledger: id, code, name, organisation, levels, publication instant.</summary>
    public static string Payload(Certificate certificate) =>
        string.Join('|',
            certificate.Id.ToString(CultureInfo.InvariantCulture),
            certificate.Code,
            certificate.Name,
            certificate.OrganizationId.ToString(CultureInfo.InvariantCulture),
            string.Join(',', certificate.Levels.Select(l => (int)l.Level).Order()),
            certificate.PublishedUtc.UtcTicks.ToString(CultureInfo.InvariantCulture));
}

/// <summary>Reads a certificate's ledger proof for the catalogue's 上链信息 dialog.</summary>
public sealed class CertificateLedgerReader(LedgerService ledger) : ICertificateLedgerReader
{
    public async Task<CertificateLedgerInfo?> GetAsync(int certificateId, CancellationToken ct)
    {
        var proof = await ledger.GetEntryAsync(CertificateLedger.SubjectKey(certificateId), ct);
        return proof is null ? null : new CertificateLedgerInfo(proof.BlockHeight, proof.BlockHash, proof.TxHash, proof.CreatedUtc);
    }
}
