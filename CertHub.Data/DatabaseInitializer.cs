using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Data;

/// <summary>Applies pending migrations at start (as the system user, who sees every tenant).</summary>
public sealed class DatabaseInitializer(CertHubContextBuilder builder)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var db = builder.Create(FixedCurrentUser.System);
        await db.Database.MigrateAsync(ct);
    }
}
