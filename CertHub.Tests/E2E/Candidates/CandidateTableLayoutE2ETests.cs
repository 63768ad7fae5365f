using CertHub.Tests.E2E.Infrastructure;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Candidates;

/// <summary>
/// Wide tables at 1440 and 1280 px (issue 4): the table scrolls inside its own container instead of widening the page,
/// 证件号码 stays on one line and the 操作 column stays in view (sticky on the right). Screenshots of the candidates and registrations pages at both widths.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class CandidateTableLayoutE2ETests(CertHubAppFixture app)
{
    [E2EFact]
    public async Task WideTables_Should_ScrollInsideTheirContainer_AndKeepIdNumbersOnOneLine()
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync("ustb");
        foreach (var width in new[] { 1440, 1280 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await CheckAsync(page, "/exams/candidates", "candidates-table", "证件号码", $"layout-candidates-{width}");
            await CheckAsync(page, "/exams/registrations", "registrations-table", "证件号码", $"layout-registrations-{width}");
        }
    }

    private static async Task CheckAsync(IPage page, string url, string tableTestId, string idHeader, string screenshot)
    {
        await page.GotoAsync(url);
        await page.WaitForCircuitAsync();
        var table = page.Locator($"[data-testid='{tableTestId}']");
        await Assertions.Expect(table.Locator("tbody tr").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(screenshot);

        var layout = await page.EvaluateAsync<double[]>(
            @"([testId, header]) => {
                const root = document.querySelector(`[data-testid='${testId}']`);
                const container = root.querySelector('.mud-table-container');
                const headers = [...root.querySelectorAll('thead th')];
                const column = headers.findIndex(th => th.textContent.trim() === header);
                const cell = root.querySelector(`tbody tr td:nth-child(${column + 1})`);
                const lineHeight = parseFloat(getComputedStyle(cell).lineHeight) || 20;
                const text = document.createRange(); text.selectNodeContents(cell);
                const actions = headers.find(th => th.textContent.trim() === '操作').getBoundingClientRect();
                const box = container.getBoundingClientRect();
                return [document.documentElement.scrollWidth, window.innerWidth, container.scrollWidth, container.clientWidth,
                        text.getClientRects().length, column, lineHeight, actions.left - box.left, box.right - actions.right];
            }", new object[] { tableTestId, idHeader });

        Assert.True(layout[0] <= layout[1], $"{url}: the page is {layout[0]} px wide in a {layout[1]} px window");
        Assert.True(layout[5] >= 0, $"{url}: no {idHeader} column");
        Assert.Equal(1, layout[4]);
        Assert.True(layout[2] >= layout[3], $"{url}: table container {layout[2]}/{layout[3]}");
        Assert.True(layout[7] >= 0 && layout[8] >= -1, $"{url}: 操作 is outside the visible table ({layout[7]}, {layout[8]})");
    }
}
