using CertHub.Core.Catalog;
using CertHub.Core.ExamSites;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Data.ExamSites;

public sealed class ExamSitesModelTests : IDisposable
{
    private readonly SqliteTestDb _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task SaveChanges_Should_RoundTripSiteAndAllocation_When_Reloaded()
    {
        var catalog = await ACatalogSeed.SeedAsync(_db);
        var site = await ACatalogSeed.SeedApprovedSiteAsync(_db, catalog);
        await using (var ctx = _db.OpenAsSystem())
        {
            ctx.Add(SiteAllocation.Create(site, catalog.OtherSchool.Id, CertificateLevel.Junior, "组织管理员", ADomain.Day(3)));
            await ctx.SaveChangesAsync();
        }

        await using (var ctx = _db.OpenAsSystem())
        {
            var loaded = await ctx.Set<ExamSite>().Include(s => s.Levels).Include(s => s.Reviews).SingleAsync(s => s.Id == site.Id);
            Assert.Equal("北京交通大学信息化应用职业技能等级证书(初级、中级)考核站点", loaded.Name);
            Assert.Equal(ExamSiteStatus.Approved, loaded.Status);
            Assert.Equal(2, loaded.Levels.Count);
            Assert.Equal(2, loaded.Reviews.Count);
            Assert.Equal(catalog.Organization.Id, loaded.OrganizationId);

            var allocation = await ctx.Set<SiteAllocation>().SingleAsync();
            Assert.Equal(catalog.School.Id, allocation.HostSchoolId);
            Assert.Equal(catalog.OtherSchool.Id, allocation.BorrowerSchoolId);
        }
    }

    [Fact]
    public async Task SaveChanges_Should_Throw_When_SecondSiteForSameSchoolAndCertificate()
    {
        var catalog = await ACatalogSeed.SeedAsync(_db);
        await ACatalogSeed.SeedApprovedSiteAsync(_db, catalog);
        await using var ctx = _db.OpenAsSystem();
        ctx.Add(ExamSite.Create(catalog.School, catalog.Certificate, [CertificateLevel.Senior], "另一地址", 20, "王老师", "010-1", ADomain.T0));

        await AUniqueIndex.ViolatedAsync(() => ctx.SaveChangesAsync());
    }
}
