using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CertHub.Data;

/// <summary>
/// Optimistic concurrency for every entity (<see cref="Entity.RowVersion"/>): a plain 64-bit column marked as concurrency
/// token, so it works the same on every provider (no rowversion/xmin). Each save of a modified entity writes
/// loaded version + 1 and EF adds "AND RowVersion = loaded" to the UPDATE; zero rows affected means another user saved first.
/// The column defaults to 0 so that raw-SQL inserts (bench datasets) need not name it.
/// </summary>
internal static class ConcurrencyTokens
{
    public static void Configure(ModelBuilder builder)
    {
        foreach (var type in builder.Model.GetEntityTypes().Where(t => t.BaseType is null && !t.IsOwned() && typeof(Entity).IsAssignableFrom(t.ClrType)).ToList())
        {
            builder.Entity(type.ClrType).Property(nameof(Entity.RowVersion)).IsConcurrencyToken().HasDefaultValue(0L);
        }
    }

    /// <summary>Increments the token of every modified entity (called before each save; the original value stays the check).</summary>
    public static void Advance(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        foreach (var entry in tracker.Entries<Entity>())
        {
            if (entry.State == EntityState.Modified)
            {
                var version = entry.Property(e => e.RowVersion);
                version.CurrentValue = version.OriginalValue + 1;
            }
        }
    }
}
