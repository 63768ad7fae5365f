using System.Text.RegularExpressions;
using CertHub.Tests.E2E.Infrastructure;
using CertHub.Web.Accounts.Sms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Users;

/// <summary>
/// 用户管理 end to end: the school admin creates a sub-account with the role 考务管理员 (the code read from the development
/// outbox), the sub-account signs in, must change its password, sees only its menus and is refused 证书发放; the platform
/// admin creates one for a chosen school (所属单位) and it signs in too.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class UsersE2ETests(CertHubAppFixture app)
{
    private const string UserName = "ustb-e2e";
    private const string Phone = "13700137001";
    private const string NewPassword = "Changed@2026";

    [E2EFact]
    public async Task SchoolAdmin_Should_CreateASubAccount_ThatChangesItsPasswordAndSeesOnlyItsMenus()
    {
        var admin = await app.NewPageAsync();
        await admin.LoginAsync("ustb");
        await admin.GotoAsync("/system/users");
        await admin.WaitForCircuitAsync();
        await admin.ClickAsync("[data-testid='create-user']");
        await admin.FillFieldAsync("input-username", UserName);
        await admin.FillFieldAsync("input-display-name", "赵老师");
        await admin.FillFieldAsync("input-phone", Phone);
        await admin.ClickAsync("[data-testid='send-code']");
        await Assertions.Expect(admin.Locator("[data-testid='send-code']")).ToContainTextAsync("秒后重新获取");
        await admin.FillFieldAsync("input-code", CodeSentTo(Phone));
        await admin.Locator("[data-testid='input-role']").First.ClickAsync();
        await admin.Locator(".mud-popover-open .mud-list-item").GetByText("考务管理员", new() { Exact = true }).First.ClickAsync();
        await Assertions.Expect(admin.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await admin.ScreenshotAsync("users-new");
        await admin.ClickAsync("[data-testid='dialog-save']");

        var passwordField = admin.Locator("input[data-testid='generated-password']");
        await Assertions.Expect(passwordField).ToHaveAttributeAsync("type", "password");
        await admin.Locator("button[aria-label='查看密码']").ClickAsync();
        await Assertions.Expect(passwordField).ToHaveAttributeAsync("type", "text");
        await admin.ScreenshotAsync("users-password-shown");
        var password = await passwordField.InputValueAsync();
        await admin.ClickAsync("[data-testid='password-close']");
        await Assertions.Expect(admin.Locator("[data-testid='users-table']")).ToContainTextAsync(UserName);
        await admin.ScreenshotAsync("users-list");

        var user = await app.NewPageAsync();
        await user.GotoAsync("/Account/Login");
        await user.FillAsync("input[name='Input.UserName']", UserName);
        await user.FillAsync("input[name='Input.Password']", password);
        await user.ClickAsync("[data-testid='login-submit']");
        await user.WaitForURLAsync(url => url.Contains("/Account/ChangePassword", StringComparison.OrdinalIgnoreCase));
        await Assertions.Expect(user.Locator("[data-testid='must-change-notice']")).ToBeVisibleAsync();
        await user.GotoAsync("/exams/candidates");
        await user.WaitForURLAsync(url => url.Contains("/Account/ChangePassword", StringComparison.OrdinalIgnoreCase));
        await user.FillAsync("[data-testid='current-password']", password);
        await user.FillAsync("[data-testid='new-password']", NewPassword);
        await user.FillAsync("[data-testid='confirm-password']", NewPassword);
        await user.ScreenshotAsync("users-change-password");
        await user.ClickAsync("[data-testid='change-password-submit']");
        await user.WaitForURLAsync(url => !url.Contains("/Account/", StringComparison.OrdinalIgnoreCase));
        await user.WaitForCircuitAsync();

        await Assertions.Expect(user.Locator("a[href='/exams/candidates']")).ToBeVisibleAsync();
        await Assertions.Expect(user.Locator("a[href='/issuance']")).ToHaveCountAsync(0);
        await Assertions.Expect(user.Locator("a[href='/reports/weekly']")).ToHaveCountAsync(0);
        await user.ScreenshotAsync("users-subaccount-home");
        await user.GotoAsync("/issuance");
        await user.WaitForCircuitAsync();
        await Assertions.Expect(user.Locator("[data-testid='access-denied']")).ToBeVisibleAsync();
        await user.ScreenshotAsync("users-subaccount-issuance-denied");
    }

    [E2EFact]
    public async Task PlatformAdmin_Should_CreateASubAccountForASchool_ThatCanSignIn()
    {
        const string userName = "ustb-by-admin", phone = "13700137002";
        var admin = await app.NewPageAsync();
        await admin.LoginAsync("admin");
        await admin.GotoAsync("/system/users");
        await admin.WaitForCircuitAsync();
        await admin.ClickAsync("[data-testid='create-user']");
        await admin.Locator("[data-testid='input-tenant'] input, input[data-testid='input-tenant']").First.FillAsync("北京科技");
        await admin.Locator(".mud-popover-open .mud-list-item").GetByText("北京科技大学", new() { Exact = true }).First.ClickAsync();
        await admin.FillFieldAsync("input-username", userName);
        await admin.FillFieldAsync("input-display-name", "孙老师");
        await admin.FillFieldAsync("input-phone", phone);
        await admin.ClickAsync("[data-testid='send-code']");
        await Assertions.Expect(admin.Locator("[data-testid='send-code']")).ToContainTextAsync("秒后重新获取");
        await admin.FillFieldAsync("input-code", CodeSentTo(phone));
        await admin.Locator("[data-testid='input-role']").First.ClickAsync();
        await admin.Locator(".mud-popover-open .mud-list-item").GetByText("考务管理员", new() { Exact = true }).First.ClickAsync();
        await Assertions.Expect(admin.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await admin.ScreenshotAsync("users-platform-new");
        await admin.ClickAsync("[data-testid='dialog-save']");

        var passwordField = admin.Locator("input[data-testid='generated-password']");
        await Assertions.Expect(passwordField).ToBeVisibleAsync();
        var password = await passwordField.InputValueAsync();
        await admin.ClickAsync("[data-testid='password-close']");
        await Assertions.Expect(admin.Locator("[data-testid='users-table']")).ToContainTextAsync(userName);

        var user = await app.NewPageAsync();
        await user.GotoAsync("/Account/Login");
        await user.FillAsync("input[name='Input.UserName']", userName);
        await user.FillAsync("input[name='Input.Password']", password);
        await user.ClickAsync("[data-testid='login-submit']");
        await user.WaitForURLAsync(url => url.Contains("/Account/ChangePassword", StringComparison.OrdinalIgnoreCase));
        await user.FillAsync("[data-testid='current-password']", password);
        await user.FillAsync("[data-testid='new-password']", NewPassword);
        await user.FillAsync("[data-testid='confirm-password']", NewPassword);
        await user.ClickAsync("[data-testid='change-password-submit']");
        await user.WaitForURLAsync(url => !url.Contains("/Account/", StringComparison.OrdinalIgnoreCase));
        await user.WaitForCircuitAsync();
        await Assertions.Expect(user.Locator("a[href='/exams/candidates']")).ToBeVisibleAsync();
        await Assertions.Expect(user.Locator("a[href='/issuance']")).ToHaveCountAsync(0);
        await user.ScreenshotAsync("users-platform-created-home");
    }

    private string CodeSentTo(string phone)
    {
        var text = app.Services.GetRequiredService<SmsOutbox>().Messages.First(m => m.Phone == phone).Text;
        return Regex.Match(text, @"验证码为(\d{6})").Groups[1].Value;
    }
}
