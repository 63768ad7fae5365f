using CertHub.Core.Applications;
using CertHub.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class PilotApplicationConfiguration : IEntityTypeConfiguration<PilotApplication>
{
    public void Configure(EntityTypeBuilder<PilotApplication> builder)
    {
        builder.ToTable("PilotApplications");
        builder.Property(x => x.FacultyHtml).HasMaxLength(PilotApplication.HtmlMaxLength);
        builder.Property(x => x.VenueHtml).HasMaxLength(PilotApplication.HtmlMaxLength);
        builder.Property(x => x.SubmittedBy).HasMaxLength(PilotApplication.ReviewerMaxLength);

        builder.HasOne<PilotSchool>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationPlan>().WithMany().HasForeignKey(x => x.ApplicationPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Restrict);

        // 同一年度同一证书同一级别，只能申报一次.
        builder.HasIndex(x => new { x.SchoolId, x.Year, x.CertificateId, x.Level }).IsUnique();
        builder.HasIndex(x => x.ApplicationPlanId);
        builder.HasIndex(x => x.CertificateId);
        builder.HasIndex(x => x.Status);

        builder.HasMany(x => x.Majors).WithOne().HasForeignKey(x => x.PilotApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Majors).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(x => x.Reviews).WithOne().HasForeignKey(x => x.PilotApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Reviews).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
