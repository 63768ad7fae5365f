using Bunit;
using CertHub.Core.Accounts;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using CertHub.Web.Components.Pages.Users;
using MudBlazor;

namespace CertHub.Tests.Web.Users;

/// <summary>新增用户 by the platform admin (所属单位 first) and 更换手机号 in 编辑用户.</summary>
public sealed class UserDialogTests
{
    [Fact]
    public async Task PlatformCreate_Should_AskForTheTenant_ThenOfferItsRoles_AndCreateTheAccountThere()
    {
        await using var ctx = new UsersPageContext(_ => AccountsHarness.Platform);
        var h = ctx.Harness;
        var roleA = await h.RoleAsync(h.SchoolAAdmin, "考务管理员", Permissions.CandidateImport);
        await h.RoleAsync(h.SchoolBAdmin, "B校角色", Permissions.CandidateEdit);
        var popovers = ctx.Render<MudPopoverProvider>();
        ctx.Render<MudSnackbarProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<UsersPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=create-user]"));

        _ = cut.Find("[data-testid=create-user]").ClickAsync(new()); // completes only when the dialogs close
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=input-tenant-kind]"));
        var tenant = dialogs.FindComponent<MudAutocomplete<CatalogOption>>();
        var search = tenant.Instance.SearchFunc;
        Assert.NotNull(search);
        var searching = search("北京科技", CancellationToken.None);
        Assert.NotNull(searching);
        var found = (await searching ?? []).ToList();
        Assert.Equal(["北京科技大学"], found.Select(o => o.Name));
        Assert.Equal("", await RoleNamesAsync(dialogs, popovers));
        await dialogs.InvokeAsync(() => tenant.Instance.ValueChanged.InvokeAsync(found[0]));
        dialogs.WaitForAssertion(() => Assert.Equal("考务管理员", RoleNamesAsync(dialogs, popovers).GetAwaiter().GetResult()));

        dialogs.Find("input[data-testid=input-username]").Change("ustb-p1");
        dialogs.Find("input[data-testid=input-display-name]").Change("钱老师");
        dialogs.Find("input[data-testid=input-phone]").Change("13700137201");
        await dialogs.Find("[data-testid=send-code]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("秒后重新获取", dialogs.Find("[data-testid=send-code]").TextContent));
        dialogs.Find("input[data-testid=input-code]").Change(h.LatestCode("13700137201"));
        await dialogs.InvokeAsync(() => dialogs.FindComponent<MudSelect<int?>>().Instance.ValueChanged.InvokeAsync(roleA));
        await dialogs.Find("[data-testid=dialog-save]").ClickAsync(new());

        dialogs.WaitForAssertion(() => dialogs.Find("input[data-testid=generated-password]"));
        var created = await h.As(h.SchoolAAdmin).UserManager.FindByNameAsync("ustb-p1");
        Assert.Equal(h.Catalog.SchoolAId, created!.SchoolId);
        Assert.Equal(UserRole.SchoolUser, created.Role);
    }

    [Fact]
    public async Task PlatformCreate_Should_ShowTheRefusal_WhenNoTenantIsChosen()
    {
        await using var ctx = new UsersPageContext(_ => AccountsHarness.Platform);
        ctx.Render<MudPopoverProvider>();
        var snackbar = ctx.Render<MudSnackbarProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<UsersPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=create-user]"));

        _ = cut.Find("[data-testid=create-user]").ClickAsync(new()); // completes only when the dialogs close
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=dialog-save]"));
        dialogs.Find("input[data-testid=input-username]").Change("nobody");
        await dialogs.Find("[data-testid=dialog-save]").ClickAsync(new());

        snackbar.WaitForAssertion(() => Assert.Contains("请选择所属单位", snackbar.Markup));
        Assert.Single(dialogs.FindAll("[data-testid=user-dialog]"));
    }

    [Fact]
    public async Task SchoolAdminCreate_Should_NotAskForTheTenant()
    {
        await using var ctx = new UsersPageContext(h => h.SchoolAAdmin);
        await ctx.Harness.RoleAsync(ctx.Harness.SchoolAAdmin, "考务管理员", Permissions.CandidateImport);
        var popovers = ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<UsersPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=create-user]"));

        _ = cut.Find("[data-testid=create-user]").ClickAsync(new()); // completes only when the dialogs close

        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=input-role]"));
        Assert.Equal("考务管理员", await RoleNamesAsync(dialogs, popovers));
        Assert.Empty(dialogs.FindAll("[data-testid=input-tenant-kind]"));
    }

    [Fact]
    public async Task Edit_Should_ChangeThePhone_WithTheCodeSentToTheNewOne()
    {
        await using var ctx = new UsersPageContext(h => h.SchoolAAdmin);
        var h = ctx.Harness;
        var role = await h.RoleAsync(h.SchoolAAdmin, "考务管理员", Permissions.CandidateImport);
        var (userId, _) = await h.CreateUserAsync(h.SchoolAAdmin, "ustb-kw", "13800138008", role);
        await h.As(h.SchoolAAdmin).Users.DisableAsync(userId, CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromMinutes(2));
        ctx.Render<MudPopoverProvider>();
        ctx.Render<MudSnackbarProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<UsersPage>();
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=user-edit]").HasAttribute("disabled")));

        var opened = cut.Find("[data-testid=user-edit]").ClickAsync(new()); // completes when the dialog closes
        dialogs.WaitForAssertion(() => Assert.Equal("138****8008", dialogs.Find("input[data-testid=input-phone]").GetAttribute("placeholder")));
        dialogs.Find("input[data-testid=input-phone]").Change("13900139008");
        await dialogs.Find("[data-testid=send-code]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("秒后重新获取", dialogs.Find("[data-testid=send-code]").TextContent));
        dialogs.Find("input[data-testid=input-code]").Change(h.LatestCode("13900139008"));
        await dialogs.Find("[data-testid=dialog-save]").ClickAsync(new());

        await opened.WaitAsync(TimeSpan.FromSeconds(30));
        cut.WaitForAssertion(() => Assert.Contains("139****9008", cut.Markup));
        Assert.Empty(dialogs.FindAll("[data-testid=user-dialog]"));
        Assert.Equal("13900139008", (await h.As(h.SchoolAAdmin).Accounts.FindAsync(userId, CancellationToken.None))!.Phone);
    }

    /// <summary>The 角色 names the dialog offers: the list opened (its items render in the popover provider), read, closed.</summary>
    private static async Task<string> RoleNamesAsync(IRenderedComponent<MudDialogProvider> dialogs, IRenderedComponent<MudPopoverProvider> popovers)
    {
        var select = dialogs.FindComponent<MudSelect<int?>>();
        await dialogs.InvokeAsync(() => select.Instance.OpenMenu());
        var names = string.Join("、", popovers.FindAll(".mud-popover-open .mud-list-item").Select(e => e.TextContent.Trim()));
        await dialogs.InvokeAsync(() => select.Instance.CloseMenu());
        return names;
    }
}
