using CertHub.Tests.E2E.Infrastructure;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Scheduling;

/// <summary>
/// The organisation's seat map (考场编排 → 查看): inside 排考时间 (the seeded plan 多考场多时间) it offers 调整座位, 更换监考 and
/// 互换监考, and a swap with another room at the same time is saved; on a plan whose 排考时间 is over the actions are hidden
/// with the hint 排考时间已结束，不能调整. Does not run 一键排考.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class SeatAdjustmentLookE2ETests(CertHubAppFixture app)
{
    private const string Plan = "多考场多时间";

    [E2EFact]
    public async Task Organization_Should_AdjustAndSwapInvigilatorsOnlyInsideTheSchedulingWindow()
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync("wl");
        await page.GotoAsync("/exams/scheduling/rooms");
        await page.WaitForCircuitAsync();
        await page.ChooseAsync("filter-plan", Plan);
        await page.ClickAsync("[data-testid='filter-search']");
        var row = page.Locator("[data-testid='rooms-table'] tbody tr", new() { HasText = Plan }).First;
        await row.WaitForAsync();
        await row.GetByText("查看").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='seat-move']").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid='adjust-closed']")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("seat-map-org");
        await page.Locator("[data-testid='seat-move']").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='move-dialog']")).ToBeVisibleAsync();
        await page.ScreenshotAsync("seat-move-dialog");
        await page.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='move-dialog']")).ToHaveCountAsync(0);

        // 互换监考 with the first invigilator of another room at the same time.
        await page.ClickAsync("[data-testid='swap-invigilator']");
        await Assertions.Expect(page.Locator("[data-testid='swap-dialog']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid='swap-summary']")).ToBeVisibleAsync();
        var summary = await page.Locator("[data-testid='swap-summary']").InnerTextAsync();
        var incoming = summary[(summary.LastIndexOf('，') + 1)..].Replace(" 改到本考场监考", "", StringComparison.Ordinal).Trim();
        await page.ScreenshotAsync("swap-invigilator-dialog");
        await page.ClickAsync("[data-testid='swap-submit']");
        await Assertions.Expect(page.Locator("[data-testid='swap-dialog']")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByText("互换成功").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid='seat-map-room']")).ToContainTextAsync(incoming);
        await page.ScreenshotAsync("swap-invigilator-done");
        await page.ClickAsync("[data-testid='dialog-close']");

        // A plan past its 排考时间: no adjustments, a hint instead.
        await page.ClickAsync("[data-testid='filter-reset']");
        var ended = page.Locator("[data-testid='rooms-table'] tbody tr").Filter(new() { HasNotText = Plan }).First;
        await ended.WaitForAsync();
        await ended.GetByText("查看").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='adjust-closed']")).ToHaveTextAsync("排考时间已结束，不能调整");
        await Assertions.Expect(page.Locator("[data-testid='seat-move']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid='swap-invigilator']")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("seat-map-org-ended");
    }
}
