using CertHub.Core.ExamSites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class ExamSiteLevelConfiguration : IEntityTypeConfiguration<ExamSiteLevel>
{
    public void Configure(EntityTypeBuilder<ExamSiteLevel> builder)
    {
        builder.ToTable("ExamSiteLevels");
        builder.HasKey(x => new { x.ExamSiteId, x.Level });
    }
}
