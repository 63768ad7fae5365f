using CertHub.Core.Common;
using CertHub.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CertHub.Web.Startup;

/// <summary>/healthz: healthy when the database answers.</summary>
public sealed class DatabaseHealthCheck(CertHubContextBuilder contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Create(FixedCurrentUser.System);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database unreachable");
    }
}
