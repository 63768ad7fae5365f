using CertHub.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class CertHubUserConfiguration : IEntityTypeConfiguration<CertHubUser>
{
    public void Configure(EntityTypeBuilder<CertHubUser> builder)
    {
        builder.Property(x => x.DisplayName).HasMaxLength(CertHubUser.DisplayNameMaxLength).IsRequired();
        builder.HasIndex(x => x.SchoolId);
        builder.HasIndex(x => x.OrganizationId);
        builder.HasIndex(x => x.ProvinceId);
        builder.Property(x => x.OwnedCertificateIds).HasMaxLength(CertHubUser.OwnedCertificateIdsMaxLength);
        builder.HasIndex(x => x.AccountRoleId);
    }
}
