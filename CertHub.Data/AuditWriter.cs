using CertHub.Core.Audit;
using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

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
                var clr = property.Metadata.ClrType;
                var name = property.Metadata.Name;
                if (!clr.IsEnum || !name.EndsWith("Status", StringComparison.Ordinal)
                    || name.StartsWith("From", StringComparison.Ordinal) || name.StartsWith("To", StringComparison.Ordinal))
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
        pending.Select(p =>
        {
            var key = p.Entry.Metadata.FindPrimaryKey();
            var id = key is null
                ? "-"
                : string.Join(",", key.Properties.Select(k => p.Entry.Property(k.Name).CurrentValue?.ToString() ?? ""));
            var schoolId = IntProperty(p.Entry, "SchoolId") ?? IntProperty(p.Entry, "SiteSchoolId") ?? user.SchoolId;
            var orgId = IntProperty(p.Entry, "OrganizationId") ?? user.OrganizationId;
            var provinceId = IntProperty(p.Entry, "ProvinceId") ?? user.ProvinceId;
            return AuditEntry.Create(
                nowUtc,
                user.IsAuthenticated ? user.UserName : "system",
                user.UserId,
                p.Entry.Metadata.ClrType.Name,
                id,
                p.Action,
                p.From?.ToDisplayName(),
                p.To?.ToDisplayName(),
                detail: null,
                schoolId,
                orgId,
                provinceId);
        });

    private static int? IntProperty(EntityEntry entry, string name) =>
        entry.Metadata.FindProperty(name) is { } prop && (prop.ClrType == typeof(int) || prop.ClrType == typeof(int?))
            ? entry.Property(name).CurrentValue as int?
            : null;

    internal sealed record PendingAudit(EntityEntry Entry, Enum? From, Enum? To, string Action);
}
