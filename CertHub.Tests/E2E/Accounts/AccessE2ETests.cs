using CertHub.Tests.E2E.Infrastructure;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Accounts;

/// <summary>Sign-in, sign-out and authorization as a browser sees them.</summary>
[Collection(E2ECollection.Name)]
public sealed class AccessE2ETests(CertHubAppFixture app)
{
    [E2EFact]
    public async Task ProtectedPage_Should_RedirectToLogin_When_NotSignedIn()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/certificates");

        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await Assertions.Expect(page.Locator("[data-testid='login-page']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid='demo-accounts']")).ToContainTextAsync("ustb");
        await page.ScreenshotAsync("login");
    }

    [E2EFact]
    public async Task Login_Should_ShowError_When_PasswordIsWrong()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name='Input.UserName']", "ncut");
        await page.FillAsync("input[name='Input.Password']", "Wrong@12345");
        await page.ClickAsync("[data-testid='login-submit']");

        await Assertions.Expect(page.Locator("[data-testid='login-error']")).ToContainTextAsync("账号或密码错误");
    }

    [E2EFact]
    public async Task AdminPage_Should_ShowAccessDenied_When_SchoolAccountOpensIt()
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync("ustb");

        await page.GotoAsync("/admin/provinces");

        await page.WaitForURLAsync(url => url.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase));
        await Assertions.Expect(page.GetByText("无权访问").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("access-denied");
    }

    [E2EFact]
    public async Task Menu_Should_ShowAdminPages_When_PlatformAdminSignsIn()
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync("admin");

        await page.GotoAsync("/admin/schools");
        await page.WaitForCircuitAsync();

        await Assertions.Expect(page.Locator("[data-testid='current-user']")).ToContainTextAsync("平台管理员");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("武汉体育学院");
        await page.ScreenshotAsync("admin-schools");
    }
}
