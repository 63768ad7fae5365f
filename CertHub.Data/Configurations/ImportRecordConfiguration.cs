using CertHub.Core.Catalog;
using CertHub.Core.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class ImportRecordConfiguration : IEntityTypeConfiguration<ImportRecord>
{
    public void Configure(EntityTypeBuilder<ImportRecord> builder)
    {
        builder.ToTable("ImportRecords");
        builder.Property(x => x.FileName).HasMaxLength(ImportRecord.FileNameMaxLength).IsRequired();
        builder.Property(x => x.UserName).HasMaxLength(ImportRecord.UserNameMaxLength).IsRequired();
        builder.Property(x => x.FailedRowsFilePath).HasMaxLength(ImportRecord.PathMaxLength);
        builder.Property(x => x.FailureReason).HasMaxLength(ImportRecord.FailureReasonMaxLength);
        builder.HasIndex(x => x.Kind);
        builder.HasIndex(x => x.SchoolId);
        builder.HasIndex(x => x.OrganizationId);
        builder.HasIndex(x => x.UserName);
        builder.HasOne<PilotSchool>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
