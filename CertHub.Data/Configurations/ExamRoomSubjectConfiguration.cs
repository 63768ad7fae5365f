using CertHub.Core.Exams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class ExamRoomSubjectConfiguration : IEntityTypeConfiguration<ExamRoomSubject>
{
    public void Configure(EntityTypeBuilder<ExamRoomSubject> builder)
    {
        builder.ToTable("ExamRoomSubjects");
        builder.HasKey(x => new { x.ExamRoomId, x.SubjectId });
        builder.HasOne<ExamSubject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.SubjectId);
    }
}
