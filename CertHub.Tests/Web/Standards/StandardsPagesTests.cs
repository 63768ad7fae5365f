using Bunit;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using CertHub.Web.Components.Pages.Standards;
using MudBlazor;

namespace CertHub.Tests.Web.Standards;

public sealed class StandardsPagesTests
{
    [Fact]
    public async Task SiteStandardsPage_Should_ShowStatusTabsWithCounts()
    {
        await using var ctx = new CatalogPageContext(_ => FixedCurrentUser.System);

        var cut = ctx.Render<SiteStandardsPage>();

        cut.WaitForAssertion(() => Assert.Contains("已停用 (1)", cut.Find("[data-testid=status-tab-Disabled]").TextContent));
        Assert.Contains("全部 (2)", cut.Find("[data-testid=status-tab-all]").TextContent);
        Assert.Equal(2, cut.FindAll("[data-testid=standard-name]").Count);
    }

    [Fact]
    public async Task SiteStandardsPage_Should_FilterRows_When_StatusTabClicked()
    {
        await using var ctx = new CatalogPageContext(_ => FixedCurrentUser.System);
        var cut = ctx.Render<SiteStandardsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=standard-name]").Count));

        cut.Find("[data-testid=status-tab-Disabled]").Click();

        cut.WaitForAssertion(() => Assert.Contains("JAVA", Assert.Single(cut.FindAll("[data-testid=standard-name]")).TextContent));
    }

    [Fact]
    public async Task SkillStandardsPage_Should_ListPilotedStandards_And_OpenDetail()
    {
        await using var ctx = new CatalogPageContext(d => d.SchoolA);
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<SkillStandardsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=standard-name]").Count));

        cut.FindAll("[data-testid=standard-view]")[1].Click();

        dialogs.WaitForAssertion(() => Assert.Contains("标准内容", dialogs.Find("[data-testid=skill-standard-dialog]").TextContent));
    }

    [Fact]
    public async Task SkillStandardsPage_Should_ShowEmptyState_When_SchoolPilotsNoStandards()
    {
        await using var ctx = new CatalogPageContext(d => d.SchoolB);

        var cut = ctx.Render<SkillStandardsPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-records]")));
    }
}
