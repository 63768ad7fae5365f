using Bunit;
using CertHub.Core.Accounts;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using CertHub.Web.Components.Pages.Profile;
using CertHub.Web.Components.Pages.Users;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CertHub.Tests.Web.Users;

/// <summary>A bUnit context with the real account services (Identity on SQLite) as the given user.</summary>
public sealed class UsersPageContext : BunitContext
{
    public UsersPageContext(Func<AccountsHarness, ICurrentUser> user)
    {
        Services.AddSingleton(_ => Harness); // disposed with the container
        var current = user(Harness);
        var actor = Harness.As(current);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(current);
        Services.AddSingleton(actor.Users);
        Services.AddSingleton(actor.Roles);
        Services.AddSingleton(actor.Profile);
    }

    public AccountsHarness Harness { get; } = new();

}

public sealed class UsersPageTests
{
    private static async Task<string> SeedUserAsync(AccountsHarness h)
    {
        var role = await h.RoleAsync(h.SchoolAAdmin, "考务管理员", Permissions.CandidateImport);
        return (await h.CreateUserAsync(h.SchoolAAdmin, "ustb-kw", "13800138008", role)).UserId;
    }

    [Fact]
    public async Task UsersPage_Should_ListSubAccounts_WithMaskedPhoneRoleAndState()
    {
        await using var ctx = new UsersPageContext(h => h.SchoolAAdmin);
        await SeedUserAsync(ctx.Harness);

        var cut = ctx.Render<UsersPage>();

        cut.WaitForAssertion(() => Assert.Equal("ustb-kw", cut.Find("[data-testid=user-username]").TextContent));
        Assert.Contains("138****8008", cut.Markup);
        Assert.Contains("考务管理员", cut.Markup);
        Assert.Contains("已启用", cut.Find("[data-testid=user-status]").TextContent);
        Assert.True(cut.Find("[data-testid=user-edit]").HasAttribute("disabled"));
        Assert.True(cut.Find("[data-testid=user-delete]").HasAttribute("disabled"));
        Assert.NotEmpty(cut.FindAll("[data-testid=create-user]"));
    }

    [Fact]
    public async Task UsersPage_Should_DisableAfterConfirm_ThenAllowEditAndDelete()
    {
        await using var ctx = new UsersPageContext(h => h.SchoolAAdmin);
        await SeedUserAsync(ctx.Harness);
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<UsersPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=user-disable]"));

        cut.Find("[data-testid=user-disable]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("停用后该账号不能登录", dialogs.Find("[data-testid=confirm-message]").TextContent));
        dialogs.Find("[data-testid=confirm-yes]").Click();

        cut.WaitForAssertion(() => Assert.Contains("已停用", cut.Find("[data-testid=user-status]").TextContent));
        Assert.False(cut.Find("[data-testid=user-edit]").HasAttribute("disabled"));
        Assert.False(cut.Find("[data-testid=user-delete]").HasAttribute("disabled"));
        Assert.NotEmpty(cut.FindAll("[data-testid=user-enable]"));
    }

    [Fact]
    public async Task UsersPage_Should_ShowTheResetPasswordHidden_UntilTheEyeIsClicked()
    {
        await using var ctx = new UsersPageContext(h => h.SchoolAAdmin);
        var userId = await SeedUserAsync(ctx.Harness);
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<UsersPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=user-reset-password]"));

