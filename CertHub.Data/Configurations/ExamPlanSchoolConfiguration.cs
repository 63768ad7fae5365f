using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class ExamPlanSchoolConfiguration : IEntityTypeConfiguration<ExamPlanSchool>
{
    public void Configure(EntityTypeBuilder<ExamPlanSchool> builder)
    {
        builder.ToTable("ExamPlanSchools");
        builder.HasKey(x => new { x.ExamPlanId, x.SchoolId });
        builder.HasOne<PilotSchool>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.SchoolId);
    }
}
