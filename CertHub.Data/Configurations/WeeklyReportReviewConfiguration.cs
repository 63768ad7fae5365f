using CertHub.Core.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class WeeklyReportReviewConfiguration : IEntityTypeConfiguration<WeeklyReportReview>
{
    public void Configure(EntityTypeBuilder<WeeklyReportReview> builder)
    {
        builder.ToTable("WeeklyReportReviews");
        builder.Property(x => x.Opinion).HasMaxLength(WeeklyReport.OpinionMaxLength);
        builder.Property(x => x.ReviewerName).HasMaxLength(WeeklyReport.ActorNameMaxLength).IsRequired();
        builder.HasIndex(x => x.WeeklyReportId);
    }
}
