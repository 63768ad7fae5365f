using CertHub.Core.Common;
using CertHub.Data;
using CertHub.Data.Seed;

namespace CertHub.Web.Startup;

/// <summary>Prepares the database at start and, in Development, seeds the demo data.</summary>
public static class DatabaseStartup
{
    public static async Task InitializeAsync(IServiceProvider services, IHostEnvironment environment, CancellationToken ct = default)
    {
        await EnsureSchemaAsync(services, ct);
        if (environment.IsDevelopment())
        {
            await using var scope = services.CreateAsyncScope();
            // In registration order: the catalogue first, then the operations that look it up.
            foreach (var seeder in scope.ServiceProvider.GetServices<IDemoSeeder>())
            {
                await seeder.SeedAsync(ct);
            }
        }
    }

    /// <summary>
    /// Creates the schema. Interim: migrations are generated after the merge; then this becomes
    /// <c>DatabaseInitializer.MigrateAsync</c>.
    /// </summary>
    private static async Task EnsureSchemaAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var db = services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);
        await db.Database.EnsureCreatedAsync(ct);
    }
}
