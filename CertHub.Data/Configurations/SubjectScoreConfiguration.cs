using CertHub.Core.Candidates;
using CertHub.Core.Exams;
using CertHub.Core.Registrations;
using CertHub.Core.Scores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class SubjectScoreConfiguration : IEntityTypeConfiguration<SubjectScore>
{
    public void Configure(EntityTypeBuilder<SubjectScore> builder)
    {
        builder.ToTable("SubjectScores");
        builder.Property(x => x.Score).HasPrecision(6, 2);
        builder.Property(x => x.FullMark).HasPrecision(6, 2);
        builder.Property(x => x.PassMark).HasPrecision(6, 2);
        builder.HasIndex(x => new { x.RegistrationId, x.SubjectId }).IsUnique();
        builder.HasIndex(x => x.ExamPlanId);
        builder.HasIndex(x => x.SubjectId);
        builder.HasIndex(x => x.CandidateId);
        builder.HasIndex(x => x.RegistrationId);
        builder.HasOne<ExamPlan>().WithMany().HasForeignKey(x => x.ExamPlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ExamSubject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Registration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(x => x.Corrections).WithOne().HasForeignKey(x => x.SubjectScoreId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Corrections).HasField("_corrections").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
