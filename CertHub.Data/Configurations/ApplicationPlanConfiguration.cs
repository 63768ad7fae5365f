using CertHub.Core.Applications;
using CertHub.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class ApplicationPlanConfiguration : IEntityTypeConfiguration<ApplicationPlan>
{
    public void Configure(EntityTypeBuilder<ApplicationPlan> builder)
    {
        builder.ToTable("ApplicationPlans");
        builder.Property(x => x.Title).HasMaxLength(ApplicationPlan.TitleMaxLength).IsRequired();
        builder.HasOne<Province>().WithMany().HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.ProvinceId, x.Year, x.Batch }).IsUnique();
        builder.HasMany(x => x.OpenCertificates).WithOne().HasForeignKey(x => x.ApplicationPlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.OpenCertificates).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
