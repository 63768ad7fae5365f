using CertHub.Core.Catalog;
using CertHub.Core.Reports;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Data.Reports;

public sealed class ReportsModelTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly IssuanceCatalogSeed _seed;

    public ReportsModelTests() => _seed = IssuanceCatalogSeed.SaveIn(_db);

    public void Dispose() => _db.Dispose();

    [Fact]
    public void WeeklyReport_Should_RoundTripWithReviews_When_Saved()
    {
        var report = AWeeklyReport.New().For(_seed.SchoolId, _seed.ProvinceId).In(WeeklyReportStatus.Returned).Build();
        Save(report);

        using var db = _db.OpenAsSystem();
        var loaded = db.Set<WeeklyReport>().Include(r => r.Reviews).Single();
        Assert.Equal((WeeklyReportStatus.Returned, ReportingCycle.Weekly, "2021年09月 第二周"), (loaded.Status, loaded.Cycle, loaded.PeriodLabel));
        Assert.Equal((new DateOnly(2021, 9, 13), new DateOnly(2021, 9, 19)), (loaded.PeriodStart, loaded.PeriodEnd));
        Assert.Equal("<p>北京科技大学第二周</p>", loaded.WorkProgressHtml);
        Assert.Equal("reports/scan.pdf", loaded.ScanPdfPath);
        Assert.Equal([WeeklyReportAction.Submit, WeeklyReportAction.Return], loaded.Reviews.OrderBy(r => r.Id).Select(r => r.Result));
        Assert.Equal("请补充数据", loaded.Reviews.Single(r => r.Result == WeeklyReportAction.Return).Opinion);
    }

    [Fact]
    public void WeeklyReport_Should_RejectDuplicate_When_SameSchoolAndPeriod()
    {
        Save(AWeeklyReport.New().For(_seed.SchoolId, _seed.ProvinceId).Build());
        Save(AWeeklyReport.New().For(_seed.OtherSchoolId, _seed.ProvinceId).Build());
        Save(AWeeklyReport.New().For(_seed.SchoolId, _seed.ProvinceId)
            .InPeriod(ReportPeriod.For(new DateOnly(2021, 9, 22), ReportingCycle.Weekly)).Build());

        Assert.Throws<DbUpdateException>(() => Save(AWeeklyReport.New().For(_seed.SchoolId, _seed.ProvinceId).Build()));
    }

    private void Save(object entity)
    {
        using var db = _db.OpenAsSystem();
        db.Add(entity);
        db.SaveChanges();
    }
}
