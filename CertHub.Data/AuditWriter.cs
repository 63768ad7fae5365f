using CertHub.Core.Audit;
using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CertHub.Data;

/// <summary>
/// 操作日志: finds every status change in the change tracker (an enum property named Status or ending in Status,
/// on an added or modified entity; history rows' FromStatus/ToStatus are records of a change, not changes) and turns it into an <see cref="AuditEntry"/> stamped with the current user.
/// Collected before saving, written after, so new records carry their database id.
/// </summary>
internal static class AuditWriter
{
    public static List<PendingAudit> Collect(ChangeTracker tracker)
    {
        var pending = new List<PendingAudit>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEntry || entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (!IsAuditedStatus(property.Metadata))
                {
                    continue;
                }

                var to = property.CurrentValue as Enum;
                var from = entry.State == EntityState.Added ? null : property.OriginalValue as Enum;
                if (entry.State == EntityState.Modified && Equals(from, to))
                {
                    continue;
                }

                pending.Add(new PendingAudit(entry, from, to, entry.State == EntityState.Added ? "创建" : "状态变更"));
            }
        }

        return pending;
    }

    public static IEnumerable<AuditEntry> ToEntries(IEnumerable<PendingAudit> pending, ICurrentUser user, DateTimeOffset nowUtc) =>
        pending.Select(p => Create(p.Entry.Metadata, name => p.Entry.Property(name).CurrentValue, p.From, p.To, p.Action, user, nowUtc));

    /// <summary>An enum property named Status or ending in Status, except history rows' FromStatus/ToStatus.</summary>
    public static bool IsAuditedStatus(IReadOnlyProperty property)
    {
        var name = property.Name;
        return property.ClrType.IsEnum && name.EndsWith("Status", StringComparison.Ordinal)
            && !name.StartsWith("From", StringComparison.Ordinal) && !name.StartsWith("To", StringComparison.Ordinal);
    }

    /// <summary>
    /// The audit entry of one status change of a record of <paramref name="type"/> whose property values are read through
    /// <paramref name="currentValue"/> (a tracked entry's current values, or a bulk-inserted entity's own).
    /// </summary>
    public static AuditEntry Create(IEntityType type, Func<string, object?> currentValue, Enum? from, Enum? to, string action, ICurrentUser user, DateTimeOffset nowUtc)
    {
        var key = type.FindPrimaryKey();
        var id = key is null
            ? "-"
            : string.Join(",", key.Properties.Select(k => currentValue(k.Name)?.ToString() ?? ""));
        var schoolId = IntProperty(type, currentValue, "SchoolId") ?? IntProperty(type, currentValue, "SiteSchoolId") ?? user.SchoolId;
        var orgId = IntProperty(type, currentValue, "OrganizationId") ?? user.OrganizationId;
        var provinceId = IntProperty(type, currentValue, "ProvinceId") ?? user.ProvinceId;
        return AuditEntry.Create(
            nowUtc,
            user.IsAuthenticated ? user.UserName : "system",
            user.UserId,
            type.ClrType.Name,
            id,
            action,
            from?.ToDisplayName(),
            to?.ToDisplayName(),
            detail: null,
            schoolId,
            orgId,
            provinceId);
    }

    private static int? IntProperty(IEntityType type, Func<string, object?> currentValue, string name) =>
        type.FindProperty(name) is { } prop && (prop.ClrType == typeof(int) || prop.ClrType == typeof(int?))
            ? currentValue(name) as int?
            : null;

    internal sealed record PendingAudit(EntityEntry Entry, Enum? From, Enum? To, string Action);
}
