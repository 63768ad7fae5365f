using CertHub.Core.CheckIn;
using CertHub.Core.Exams;
using CertHub.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class RoomRosterConfiguration : IEntityTypeConfiguration<RoomRoster>
{
    public void Configure(EntityTypeBuilder<RoomRoster> builder)
    {
        builder.ToTable("RoomRosters");
        builder.HasIndex(x => x.RoomSessionId).IsUnique();
        builder.HasIndex(x => new { x.ExamPlanId, x.SubjectId });
        builder.Property(x => x.ClosedBy).HasMaxLength(Attendance.ActorMaxLength);
        builder.HasOne<ExamPlan>().WithMany().HasForeignKey(x => x.ExamPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExamSubject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RoomSession>().WithMany().HasForeignKey(x => x.RoomSessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Entries).WithOne().HasForeignKey(x => x.RoomRosterId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Entries).HasField("_entries").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
