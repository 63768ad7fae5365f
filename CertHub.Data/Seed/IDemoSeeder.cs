namespace CertHub.Data.Seed;

/// <summary>Seeds the Development demo data (DESIGN §7). Idempotent: a second run adds nothing.</summary>
public interface IDemoSeeder
{
    Task SeedAsync(CancellationToken ct);
}
