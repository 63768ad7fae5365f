using CertHub.Core.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class ApplicationReviewConfiguration : IEntityTypeConfiguration<ApplicationReview>
{
    public void Configure(EntityTypeBuilder<ApplicationReview> builder)
    {
        builder.ToTable("ApplicationReviews");
        builder.Property(x => x.Opinion).HasMaxLength(PilotApplication.OpinionMaxLength);
        builder.Property(x => x.ApprovingUnit).HasMaxLength(PilotApplication.ApprovingUnitMaxLength);
        builder.Property(x => x.ReviewerName).HasMaxLength(PilotApplication.ReviewerMaxLength).IsRequired();
        builder.HasIndex(x => x.PilotApplicationId);
    }
}