        cut.Find("[data-testid=user-reset-password]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=confirm-yes]"));
        dialogs.Find("[data-testid=confirm-yes]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("password", dialogs.Find("input[data-testid=generated-password]").GetAttribute("type")));
        var password = dialogs.Find("input[data-testid=generated-password]").GetAttribute("value")!;
        dialogs.Find(".mud-input-adornment button, button.mud-icon-button[aria-label=查看密码]").Click();
        dialogs.WaitForAssertion(() => Assert.Equal("text", dialogs.Find("input[data-testid=generated-password]").GetAttribute("type")));
        var account = await ctx.Harness.As(ctx.Harness.SchoolAAdmin).Accounts.FindAsync(userId, default);
        Assert.True(account!.MustChangePassword);
        var user = await ctx.Harness.As(ctx.Harness.SchoolAAdmin).UserManager.FindByIdAsync(userId);
        Assert.True(await ctx.Harness.As(ctx.Harness.SchoolAAdmin).UserManager.CheckPasswordAsync(user!, password));
    }

    [Fact]
    public async Task UsersPage_Should_ListEveryTenantsUsers_AndOfferCreateToThePlatform()
    {
        await using var ctx = new UsersPageContext(_ => AccountsHarness.Platform);
        await SeedUserAsync(ctx.Harness);

        var cut = ctx.Render<UsersPage>();

        cut.WaitForAssertion(() => Assert.Equal("ustb-kw", cut.Find("[data-testid=user-username]").TextContent));
        Assert.NotEmpty(cut.FindAll("[data-testid=create-user]"));
    }

    [Fact]
    public async Task UsersPage_Should_ShowNoRecords_ForAnotherSchool()
    {
        await using var ctx = new UsersPageContext(h => h.SchoolBAdmin);
        await SeedUserAsync(ctx.Harness);

        var cut = ctx.Render<UsersPage>();

        cut.WaitForAssertion(() => Assert.Contains("暂无数据", cut.Find("[data-testid=no-records]").TextContent));
    }

    [Fact]
    public async Task ProfilePage_Should_ChangeThePhone_WithTheCodeSentToIt()
    {
        string userId = "";
        await using var ctx = new UsersPageContext(h =>
        {
            userId = SeedUserAsync(h).GetAwaiter().GetResult();
            return new FixedCurrentUser(UserRole.SchoolUser, SchoolId: h.Catalog.SchoolAId, UserName: "ustb-kw", UserId: userId);
        });
        ctx.Render<MudSnackbarProvider>();
        ctx.Harness.Clock.Advance(TimeSpan.FromMinutes(2));
        var cut = ctx.Render<ProfilePage>();
        cut.WaitForAssertion(() => Assert.Contains("138****8008", cut.Find("[data-testid=profile-info]").TextContent));

        cut.Find("input[data-testid=input-new-phone]").Change("13900139009");
        cut.Find("[data-testid=send-phone-code]").Click();
        cut.WaitForAssertion(() => Assert.Contains("秒后重新获取", cut.Find("[data-testid=send-phone-code]").TextContent));
        cut.Find("input[data-testid=input-phone-code]").Change(ctx.Harness.LatestCode("13900139009"));
        cut.Find("[data-testid=change-phone-submit]").Click();

        cut.WaitForAssertion(() => Assert.Contains("139****9009", cut.Find("[data-testid=profile-info]").TextContent));
        Assert.Equal("/Account/ChangePassword", cut.Find("[data-testid=change-password-link]").GetAttribute("href"));
    }
}

public sealed class RolesPageTests
{
    [Fact]
    public async Task RolesPage_Should_ListTheSchoolsRoles_WithPermissionNames()
    {
        await using var ctx = new UsersPageContext(h => h.SchoolAAdmin);
        ctx.Services.AddLogging();
        CertHub.Web.Accounts.AuthorizationSetup.AddCertHubAuthorization(ctx.Services);
        ctx.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationService, Microsoft.AspNetCore.Authorization.DefaultAuthorizationService>();
        await ctx.Harness.RoleAsync(ctx.Harness.SchoolAAdmin, "考务管理员", Permissions.Menu("/exams/candidates"), Permissions.CandidateImport);
        await ctx.Harness.RoleAsync(ctx.Harness.SchoolBAdmin, "B校角色", Permissions.CandidateEdit);

        var cut = ctx.Render<RolesPage>();

        cut.WaitForAssertion(() => Assert.Equal("考务管理员", cut.Find("[data-testid=role-name]").TextContent));
        Assert.Single(cut.FindAll("[data-testid=role-name]"));
        Assert.Contains("考务管理-考生管理", cut.Markup);
        Assert.Contains("考生管理-导入考生", cut.Markup);
    }
}
