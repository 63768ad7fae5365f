using System.Net;
using CertHub.Tests.E2E.Infrastructure;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Api;

/// <summary>
/// 接口密钥 end to end: 中物联物流's admin (wl) creates a key on /system/api-keys, reads it from the shown-once dialog, calls
/// /api/v1/plans with it over real HTTP (Kestrel), revokes it on the page, and the same call then answers 401.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ApiKeysE2ETests(CertHubAppFixture app)
{
    [E2EFact]
    public async Task Key_Should_WorkUntilRevoked_When_CreatedOnThePage()
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync("wl");
        await page.GotoAsync("/system/api-keys");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid='api-key-table']").WaitForAsync();
        await page.ClickAsync("[data-testid='api-key-add']");
        await page.FillFieldAsync("api-key-name-input", "E2E考务系统");
        await page.ClickAsync("[data-testid='api-key-create']");
        var value = page.Locator("input[data-testid='api-key-value']");
        await value.WaitForAsync();
        var key = await value.InputValueAsync();
        await page.ScreenshotAsync("api-keys-shown-once");
        await page.ClickAsync("[data-testid='api-key-done']");
        await Assertions.Expect(page.Locator("[data-testid='api-key-name']", new() { HasTextString = "E2E考务系统" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("api-keys-list");

        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.StartsWith("chk_", key);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/plans")).StatusCode);

        var row = page.Locator("tr", new() { HasTextString = "E2E考务系统" });
        await row.Locator("[data-testid='api-key-revoke']").ClickAsync();
        await page.ClickAsync("[data-testid='confirm-yes']");
        await Assertions.Expect(row.Locator("[data-testid='api-key-status']")).ToContainTextAsync("已吊销");

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/plans")).StatusCode);
    }
}
