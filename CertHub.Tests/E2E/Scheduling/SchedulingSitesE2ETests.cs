using System.Globalization;
using System.Text.RegularExpressions;
using CertHub.Tests.E2E.Infrastructure;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Scheduling;

/// <summary>考核站点编排: the organisation runs 一键排考 on its seeded plan in 排考中 and sees the statuses and counts change.</summary>
[Collection(E2ECollection.Name)]
public sealed partial class SchedulingSitesE2ETests(CertHubAppFixture app)
{
    [E2EFact]
    public async Task SchedulingSites_Should_CompleteTheSeededPlan_When_OrganizationRunsOneClickScheduling()
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync("wl");
        await page.GotoAsync("/exams/scheduling/sites");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid='row-subject']").First.WaitForAsync();
        await page.ScreenshotAsync("scheduling-sites-before");
        var inProgressBefore = await CountAsync(page, "InProgress");
        var completedBefore = await CountAsync(page, "Completed");
        Assert.True(inProgressBefore > 0, "the seeded plan in 排考中 has half of its candidates seated");

        await page.ClickAsync("[data-testid='schedule-run']");
        await page.Locator("[data-testid='run-dialog']").WaitForAsync();
        await page.ScreenshotAsync("scheduling-run-dialog");
        await page.ClickAsync("[data-testid='run-submit']");

        await Assertions.Expect(page.Locator("[data-testid='run-report']")).ToContainTextAsync("排考完成", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid='status-tab-InProgress']")).ToContainTextAsync("(0)");
        Assert.True(await CountAsync(page, "Completed") >= completedBefore + inProgressBefore, "every subject and site in 排考中 is now 已排完");
        await page.ScreenshotAsync("scheduling-sites-after");

        var completedRow = page.Locator("tr", new() { Has = page.Locator("[data-testid='scheduling-status']", new() { HasText = "已排完" }) }).First;
        await completedRow.Locator("[data-testid='row-view']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='site-arrangement-rooms']")).ToContainTextAsync("JK", new() { Timeout = 15_000 });
        await page.ScreenshotAsync("scheduling-site-detail");
    }

    private static async Task<int> CountAsync(IPage page, string status)
    {
        var text = await page.Locator($"[data-testid='status-tab-{status}']").InnerTextAsync();
        return int.Parse(CountPattern().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\((\d+)\)")]
    private static partial Regex CountPattern();
}
