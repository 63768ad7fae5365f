using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.ExamSites;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Core.ExamSites;

public sealed class SiteAllocationTests
{
    [Fact]
    public void Create_Should_CopySiteData_When_SiteApproved()
    {
        var site = ADomain.ExamSite(ExamSiteStatus.Approved);

        var allocation = SiteAllocation.Create(site, 2, CertificateLevel.Junior, "组织", ADomain.Day(5));

        Assert.Equal(site.SchoolId, allocation.HostSchoolId);
        Assert.Equal(2, allocation.BorrowerSchoolId);
        Assert.Equal(site.CertificateId, allocation.CertificateId);
    }

    [Theory]
    [InlineData(ExamSiteStatus.Draft)]
    [InlineData(ExamSiteStatus.Pending)]
    [InlineData(ExamSiteStatus.Returned)]
    public void Create_Should_Throw_When_SiteNotApproved(ExamSiteStatus status)
    {
        var site = ADomain.ExamSite(status);

        Assert.Throws<DomainRuleException>(() => SiteAllocation.Create(site, 2, CertificateLevel.Junior, "组织", ADomain.Day(5)));
    }

    [Fact]
    public void Create_Should_Throw_When_BorrowerIsHostSchool()
    {
        var site = ADomain.ExamSite(ExamSiteStatus.Approved);

        var ex = Assert.Throws<DomainRuleException>(() => SiteAllocation.Create(site, site.SchoolId, CertificateLevel.Junior, "组织", ADomain.Day(5)));

        Assert.Contains("所属院校", ex.Message);
    }

    [Fact]
    public void CreateForPlan_Should_SetPlan_When_PlanListsBorrowerAndLevel()
    {
        var site = ADomain.ExamSite(ExamSiteStatus.Approved, certificate: ADomain.Certificate(1, organizationId: 1));
        var plan = ADomain.ExamPlan(schoolIds: [site.SchoolId, 2], certificateId: site.CertificateId).WithId(7);

        var allocation = SiteAllocation.Create(plan, site, 2, CertificateLevel.Junior, "组织", ADomain.Day(5));

        Assert.Equal(7, allocation.ExamPlanId);
    }

    [Fact]
    public void CreateForPlan_Should_Throw_When_BorrowerNotInPlan()
    {
        var site = ADomain.ExamSite(ExamSiteStatus.Approved, certificate: ADomain.Certificate(1, organizationId: 1));
        var plan = ADomain.ExamPlan(schoolIds: [site.SchoolId], certificateId: site.CertificateId);

        var ex = Assert.Throws<DomainRuleException>(() => SiteAllocation.Create(plan, site, 2, CertificateLevel.Junior, "组织", ADomain.Day(5)));

        Assert.Contains("院校范围", ex.Message);
    }

    [Fact]
    public void CreateForPlan_Should_Throw_When_PlanOfAnotherOrganization()
    {
        var site = ADomain.ExamSite(ExamSiteStatus.Approved);
        var plan = ADomain.ExamPlan(schoolIds: [2], certificateId: site.CertificateId);

        Assert.Throws<DomainRuleException>(() => SiteAllocation.Create(plan, site, 2, CertificateLevel.Junior, "组织", ADomain.Day(5)));
    }

    [Fact]
    public void CreateForPlan_Should_Throw_When_LevelNotInPlan()
    {
        var site = ADomain.ExamSite(ExamSiteStatus.Approved, certificate: ADomain.Certificate(1, organizationId: 1));
        var plan = ADomain.ExamPlan(schoolIds: [2], certificateId: site.CertificateId, level: CertificateLevel.Senior);

        Assert.Throws<DomainRuleException>(() => SiteAllocation.Create(plan, site, 2, CertificateLevel.Junior, "组织", ADomain.Day(5)));
    }
}
