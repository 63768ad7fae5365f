using CertHub.Core.Catalog;
using CertHub.Core.Issuance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class PhoneSigningSessionConfiguration : IEntityTypeConfiguration<PhoneSigningSession>
{
    public void Configure(EntityTypeBuilder<PhoneSigningSession> builder)
    {
        builder.ToTable("PhoneSigningSessions");
        builder.Property(x => x.Token).HasMaxLength(PhoneSigningSession.TokenLength).IsFixedLength().IsRequired();
        builder.Property(x => x.SignerName).HasMaxLength(IssuanceRecord.ActorNameMaxLength).IsRequired();
        builder.Property(x => x.OpenedBy).HasMaxLength(PhoneSigningSession.UserNameMaxLength).IsRequired();
        builder.Property(x => x.SignaturePng).HasMaxLength(SignatureImageRules.MaxBytes);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PilotSchool>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Province>().WithMany().HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.Token).IsUnique();
        builder.HasIndex(x => x.ExpiresUtc);
    }
}
