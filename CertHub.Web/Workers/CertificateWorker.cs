using CertHub.Core.Issuance;
using CertHub.Web.Documents.Pdf;

namespace CertHub.Web.Workers;

/// <summary>
/// 证书生成 worker: on start, whenever woken and every <c>Issuance:PollSeconds</c> (default 2), processes every record
/// in 证书生成中 as the system user. The queue is the status in the database, so records left by a stop are resumed.
/// A failing record goes to 盖章失败 inside <see cref="CertificateIssuing"/>; a failing batch is logged and retried later.
/// </summary>
public sealed class CertificateWorker(
    CertificateIssuing issuing,
    CertificateGenerationSignal signal,
    CertificatePdfRenderer renderer,
    IConfiguration configuration,
    ILogger<CertificateWorker> logger) : BackgroundService
{
    private const int BatchSize = 500;

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue("Issuance:WorkerEnabled", true);

    private void WarmUp()
    {
        try
        {
            renderer.WarmUp();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Certificate PDF renderer warm-up failed.");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(0.2, configuration.GetValue("Issuance:PollSeconds", 2.0)));
        await Task.Yield();
        WarmUp();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int processed;
                do
                {
                    processed = await issuing.ProcessPendingAsync(BatchSize, stoppingToken);
                    if (processed > 0)
                    {
                        logger.LogInformation("Certificate worker processed {Count} issuance records.", processed);
                    }
                }
                while (processed == BatchSize && !stoppingToken.IsCancellationRequested);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Certificate generation failed; retrying in {Poll}.", poll);
            }

            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
