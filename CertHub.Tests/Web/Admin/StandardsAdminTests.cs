using Bunit;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using CertHub.Web.Components.Pages.Admin;
using MudBlazor;

namespace CertHub.Tests.Web.Admin;

public sealed class StandardsAdminTests
{
    [Fact]
    public async Task SkillStandardsTable_Should_OpenEditDialogPrefilled_When_EditClicked()
    {
        await using var ctx = new CatalogPageContext(_ => FixedCurrentUser.System);
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<SkillStandardsAdminTable>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=edit-button]").Count));

        cut.FindAll("[data-testid=edit-button]")[0].Click();

        dialogs.WaitForAssertion(() => Assert.Contains("编辑职业技能等级标准", dialogs.Markup));
        var name = dialogs.Find("[data-testid=skill-standard-edit-dialog] input[data-testid=input-name], [data-testid=skill-standard-edit-dialog] [data-testid=input-name] input");
        Assert.Contains("标准", name.GetAttribute("value"));
    }

    [Fact]
    public async Task SiteStandardsTable_Should_ShowCountsAndToggle_When_Rendered()
    {
        await using var ctx = new CatalogPageContext(_ => FixedCurrentUser.System);
        var cut = ctx.Render<SiteStandardsAdminTable>();

        cut.WaitForAssertion(() => Assert.Contains("已停用 (1)", cut.Find("[data-testid=status-tab-Disabled]").TextContent));
        Assert.Single(cut.FindAll("[data-testid=enable-button]"));
        Assert.Single(cut.FindAll("[data-testid=disable-button]"));

        cut.Find("[data-testid=enable-button]").Click();

        cut.WaitForAssertion(() => Assert.Contains("已停用 (0)", cut.Find("[data-testid=status-tab-Disabled]").TextContent));
    }
}
