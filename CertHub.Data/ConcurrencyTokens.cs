using CertHub.Core.CheckIn;
using CertHub.Core.Common;
using CertHub.Core.Invigilators;
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

    /// <summary>
    /// Children whose rows change without touching their parent's version: a check-in roster's attendance entries are
    /// written by several invigilators' phones at once, each for its own candidate (bumping the roster would refuse them).
    /// </summary>
    private static readonly HashSet<Type> IndependentChildren = [typeof(Attendance)];

    /// <summary>
    /// Children that are separate rows of an aggregate but reached without a collection navigation on the parent
    /// (the parent's 编辑 dialog shows and changes them): a row added or removed bumps the parent.
    /// </summary>
    private static readonly HashSet<(Type Child, Type Parent)> DetachedChildren = [(typeof(InvigilatorCertification), typeof(Invigilator))];

    /// <summary>
    /// Increments the token of every modified entity (called before each save; the original value stays the check). A change
    /// of an aggregate's child rows (a join row added or removed, a child row changed: a session's invigilators, a plan's
    /// certificates and schools, an application's majors, a site's levels, …) counts as a change of the parent, so two users
    /// who edit the children of the same parent conflict like two who edit the parent itself.
    /// </summary>
    public static void Advance(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        var parents = ParentsOfChangedChildren(tracker);
        foreach (var entry in tracker.Entries<Entity>())
        {
            if (entry.State == EntityState.Modified || (entry.State == EntityState.Unchanged && parents.Contains(entry.Entity)))
            {
                var version = entry.Property(e => e.RowVersion);
                version.CurrentValue = version.OriginalValue + 1;
            }
        }
    }

    private static HashSet<Entity> ParentsOfChangedChildren(ChangeTracker tracker)
    {
        var parents = new HashSet<Entity>(ReferenceEqualityComparer.Instance);
        Dictionary<(Type, int), Entity>? tracked = null;
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Deleted or EntityState.Modified)
                || IndependentChildren.Contains(entry.Metadata.ClrType))
            {
                continue;
            }

            foreach (var key in entry.Metadata.GetForeignKeys())
            {
                var parentType = key.PrincipalEntityType.ClrType;
                var aggregate = key.PrincipalToDependent is { IsCollection: true }
                    || (entry.State != EntityState.Modified && DetachedChildren.Contains((entry.Metadata.ClrType, parentType)));
                if (!aggregate || !typeof(Entity).IsAssignableFrom(parentType) || key.Properties.Count != 1)
                {
                    continue;
                }

                var property = entry.Property(key.Properties[0].Name);
                var value = entry.State == EntityState.Deleted ? property.OriginalValue : property.CurrentValue;
                tracked ??= tracker.Entries<Entity>().Where(e => e.State == EntityState.Unchanged)
                    .ToDictionary(e => (e.Metadata.ClrType, e.Entity.Id), e => e.Entity);
                if (value is int parentId && tracked.TryGetValue((parentType, parentId), out var parent))
                {
                    parents.Add(parent);
                }
            }
        }

        return parents;
    }
}
