using Bunit;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using CertHub.Web.Components.Pages.Orgs;

namespace CertHub.Tests.Web.Orgs;

public sealed class OrgsPageTests
{
    [Fact]
    public async Task OrgsPage_Should_ListOrganisationsOfPilotedCertificates_When_SchoolOpensIt()
    {
        await using var ctx = new CatalogPageContext(d => d.SchoolA);

        var cut = ctx.Render<OrgsPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=org-name]").Count));
        Assert.Contains("91110000MA01WL001X", cut.Markup);
    }

    [Fact]
    public async Task OrgsPage_Should_ShowEmptyState_When_SchoolPilotsNothing()
    {
        await using var ctx = new CatalogPageContext(d => new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: d.SchoolCId));

        var cut = ctx.Render<OrgsPage>();

        cut.WaitForAssertion(() => Assert.Contains("暂无数据", cut.Find("[data-testid=no-records]").TextContent));
    }

    [Fact]
    public async Task OrgsPage_Should_Filter_When_NameSearched()
    {
        await using var ctx = new CatalogPageContext(_ => FixedCurrentUser.System);
        var cut = ctx.Render<OrgsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=org-name]").Count));

        cut.Find("input[data-testid=filter-name]").Change("达内");
        cut.Find("[data-testid=filter-search]").Click();

        cut.WaitForAssertion(() => Assert.Equal("达内教育", cut.Find("[data-testid=org-name]").TextContent.Trim()));
    }

    [Fact]
    public async Task OrgDetailPage_Should_ShowPilotedCertificates_When_SchoolViewsOrganisation()
    {
        await using var ctx = new CatalogPageContext(d => d.SchoolB);

        var cut = ctx.Render<OrgDetailPage>(p => p.Add(x => x.Id, ctx.Data.OrgTeduId));

        cut.WaitForAssertion(() => Assert.Contains("Web前端开发职业技能等级证书", cut.Find("[data-testid=org-certificates]").TextContent));
        Assert.DoesNotContain("JAVA应用开发职业技能等级证书", cut.Markup);
    }

    [Fact]
    public async Task OrgDetailPage_Should_ShowNotFound_When_SchoolDoesNotPilotWithOrganisation()
    {
        await using var ctx = new CatalogPageContext(d => d.SchoolB);

        var cut = ctx.Render<OrgDetailPage>(p => p.Add(x => x.Id, ctx.Data.OrgWlId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=not-found]")));
        Assert.DoesNotContain("91110000MA01WL001X", cut.Markup);
    }
}
