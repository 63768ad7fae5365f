using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class ExamPlanConfiguration : IEntityTypeConfiguration<ExamPlan>
{
    public void Configure(EntityTypeBuilder<ExamPlan> builder)
    {
        builder.ToTable("ExamPlans");
        builder.Property(x => x.Name).HasMaxLength(ExamPlan.NameMaxLength).IsRequired();
        builder.Property(x => x.PublishedBy).HasMaxLength(ExamPlan.ActorMaxLength);

        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.OrganizationId, x.Year });
        builder.HasIndex(x => x.IsPublished);

        builder.HasMany(x => x.Certificates).WithOne().HasForeignKey(x => x.ExamPlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Certificates).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(x => x.Schools).WithOne().HasForeignKey(x => x.ExamPlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Schools).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(x => x.Subjects).WithOne().HasForeignKey(x => x.ExamPlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Subjects).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
