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
}
