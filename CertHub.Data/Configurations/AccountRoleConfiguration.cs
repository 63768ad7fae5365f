using CertHub.Core.Accounts;
using CertHub.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class AccountRoleConfiguration : IEntityTypeConfiguration<AccountRole>
{
    public void Configure(EntityTypeBuilder<AccountRole> builder)
    {
        builder.ToTable("AccountRoles");
        builder.Property(x => x.Name).HasMaxLength(AccountRole.NameMaxLength).IsRequired();
        builder.Property(x => x.Description).HasMaxLength(AccountRole.DescriptionMaxLength);
        builder.Property(x => x.PermissionCodes).HasMaxLength(AccountRole.PermissionCodesMaxLength).IsRequired();
        builder.Ignore(x => x.Permissions);
        builder.HasOne<PilotSchool>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.SchoolId, x.OrganizationId, x.Name }).IsUnique();
    }
}
