using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> builder)
    {
        builder.ToTable("Candidates");
        builder.Property(x => x.CandidateNo).HasMaxLength(Candidate.CandidateNoLength).IsFixedLength().IsRequired();
        builder.Property(x => x.Name).HasMaxLength(Candidate.NameMaxLength).IsRequired();
        builder.Property(x => x.Pinyin).HasMaxLength(Candidate.PinyinMaxLength);
        builder.Property(x => x.IdNumber).HasMaxLength(Candidate.IdNumberMaxLength).IsRequired();
        builder.Property(x => x.Phone).HasMaxLength(Candidate.PhoneMaxLength);
        builder.Property(x => x.PhotoPath).HasMaxLength(Candidate.PhotoPathMaxLength);
        builder.Property(x => x.VerificationNote).HasMaxLength(Candidate.NoteMaxLength);
        builder.Property(x => x.StatusChangedBy).HasMaxLength(Candidate.ActorMaxLength);

        builder.HasOne<PilotSchool>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Major>().WithMany().HasForeignKey(x => x.MajorId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(x => x.CandidateNo).IsUnique();
        builder.HasIndex(x => new { x.SchoolId, x.IdNumber }).IsUnique();
        builder.HasIndex(x => new { x.SchoolId, x.CandidateType, x.InfoStatus });
        builder.HasIndex(x => new { x.SchoolId, x.CandidateType, x.Id }).HasDatabaseName("IX_Candidates_SchoolList"); // 考生信息管理 in its order (newest first)
        builder.HasIndex(x => x.MajorId);
        builder.HasIndex(x => x.Name);
    }
}
