using CertHub.Core.Invigilators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class InvigilatorCertificationHistoryConfiguration : IEntityTypeConfiguration<InvigilatorCertificationHistory>
{
    public void Configure(EntityTypeBuilder<InvigilatorCertificationHistory> builder)
    {
        builder.ToTable("InvigilatorCertificationHistories");
        builder.Property(x => x.Reason).HasMaxLength(InvigilatorCertification.ReasonMaxLength);
        builder.Property(x => x.ActorName).HasMaxLength(InvigilatorCertification.ActorMaxLength).IsRequired();
        builder.HasIndex(x => x.InvigilatorCertificationId);
    }
}
