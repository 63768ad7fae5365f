namespace CertHub.Core.Ledger;

/// <summary>
/// 外部锚定: publishes a sealed block's hash to an external chain (a public or consortium blockchain) so that even
/// the platform operator cannot rewrite history unnoticed. Returns the external transaction id, or null when nothing was published.
/// </summary>
public interface ILedgerAnchor
{
    Task<string?> AnchorAsync(long blockHeight, string blockHash, CancellationToken cancellationToken);
}

/// <summary>The default anchor: publishes nothing.</summary>
public sealed class NullLedgerAnchor : ILedgerAnchor
{
    public Task<string?> AnchorAsync(long blockHeight, string blockHash, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);
}
