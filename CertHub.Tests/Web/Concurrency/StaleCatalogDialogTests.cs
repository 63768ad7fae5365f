using Bunit;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using CertHub.Web.Components.Pages.Admin;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CertHub.Tests.Web.Concurrency;

/// <summary>平台管理 edit dialogs keep the version they loaded: saving after another admin saved shows the concurrency message.</summary>
public sealed class StaleCatalogDialogTests
{
    [Fact]
    public async Task SkillStandardEditDialog_Should_ShowTheConcurrencyMessage_And_KeepTheOtherAdminsSave()
    {
        await using var ctx = new CatalogPageContext(_ => FixedCurrentUser.System);
        var admin = ctx.Services.GetRequiredService<CatalogAdminService>();
        var standards = ctx.Services.GetRequiredService<StandardQueries>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var snackbars = ctx.Render<MudSnackbarProvider>();
        var cut = ctx.Render<SkillStandardsAdminTable>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=edit-button]").Count));

        cut.FindAll("[data-testid=edit-button]")[0].Click();
        dialogs.WaitForAssertion(() => Assert.Contains("编辑职业技能等级标准", dialogs.Markup));
        var ids = (await standards.SkillStandardsAsync(new SkillStandardFilter(), new PageRequest(), default)).Items.Select(s => s.Id).ToList();
        foreach (var id in ids) // the other admin saves every standard (so whichever row the dialog shows) with 版本号 9.9
        {
            await admin.SaveSkillStandardAsync((await admin.SkillStandardInputAsync(id, default))! with { Version = "9.9" }, default);
        }

        dialogs.Find("[data-testid=dialog-save]").Click();

        snackbars.WaitForAssertion(() => Assert.Contains(ConcurrencyConflict.Message, snackbars.Markup, StringComparison.Ordinal));
        var saved = (await standards.SkillStandardsAsync(new SkillStandardFilter(), new PageRequest(), default)).Items;
        Assert.All(saved, s => Assert.Equal("9.9", s.Version));
        Assert.DoesNotContain(ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "保存成功");
    }
}
