namespace CertHub.Core.Issuance;

/// <summary>证书生成队列: wakes the certificate worker after records moved to 证书生成中 (the queue itself is the status in the database).</summary>
public interface ICertificateGenerationQueue
{
    void Wake();
}

/// <summary>A queue that wakes nobody (the worker still polls).</summary>
public sealed class NullCertificateGenerationQueue : ICertificateGenerationQueue
{
    public void Wake()
    {
    }
}
