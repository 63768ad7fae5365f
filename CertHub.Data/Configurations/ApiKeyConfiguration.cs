using CertHub.Core.Api;
using CertHub.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

/// <summary>API密钥: looked up by the unique hash of the key.</summary>
public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.Property(x => x.Name).HasMaxLength(ApiKey.NameMaxLength).IsRequired();
        builder.Property(x => x.Prefix).HasMaxLength(ApiKey.PrefixLength).IsRequired();
        builder.Property(x => x.KeyHash).HasMaxLength(ApiKey.HashLength).IsRequired();
        builder.Property(x => x.CreatedBy).HasMaxLength(ApiKey.ActorMaxLength).IsRequired();
        builder.Property(x => x.RevokedBy).HasMaxLength(ApiKey.ActorMaxLength);
        builder.HasIndex(x => x.KeyHash).IsUnique();
        builder.HasIndex(x => x.OrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
