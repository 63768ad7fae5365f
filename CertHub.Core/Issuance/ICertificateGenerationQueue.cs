namespace CertHub.Core.Issuance;

/// <summary>
/// 证书生成队列: the port through which 发放 / 重新发放 tell the certificate generation worker that records are waiting in
/// 证书生成中. The records themselves are the durable queue (their status); <see cref="Wake"/> only shortens the wait.
/// </summary>
public interface ICertificateGenerationQueue
{
    /// <summary>Signals that records entered 证书生成中; must return at once and never throw.</summary>
    void Wake();
}

/// <summary>The default until a worker registers its own queue: nothing to wake.</summary>
public sealed class NullCertificateGenerationQueue : ICertificateGenerationQueue
{
    public void Wake()
    {
    }
}
