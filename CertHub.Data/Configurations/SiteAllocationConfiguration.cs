using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class SiteAllocationConfiguration : IEntityTypeConfiguration<SiteAllocation>
{
    public void Configure(EntityTypeBuilder<SiteAllocation> builder)
    {
        builder.ToTable("SiteAllocations");
        builder.Property(x => x.CreatedBy).HasMaxLength(SiteAllocation.ActorMaxLength).IsRequired();

        builder.HasOne<ExamSite>().WithMany().HasForeignKey(x => x.ExamSiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExamPlan>().WithMany().HasForeignKey(x => x.ExamPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PilotSchool>().WithMany().HasForeignKey(x => x.HostSchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PilotSchool>().WithMany().HasForeignKey(x => x.BorrowerSchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(x => x.ExamSiteId);

        // One borrowed site per plan, borrower school and certificate level.
        builder.HasIndex(x => new { x.ExamPlanId, x.BorrowerSchoolId, x.CertificateId, x.Level }).IsUnique();
        builder.HasIndex(x => x.HostSchoolId);
        builder.HasIndex(x => x.BorrowerSchoolId);
        builder.HasIndex(x => x.CertificateId);
        builder.HasIndex(x => x.OrganizationId);
    }
}
