using CertHub.Core.ExamSites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class ExamSiteReviewConfiguration : IEntityTypeConfiguration<ExamSiteReview>
{
    public void Configure(EntityTypeBuilder<ExamSiteReview> builder)
    {
        builder.ToTable("ExamSiteReviews");
        builder.Property(x => x.Opinion).HasMaxLength(ExamSite.OpinionMaxLength);
        builder.Property(x => x.ActorName).HasMaxLength(ExamSite.ActorMaxLength).IsRequired();
        builder.HasIndex(x => x.ExamSiteId);
    }
}
