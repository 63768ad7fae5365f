using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.CheckIn;
using CertHub.Core.Registrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> builder)
    {
        builder.ToTable("Attendances");
        builder.HasIndex(x => new { x.RoomRosterId, x.RegistrationId }).IsUnique();
        builder.HasIndex(x => x.RegistrationId);
        builder.HasIndex(x => x.Status);
        builder.Property(x => x.CheckedInBy).HasMaxLength(Attendance.ActorMaxLength);
        builder.Property(x => x.CorrectionReason).HasMaxLength(Attendance.ReasonMaxLength);
        builder.HasOne<Registration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PilotSchool>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}
