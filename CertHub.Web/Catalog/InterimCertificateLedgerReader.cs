using CertHub.Core.Catalog;

namespace CertHub.Web.Catalog;

/// <summary>TEMPORARY: no ledger yet, so every certificate shows 暂无上链信息. Replaced after the merge.</summary>
public sealed class InterimCertificateLedgerReader : ICertificateLedgerReader
{
    public Task<CertificateLedgerInfo?> GetAsync(int certificateId, CancellationToken ct) => Task.FromResult<CertificateLedgerInfo?>(null);
}
