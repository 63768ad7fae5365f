using System.Threading.Channels;
using CertHub.Core.Issuance;

namespace CertHub.Web.Workers;

/// <summary>Wakes <see cref="CertificateWorker"/> at once after records moved to 证书生成中 (it also polls, so a lost wake-up only delays).</summary>
public sealed class CertificateGenerationSignal : ICertificateGenerationQueue
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public void Wake() => _channel.Writer.TryWrite(true);

    /// <summary>Waits until woken or until <paramref name="timeout"/> passes; true when woken.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        if (_channel.Reader.TryRead(out _))
        {
            return true;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try
        {
            await _channel.Reader.WaitToReadAsync(timer.Token);
            return _channel.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }
}
