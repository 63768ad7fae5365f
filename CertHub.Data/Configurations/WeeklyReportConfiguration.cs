using CertHub.Core.Catalog;
using CertHub.Core.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class WeeklyReportConfiguration : IEntityTypeConfiguration<WeeklyReport>
{
    public void Configure(EntityTypeBuilder<WeeklyReport> builder)
    {
        builder.ToTable("WeeklyReports");
        builder.Property(x => x.PeriodLabel).HasMaxLength(ReportPeriod.LabelMaxLength).IsRequired();
        builder.Property(x => x.WorkProgressHtml).HasMaxLength(WeeklyReport.HtmlMaxLength).IsRequired();
        builder.Property(x => x.DifficultiesHtml).HasMaxLength(WeeklyReport.HtmlMaxLength).IsRequired();
        builder.Property(x => x.PolicySuggestionsHtml).HasMaxLength(WeeklyReport.HtmlMaxLength).IsRequired();
        builder.Property(x => x.ScanPdfPath).HasMaxLength(WeeklyReport.PathMaxLength);
        builder.HasIndex(x => new { x.SchoolId, x.PeriodStart, x.PeriodEnd }).IsUnique();
        builder.HasIndex(x => x.SchoolId);
        builder.HasIndex(x => x.ProvinceId);
        builder.HasIndex(x => x.Status);
        builder.HasIndex(x => x.PeriodStart);
        builder.HasOne<PilotSchool>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Province>().WithMany().HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(x => x.Reviews).WithOne().HasForeignKey(x => x.WeeklyReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(x => x.Reviews).HasField("_reviews").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
