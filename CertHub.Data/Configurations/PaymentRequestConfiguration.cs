using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using CertHub.Core.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class PaymentRequestConfiguration : IEntityTypeConfiguration<PaymentRequest>
{
    public void Configure(EntityTypeBuilder<PaymentRequest> builder)
    {
        builder.ToTable("PaymentRequests");
        builder.Property(x => x.RequestNo).HasMaxLength(PaymentRequest.RequestNoMaxLength).IsRequired();
        builder.Property(x => x.UnitFee).HasPrecision(18, 2);
        builder.Property(x => x.Amount).HasPrecision(18, 2);
        builder.Property(x => x.CreatedBy).HasMaxLength(PaymentRequest.ActorMaxLength).IsRequired();
        builder.Property(x => x.ConfirmedBy).HasMaxLength(PaymentRequest.ActorMaxLength);

        builder.HasOne<PilotSchool>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExamPlan>().WithMany().HasForeignKey(x => x.ExamPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Certificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExamSubject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(x => x.RequestNo).IsUnique();
        builder.HasIndex(x => new { x.SchoolId, x.ExamPlanId });
        builder.HasIndex(x => x.ExamPlanId);
        builder.HasIndex(x => x.CertificateId);
        builder.HasIndex(x => x.SubjectId);
        builder.HasIndex(x => x.OrganizationId);
        builder.HasIndex(x => x.Status);

        builder.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.PaymentRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
