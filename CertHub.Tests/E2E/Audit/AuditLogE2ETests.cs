using CertHub.Tests.E2E.Infrastructure;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Audit;

/// <summary>审计日志 in Chromium: a failed and a successful login of 北方工业大学 appear in its own log and in the platform's, filtered and exported.</summary>
[Collection(E2ECollection.Name)]
public sealed class AuditLogE2ETests(CertHubAppFixture app)
{
    [E2EFact]
    public async Task AuditLog_Should_ShowLoginsAndExports_ToTheTenantAndThePlatform()
    {
        var school = await app.NewPageAsync();
        await school.GotoAsync("/Account/Login");
        await school.FillAsync("input[name='Input.UserName']", "ncut");
        await school.FillAsync("input[name='Input.Password']", "wrong-password-1");
        await school.ClickAsync("[data-testid='login-submit']");
        await Assertions.Expect(school.Locator("[data-testid='login-error']")).ToHaveTextAsync("账号或密码错误");
        await school.LoginAsync("ncut");

        await school.GotoAsync("/system/audit");
        await school.WaitForCircuitAsync();
        await school.FillFieldAsync("audit-user", "ncut");
        await school.ClickAsync("[data-testid='filter-search']");
        var actions = school.Locator("[data-testid='audit-action-cell']");
        await Assertions.Expect(actions.Filter(new() { HasText = "登录失败" })).Not.ToHaveCountAsync(0);
        await Assertions.Expect(actions.Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^登录$") })).Not.ToHaveCountAsync(0);
        await Assertions.Expect(school.Locator("[data-testid='audit-user-cell']").Filter(new() { HasText = "bjtu" })).ToHaveCountAsync(0);

        var download = await school.RunAndWaitForDownloadAsync(() => school.ClickAsync("[data-testid='export-button']"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        await school.ClickAsync("[data-testid='filter-search']");
        await Assertions.Expect(actions.Filter(new() { HasText = "导出" })).Not.ToHaveCountAsync(0);
        await school.ScreenshotAsync("audit-school");

        var admin = await app.NewPageAsync();
        await admin.LoginAsync("admin");
        await admin.GotoAsync("/system/audit");
        await admin.WaitForCircuitAsync();
        await admin.FillFieldAsync("audit-user", "ncut");
        await admin.ClickAsync("[data-testid='filter-search']");
        await Assertions.Expect(admin.Locator("[data-testid='audit-action-cell']").Filter(new() { HasText = "登录失败" })).Not.ToHaveCountAsync(0);
        await admin.ScreenshotAsync("audit-platform");
    }
}
