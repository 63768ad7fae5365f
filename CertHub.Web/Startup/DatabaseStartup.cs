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

    /// <summary>Applies the pending migrations of the configured provider.</summary>
    private static async Task EnsureSchemaAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
    }
}
