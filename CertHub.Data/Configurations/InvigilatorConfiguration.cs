using CertHub.Core.Catalog;
using CertHub.Core.Invigilators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class InvigilatorConfiguration : IEntityTypeConfiguration<Invigilator>
{
    public void Configure(EntityTypeBuilder<Invigilator> builder)
    {
        builder.ToTable("Invigilators");
        builder.Property(x => x.Name).HasMaxLength(Invigilator.NameMaxLength).IsRequired();
        builder.Property(x => x.IdNumber).HasMaxLength(Invigilator.IdNumberMaxLength).IsRequired();
        builder.Property(x => x.Phone).HasMaxLength(Core.Candidates.MobilePhone.Length).IsRequired();
        builder.Property(x => x.Title).HasMaxLength(Invigilator.TitleMaxLength);
        builder.Property(x => x.Department).HasMaxLength(Invigilator.DepartmentMaxLength);
        builder.Property(x => x.TeacherNo).HasMaxLength(Invigilator.TeacherNoLength).IsRequired();
        builder.Property(x => x.Region).HasMaxLength(Invigilator.RegionMaxLength);
        builder.HasIndex(x => x.TeacherNo).IsUnique();

        builder.HasOne<PilotSchool>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.SchoolId, x.IdNumber });
        builder.HasIndex(x => x.Name);
    }
}
