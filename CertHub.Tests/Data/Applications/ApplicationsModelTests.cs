using CertHub.Core.Applications;
using CertHub.Core.Catalog;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Data.Applications;

public sealed class ApplicationsModelTests : IDisposable
{
    private readonly SqliteTestDb _db = new();

    public void Dispose() => _db.Dispose();

    private async Task<(ACatalog Catalog, ApplicationPlan Plan)> SeedPlanAsync()
    {
        var catalog = await ACatalogSeed.SeedAsync(_db);
        await using var ctx = _db.OpenAsSystem();
        var plan = ApplicationPlan.Create(catalog.Province.Id, 2021, 7, "2021年第七批", ADomain.T0, ADomain.Day(10), true, true, OpenScope.Partial,
            [(catalog.Certificate.Id, CertificateLevel.Senior), (catalog.Certificate.Id, CertificateLevel.Junior)]);
        ctx.Add(plan);
        await ctx.SaveChangesAsync();
        return (catalog, plan);
    }

    [Fact]
    public async Task SaveChanges_Should_RoundTripPlanAndApplication_When_Reloaded()
    {
        var (catalog, plan) = await SeedPlanAsync();
        int id;
        await using (var ctx = _db.OpenAsSystem())
        {
            var application = PilotApplication.Create(plan, catalog.School.Id, catalog.Certificate.Id, CertificateLevel.Senior, ADomain.Day(1));
            application.Edit(0, [new PilotApplicationMajorInput(catalog.Major.Id, 34, 45, 56)], "<p>师资</p>", "<p>场地</p>");
            application.Submit(ADomain.Actor, ADomain.Day(2));
            application.RecordCityDecision(true, ADomain.CityBureau, "同意上报", "省厅审核员", ADomain.Day(2)); // the plan requires 地市级教育局审批
            application.Approve(new Dictionary<int, int> { [catalog.Major.Id] = 50 }, "省厅审核员", ADomain.Day(3), "同意");
            ctx.Add(application);
            await ctx.SaveChangesAsync();
            id = application.Id;
        }

        await using (var ctx = _db.OpenAsSystem())
        {
            var loadedPlan = await ctx.Set<ApplicationPlan>().Include(p => p.OpenCertificates).SingleAsync(p => p.Id == plan.Id);
            Assert.Equal(2, loadedPlan.OpenCertificates.Count);
            Assert.Equal("第七批", loadedPlan.BatchName);
            Assert.True(loadedPlan.IsOpenFor(catalog.Certificate.Id, CertificateLevel.Senior, ADomain.Day(1)));

            var loaded = await ctx.Set<PilotApplication>().Include(a => a.Majors).Include(a => a.Reviews).SingleAsync(a => a.Id == id);
            Assert.Equal(PilotApplicationStatus.Approved, loaded.Status);
            Assert.Equal(56, loaded.RequestedTotal);
            Assert.Equal(50, loaded.ApprovedTotal);
            var major = Assert.Single(loaded.Majors);
            Assert.Equal(50, major.ApprovedTrainees);
            Assert.True(loaded.RequiresCityApproval);
            Assert.Equal(2, loaded.Reviews.Count);
            var city = loaded.Reviews.Single(r => r.Stage == ApplicationReviewStage.City);
            Assert.Equal((ApplicationReviewResult.Approved, ADomain.CityBureau, "同意上报"), (city.Result, city.ApprovingUnit, city.Opinion));
            var review = loaded.Reviews.Single(r => r.Stage == ApplicationReviewStage.Province);
            Assert.Equal(ApplicationReviewResult.Approved, review.Result);
            Assert.Null(review.ApprovingUnit);
            Assert.Equal(ADomain.Day(3), review.ReviewedUtc);
        }
    }

    [Fact]
    public async Task SaveChanges_Should_Throw_When_SecondApplicationForSameSchoolYearCertificateLevel()
    {
        var (catalog, plan) = await SeedPlanAsync();
        await using (var ctx = _db.OpenAsSystem())
        {
            ctx.Add(PilotApplication.Create(plan, catalog.School.Id, catalog.Certificate.Id, CertificateLevel.Senior, ADomain.Day(1)));
            await ctx.SaveChangesAsync();
        }

        await using (var ctx = _db.OpenAsSystem())
        {
            ctx.Add(PilotApplication.Create(plan, catalog.School.Id, catalog.Certificate.Id, CertificateLevel.Senior, ADomain.Day(2)));
            await AUniqueIndex.ViolatedAsync(() => ctx.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task SaveChanges_Should_Throw_When_SecondPlanForSameProvinceYearBatch()
    {
        var (catalog, _) = await SeedPlanAsync();
        await using var ctx = _db.OpenAsSystem();
        ctx.Add(ApplicationPlan.Create(catalog.Province.Id, 2021, 7, "重复批次", ADomain.T0, ADomain.Day(5), false, false, OpenScope.All));

        await AUniqueIndex.ViolatedAsync(() => ctx.SaveChangesAsync());
    }
}
