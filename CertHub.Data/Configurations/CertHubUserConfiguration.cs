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

        // 一个手机号只能绑定一个账号: the services check first (clear message); the index makes it hold under concurrent saves
        // (NULLs are allowed many times: SQLite and PostgreSQL natively, SQL Server through EF's IS NOT NULL filter).
        builder.HasIndex(x => x.PhoneNumber).IsUnique();
    }
}
