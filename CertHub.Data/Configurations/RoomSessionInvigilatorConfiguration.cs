using CertHub.Core.Catalog;
using CertHub.Core.Invigilators;
using CertHub.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class RoomSessionInvigilatorConfiguration : IEntityTypeConfiguration<RoomSessionInvigilator>
{
    public void Configure(EntityTypeBuilder<RoomSessionInvigilator> builder)
    {
        builder.ToTable("RoomSessionInvigilators");
        builder.HasIndex(x => new { x.RoomSessionId, x.InvigilatorId }).IsUnique();
        builder.HasIndex(x => x.InvigilatorId);
        builder.HasIndex(x => x.SchoolId);
        builder.HasOne<PilotSchool>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Invigilator>().WithMany().HasForeignKey(x => x.InvigilatorId).OnDelete(DeleteBehavior.Restrict);
    }
}
