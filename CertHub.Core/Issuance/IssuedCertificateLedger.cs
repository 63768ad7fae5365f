using System.Globalization;
using CertHub.Core.Common;
using CertHub.Core.Ledger;

namespace CertHub.Core.Issuance;

/// <summary>
/// 上链 of issued certificates: subject key = 证书编号; payload = the canonical text
/// <c>number|name|SHA-256(ID number)|certificate|level|organisation|issue date|version</c> (the ID number itself never goes on the ledger).
/// </summary>
public static class IssuedCertificateLedger
{
    public static LedgerItem Item(IssuanceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        DomainRuleException.ThrowIf(record.CertificateNo is null || record.IssuedOn is null, "证书尚未生成，不能上链");
        return new LedgerItem(LedgerEntryKind.CertificateIssued, record.CertificateNo!, Payload(record));
    }

    public static string Payload(IssuanceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return string.Join('|',
            record.CertificateNo,
            record.CandidateName,
            LedgerHasher.Sha256Hex(record.IdNumber),
            record.CertificateName,
            record.Level.ToDisplayName(),
            record.OrganizationName,
            record.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            record.Version.ToString(CultureInfo.InvariantCulture));
    }
}
