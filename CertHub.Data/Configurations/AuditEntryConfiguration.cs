using CertHub.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

/// <summary>Audit rows keep plain tenant ids (no foreign keys) so they outlive the records they describe.</summary>
public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(x => x.UserName).HasMaxLength(AuditEntry.UserNameMaxLength).IsRequired();
        builder.Property(x => x.UserId).HasMaxLength(AuditEntry.UserIdMaxLength);
        builder.Property(x => x.EntityType).HasMaxLength(AuditEntry.EntityTypeMaxLength).IsRequired();
        builder.Property(x => x.EntityId).HasMaxLength(AuditEntry.EntityIdMaxLength).IsRequired();
        builder.Property(x => x.Action).HasMaxLength(AuditEntry.ActionMaxLength).IsRequired();
        builder.Property(x => x.FromStatus).HasMaxLength(AuditEntry.StatusMaxLength);
        builder.Property(x => x.ToStatus).HasMaxLength(AuditEntry.StatusMaxLength);
        builder.Property(x => x.Detail).HasMaxLength(AuditEntry.DetailMaxLength);
        builder.HasIndex(x => new { x.EntityType, x.EntityId });
        builder.HasIndex(x => x.SchoolId);
        builder.HasIndex(x => x.OrganizationId);
        builder.HasIndex(x => x.ProvinceId);
        builder.HasIndex(x => x.UserName);
    }
}
