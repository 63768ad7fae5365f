using CertHub.Core.Exams;
using CertHub.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class RoomSessionConfiguration : IEntityTypeConfiguration<RoomSession>
{
    public void Configure(EntityTypeBuilder<RoomSession> builder)
    {
        builder.ToTable("RoomSessions");
        builder.HasIndex(x => x.ExamPlanId);
        builder.HasIndex(x => x.ExamRoomId);
        builder.HasIndex(x => x.SubjectId);
        builder.HasIndex(x => new { x.ExamPlanId, x.SubjectId });

        builder.HasOne<ExamPlan>().WithMany().HasForeignKey(x => x.ExamPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExamRoom>().WithMany().HasForeignKey(x => x.ExamRoomId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExamSubject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(x => x.Seats).WithOne().HasForeignKey(x => x.RoomSessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Seats).HasField("_seats").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(x => x.Invigilators).WithOne().HasForeignKey(x => x.RoomSessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Invigilators).HasField("_invigilators").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
