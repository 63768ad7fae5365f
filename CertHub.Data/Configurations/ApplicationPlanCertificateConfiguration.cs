using CertHub.Core.Applications;
using CertHub.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class ApplicationPlanCertificateConfiguration : IEntityTypeConfiguration<ApplicationPlanCertificate>
{
    public void Configure(EntityTypeBuilder<ApplicationPlanCertificate> builder)
    {
        builder.ToTable("ApplicationPlanCertificates");
        builder.HasKey(x => new { x.ApplicationPlanId, x.CertificateId, x.Level });
        builder.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.CertificateId);
    }
}
