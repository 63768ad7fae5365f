using CertHub.Core.Applications;
using CertHub.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class PilotApplicationMajorConfiguration : IEntityTypeConfiguration<PilotApplicationMajor>
{
    public void Configure(EntityTypeBuilder<PilotApplicationMajor> builder)
    {
        builder.ToTable("PilotApplicationMajors");
        builder.HasKey(x => new { x.PilotApplicationId, x.MajorId });
        builder.HasOne<Major>().WithMany().HasForeignKey(x => x.MajorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.MajorId);
    }
}
