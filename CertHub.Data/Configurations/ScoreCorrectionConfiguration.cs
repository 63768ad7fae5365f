using CertHub.Core.Scores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class ScoreCorrectionConfiguration : IEntityTypeConfiguration<ScoreCorrection>
{
    public void Configure(EntityTypeBuilder<ScoreCorrection> builder)
    {
        builder.ToTable("ScoreCorrections");
        builder.Property(x => x.OldScore).HasPrecision(6, 2);
        builder.Property(x => x.NewScore).HasPrecision(6, 2);
        builder.Property(x => x.Reason).HasMaxLength(SubjectScore.ReasonMaxLength);
        builder.Property(x => x.ActorName).HasMaxLength(SubjectScore.ActorNameMaxLength).IsRequired();
        builder.HasIndex(x => x.SubjectScoreId);
    }
}
