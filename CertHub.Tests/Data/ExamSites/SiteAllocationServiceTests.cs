using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.ExamSites;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.ExamSites;

public sealed class SiteAllocationServiceTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(2));
    private readonly ACatalog _catalog;

    public SiteAllocationServiceTests() => _catalog = ACatalogSeed.SeedAsync(_db).GetAwaiter().GetResult();

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser Org => new(UserRole.OrgAdmin, OrganizationId: _catalog.Organization.Id, UserName: "org", DisplayName: "中物联");

    private SiteAllocationService Service(ICurrentUser? user = null)
    {
        user ??= Org;
        return new SiteAllocationService(_db.FactoryFor(user), user, new RecordingChangeFeed(), _clock);
    }

    [Fact]
    public async Task AllocateAsync_Should_LendHostSiteToSchoolOfPlan()
    {
        var plan = await ACatalogSeed.SeedPlanAsync(_db, _catalog, await ACatalogSeed.SeedSubjectAsync(_db, _catalog));
        var site = await ACatalogSeed.SeedApprovedSiteAsync(_db, _catalog);

        var choices = await Service().ChoicesAsync(plan.Id, default);
        await Service().AllocateAsync(plan.Id, site.Id, _catalog.OtherSchool.Id, CertificateLevel.Junior, default);

        Assert.Single(choices.Sites);
        Assert.Equal(2, choices.Schools.Count);
        var borrower = new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: _catalog.OtherSchool.Id);
        var item = Assert.Single(await Service(borrower).ListAsync(null, default));
        Assert.Equal("北京交通大学", item.HostSchoolName);
        Assert.Equal(plan.Name, item.ExamPlanName);
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service().AllocateAsync(plan.Id, site.Id, _catalog.OtherSchool.Id, CertificateLevel.Junior, default));
        Assert.Contains("已分配", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllocateAsync_Should_Refuse_When_HostIsBorrowerOrNotOrganization()
    {
        var plan = await ACatalogSeed.SeedPlanAsync(_db, _catalog, await ACatalogSeed.SeedSubjectAsync(_db, _catalog));
        var site = await ACatalogSeed.SeedApprovedSiteAsync(_db, _catalog);

        await Assert.ThrowsAsync<DomainRuleException>(() => Service().AllocateAsync(plan.Id, site.Id, _catalog.School.Id, CertificateLevel.Junior, default));
        var school = new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: _catalog.OtherSchool.Id);
        await Assert.ThrowsAsync<DomainRuleException>(() => Service(school).AllocateAsync(plan.Id, site.Id, _catalog.OtherSchool.Id, CertificateLevel.Junior, default));
    }
}
