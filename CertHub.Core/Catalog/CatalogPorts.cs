namespace CertHub.Core.Catalog;

/// <summary>Which certificates a school pilots (= its approved pilot applications).</summary>
public interface IPilotedCertificates
{
    Task<IReadOnlyList<int>> CertificateIdsForSchoolAsync(int schoolId, CancellationToken ct);
}

/// <summary>上链信息 of a certificate, read from the ledger.</summary>
public interface ICertificateLedgerReader
{
    Task<CertificateLedgerInfo?> GetAsync(int certificateId, CancellationToken ct);
}

/// <summary>区块高度, 块哈希, 交易哈希, 上链时间.</summary>
public sealed record CertificateLedgerInfo(long BlockHeight, string BlockHash, string TxHash, DateTimeOffset CreatedUtc);

/// <summary>Change-feed topics of the catalogue.</summary>
public static class CatalogTopics
{
    public const string Provinces = "catalog.provinces";
    public const string Schools = "catalog.schools";
    public const string Organizations = "catalog.organizations";
    public const string Certificates = "catalog.certificates";
    public const string Standards = "catalog.standards";
    public const string Accounts = "catalog.accounts";
}
