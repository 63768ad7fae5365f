using CertHub.Tests.E2E.Infrastructure;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Scheduling;

[Collection(E2ECollection.Name)]
public sealed class SeatAdjustmentLookE2ETests(CertHubAppFixture app)
{
    [E2EFact]
    public async Task Organization_Should_SeeSeatAdjustmentOnTheSeatMap()
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync("wl");
        await page.GotoAsync("/exams/scheduling/rooms");
        await page.WaitForCircuitAsync();
        var row = page.Locator("[data-testid='rooms-table'] tbody tr").First;
        await row.GetByText("查看").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='seat-move']").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("seat-map-org");
        await page.Locator("[data-testid='seat-move']").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='move-dialog']")).ToBeVisibleAsync();
        await page.ScreenshotAsync("seat-move-dialog");
    }
}
