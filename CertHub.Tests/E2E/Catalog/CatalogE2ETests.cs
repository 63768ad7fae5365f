using CertHub.Tests.E2E.Infrastructure;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Catalog;

/// <summary>The catalogue pages clicked through as users do, in real Chromium against the real app and its demo seed.</summary>
[Collection(E2ECollection.Name)]
public sealed class CatalogE2ETests(CertHubAppFixture app)
{
    private const string UstbCode = "4111010008";

    [E2EFact]
    public async Task Certificates_Should_ShowLedgerInfo_When_SchoolOpensTheLedgerDialog()
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync("ustb");

        await page.GotoAsync("/certificates");
        await page.WaitForCircuitAsync();
        var firstLedgerButton = page.Locator("[data-testid='ledger-button']").First;
        await firstLedgerButton.WaitForAsync();
        await page.ScreenshotAsync("certificates-ustb");
        await firstLedgerButton.ClickAsync();

        var dialog = page.Locator("[data-testid='ledger-dialog']");
        await dialog.WaitForAsync();
        var info = dialog.Locator("[data-testid='ledger-info']");
        await info.WaitForAsync();
        var text = await info.InnerTextAsync();
        Assert.Contains("区块高度", text);
        Assert.Contains("块哈希", text);
        Assert.Contains("交易哈希", text);
        Assert.Matches("[0-9a-f]{64}", text);
        await page.ScreenshotAsync("certificates-ledger-dialog");
    }

    [E2EFact]
    public async Task SchoolEdit_Should_SaveDetails_When_SchoolEditsItself()
    {
        var ustbId = await app.SchoolIdAsync(UstbCode);
        var page = await app.NewPageAsync();
        await page.LoginAsync("ustb");

        await page.GotoAsync($"/schools/{ustbId}/edit");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid='school-edit-form']").WaitForAsync();
        var contact = "赵老师" + Random.Shared.Next(100, 999);
        await page.FillFieldAsync("edit-contact-name", contact);
        await page.FillFieldAsync("edit-contact-phone", "010-62334567");
        await page.ClickAsync("[data-testid='school-save']");
        await page.Locator(".mud-snackbar").First.WaitForAsync();
        await page.ScreenshotAsync("school-edit-saved");

        await page.GotoAsync($"/schools/{ustbId}");
        await page.WaitForCircuitAsync();
        var detail = page.Locator("[data-testid='school-detail']");
        await detail.WaitForAsync();
        await Assertions.Expect(detail).ToContainTextAsync(contact);
        await Assertions.Expect(detail).ToContainTextAsync("010-62334567");
        await page.ScreenshotAsync("school-detail-ustb");
    }

    [E2EFact]
    public async Task SchoolEdit_Should_ShowNothingOfTheSchool_When_AnotherSchoolOpensIt()
    {
        var ustbId = await app.SchoolIdAsync(UstbCode);
        var page = await app.NewPageAsync();
        await page.LoginAsync("ncut");

        await page.GotoAsync($"/schools/{ustbId}/edit");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid='not-found'], [data-testid='access-denied']").First.WaitForAsync();
        await page.ScreenshotAsync("school-edit-other-school");

        Assert.Equal(0, await page.Locator("[data-testid='school-edit-form']").CountAsync());
        var body = await page.Locator("main, body").First.InnerTextAsync();
        Assert.DoesNotContain("学院路30号", body);

        await page.GotoAsync("/schools");
        await page.WaitForCircuitAsync();
        var table = page.Locator("[data-testid='schools-table']");
        await table.WaitForAsync();
        await Assertions.Expect(table).ToContainTextAsync("北方工业大学");
        await Assertions.Expect(table).Not.ToContainTextAsync("北京科技大学");
    }
}
