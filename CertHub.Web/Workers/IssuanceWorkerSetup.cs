using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Core.Ledger;
using CertHub.Data;
using CertHub.Web.Documents.Pdf;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CertHub.Web.Workers;

/// <summary>
/// Certificate generation and public verification: the PDF renderer, the generation use case and worker (both running as
/// the system user), the wake-up signal as <see cref="ICertificateGenerationQueue"/> (replacing any earlier registration),
/// and <see cref="CertificateVerification"/> (anonymous, reads as the system).
/// Config: <c>Issuance:WorkerEnabled</c> (default true), <c>Issuance:PollSeconds</c> (2), <c>Issuance:PublicBaseUrl</c>,
/// <c>Issuance:SigningCertificatePath</c> and <c>Issuance:SigningCertificatePassword</c>; for several instances
/// <c>Issuance:WorkerId</c> (default machine:process) and <c>Issuance:ClaimLeaseSeconds</c> (300).
/// Test only: <c>Issuance:Worker:TestDelayMilliseconds</c> (default 0; refused in Production), see
/// <see cref="CertificateIssuingOptions.TestDelayPerRecord"/>.
/// </summary>
public static class IssuanceWorkerSetup
{
    public const string TestDelayKey = "Issuance:Worker:TestDelayMilliseconds";

    public static IServiceCollection AddCertificateIssuing(this IServiceCollection services, IConfiguration configuration)
    {
        var issuingOptions = new CertificateIssuingOptions(
            configuration["Issuance:PublicBaseUrl"] is { Length: > 0 } url ? url : CertificateIssuingOptions.DefaultPublicBaseUrl);
        var testDelay = TimeSpan.FromMilliseconds(Math.Max(0, configuration.GetValue(TestDelayKey, 0)));
        services.AddSingleton(sp =>
        {
            // Test only: a per-record pause of the worker (the two-instance kill test); a Production instance refuses to start with it.
            if (testDelay > TimeSpan.Zero && sp.GetService<IHostEnvironment>()?.IsProduction() == true)
            {
                throw new InvalidOperationException($"{TestDelayKey} is for tests only and must not be set in Production.");
            }

            return issuingOptions with
            {
                // Several instances (issue 10): each worker names itself in its claims; a dead instance's claims expire after the lease.
                WorkerId = configuration["Issuance:WorkerId"] is { Length: > 0 } worker ? worker : issuingOptions.WorkerId,
                ClaimLease = TimeSpan.FromSeconds(Math.Max(10, configuration.GetValue("Issuance:ClaimLeaseSeconds", issuingOptions.ClaimLease.TotalSeconds))),
                TestDelayPerRecord = testDelay,
            };
        });
        services.AddSingleton<PdfSigningCertificate>();
        services.AddSingleton<CertificatePdfRenderer>();
        services.AddSingleton<ICertificateDocumentRenderer>(sp => sp.GetRequiredService<CertificatePdfRenderer>());
        services.AddSingleton<SystemDbFactory>();
        services.AddSingleton(sp => new CertificateIssuing(
            sp.GetRequiredService<SystemDbFactory>(), sp.GetRequiredService<IFileStore>(), sp.GetRequiredService<ICertificateDocumentRenderer>(),
            sp.GetRequiredService<IChangeFeed>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<CertificateIssuingOptions>()));
        services.AddSingleton(sp => new CertificateVerification(
            sp.GetRequiredService<SystemDbFactory>(),
            new LedgerService(sp.GetRequiredService<SystemDbFactory>(), sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton<CertificateGenerationSignal>();
        services.RemoveAll<ICertificateGenerationQueue>();
        services.AddSingleton<ICertificateGenerationQueue>(sp => sp.GetRequiredService<CertificateGenerationSignal>());
        if (CertificateWorker.IsEnabled(configuration))
        {
            services.AddHostedService<CertificateWorker>();
        }

        return services;
    }
}

/// <summary>Units of work as the system user, for background work and anonymous public pages.</summary>
public sealed class SystemDbFactory(CertHubContextBuilder builder) : ICertHubDbFactory
{
    private readonly CertHubDbFactory _inner = new(builder, FixedCurrentUser.System);

    public Task<ICertHubDb> CreateAsync(CancellationToken cancellationToken = default) => _inner.CreateAsync(cancellationToken);
}
