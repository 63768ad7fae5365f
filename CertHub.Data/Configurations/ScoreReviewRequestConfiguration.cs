using CertHub.Core.Catalog;
using CertHub.Core.Scores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class ScoreReviewRequestConfiguration : IEntityTypeConfiguration<ScoreReviewRequest>
{
    public void Configure(EntityTypeBuilder<ScoreReviewRequest> builder)
    {
        builder.ToTable("ScoreReviewRequests");
        builder.Property(x => x.Reason).HasMaxLength(ScoreReviewRequest.ReasonMaxLength).IsRequired();
        builder.Property(x => x.RequestedBy).HasMaxLength(ScoreReviewRequest.ActorNameMaxLength).IsRequired();
        builder.Property(x => x.Opinion).HasMaxLength(ScoreReviewRequest.OpinionMaxLength);
        builder.Property(x => x.AnsweredBy).HasMaxLength(ScoreReviewRequest.ActorNameMaxLength);
        builder.HasIndex(x => x.SubjectScoreId);
        builder.HasIndex(x => x.SchoolId);
        builder.HasIndex(x => x.Status);
        builder.HasOne<SubjectScore>().WithMany().HasForeignKey(x => x.SubjectScoreId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PilotSchool>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}
