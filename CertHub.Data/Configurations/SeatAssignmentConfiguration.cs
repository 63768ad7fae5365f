using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Registrations;
using CertHub.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class SeatAssignmentConfiguration : IEntityTypeConfiguration<SeatAssignment>
{
    public void Configure(EntityTypeBuilder<SeatAssignment> builder)
    {
        builder.ToTable("SeatAssignments");
        builder.Property(x => x.AdmissionTicketNo).HasMaxLength(SeatAssignment.AdmissionTicketNoMaxLength).IsRequired();
        builder.HasIndex(x => new { x.RoomSessionId, x.SeatNo }).IsUnique();
        builder.HasIndex(x => new { x.RoomSessionId, x.RegistrationId }).IsUnique();
        builder.HasIndex(x => x.RegistrationId);
        builder.HasIndex(x => x.CandidateId);
        builder.HasIndex(x => x.SchoolId);
        builder.HasIndex(x => x.AdmissionTicketNo);
        builder.HasOne<PilotSchool>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Registration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Restrict);
    }
}
