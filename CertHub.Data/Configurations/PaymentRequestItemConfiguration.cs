using CertHub.Core.Payments;
using CertHub.Core.Registrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class PaymentRequestItemConfiguration : IEntityTypeConfiguration<PaymentRequestItem>
{
    public void Configure(EntityTypeBuilder<PaymentRequestItem> builder)
    {
        builder.ToTable("PaymentRequestItems");
        builder.HasKey(x => new { x.PaymentRequestId, x.RegistrationId });
        builder.HasOne<Registration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Restrict);
        // A registration is billed by at most one request (deleting a request deletes its items and frees them).
        builder.HasIndex(x => x.RegistrationId).IsUnique();
    }
}
