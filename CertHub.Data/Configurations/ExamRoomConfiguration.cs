using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class ExamRoomConfiguration : IEntityTypeConfiguration<ExamRoom>
{
    public void Configure(EntityTypeBuilder<ExamRoom> builder)
    {
        builder.ToTable("ExamRooms");
        builder.Property(x => x.Name).HasMaxLength(ExamRoom.NameMaxLength).IsRequired();
        builder.Property(x => x.Address).HasMaxLength(ExamRoom.AddressMaxLength).IsRequired();

        builder.HasOne<ExamPlan>().WithMany().HasForeignKey(x => x.ExamPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExamSite>().WithMany().HasForeignKey(x => x.ExamSiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PilotSchool>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Restrict);

        // 一个考试计划、一个考核站点、一个考核证书的考场名称是唯一的.
        builder.HasIndex(x => new { x.ExamPlanId, x.ExamSiteId, x.CertificateId, x.Name }).IsUnique();
        builder.HasIndex(x => x.ExamSiteId);
        builder.HasIndex(x => x.SchoolId);
        builder.HasIndex(x => x.CertificateId);

        builder.HasMany(x => x.Subjects).WithOne().HasForeignKey(x => x.ExamRoomId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Subjects).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
