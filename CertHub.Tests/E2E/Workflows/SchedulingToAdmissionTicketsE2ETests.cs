using System.Globalization;
using CertHub.Tests.E2E.Infrastructure;
using CertHub.Tests.Support;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Workflows;

/// <summary>
/// Issue 7 end to end, all through the UI: 中物联物流 (wl) runs 一键排考 on 考核站点编排 for its seeded plan in 排考中 and sees every
/// subject and site 已排完; 北京科技大学 (ustb) then opens 考场编排, downloads a room's 准考证 (导出准考证) and gets one page per
/// seated candidate, in seat order, with the names and 准考证号 that 排考明细 lists for that room, subject and time.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class SchedulingToAdmissionTicketsE2ETests(CertHubAppFixture app)
{
    private const string Plan = "多考场多时间"; // the seeded plan in 排考中

    [E2EFact]
    public async Task Workflow_Should_SeatEveryoneAndPrintOneAdmissionTicketPerSeatedCandidate()
    {
        // 1. wl runs 一键排考.
        var org = await app.NewPageAsync();
        await org.LoginAsync("wl");
        await org.GotoAsync("/exams/scheduling/sites");
        await org.WaitForCircuitAsync();
        await org.Locator("[data-testid='row-subject']").First.WaitForAsync();
        await org.ScreenshotAsync("workflow7-sites-before");
        var inProgressBefore = await org.StatusTabCountAsync("InProgress");
        var completedBefore = await org.StatusTabCountAsync("Completed");
        Assert.True(inProgressBefore > 0, "the seeded plan in 排考中 has half of its candidates seated");

        await org.ClickAsync("[data-testid='schedule-run']");
        await org.Locator("[data-testid='run-dialog']").WaitForAsync();
        await org.ScreenshotAsync("workflow7-run-dialog");
        await org.ClickAsync("[data-testid='run-submit']");
        await Assertions.Expect(org.Locator("[data-testid='run-report']")).ToContainTextAsync("排考完成", new() { Timeout = 60_000 });
        await Assertions.Expect(org.Locator("[data-testid='status-tab-InProgress']")).ToContainTextAsync("(0)");
        Assert.True(await org.StatusTabCountAsync("Completed") >= completedBefore + inProgressBefore, "every subject and site in 排考中 is now 已排完");
        await org.ScreenshotAsync("workflow7-sites-after");

        var completedRow = org.Locator("tr", new() { Has = org.Locator("[data-testid='scheduling-status']", new() { HasText = "已排完" }) }).First;
        await completedRow.Locator("[data-testid='row-view']").ClickAsync();
        await Assertions.Expect(org.Locator("[data-testid='site-arrangement-rooms']")).ToContainTextAsync("JK", new() { Timeout = 15_000 });
        await org.ScreenshotAsync("workflow7-site-detail");

        // 2. ustb lists the plan's rooms in 考场编排 and takes the first it hosts with seated candidates.
        var school = await app.NewPageAsync();
        await school.LoginAsync("ustb");
        await school.GotoAsync("/exams/scheduling/rooms");
        await school.WaitForCircuitAsync();
        await school.ChooseAsync("filter-plan", Plan);
        await school.ClickAsync("[data-testid='filter-search']");
        var rows = school.Locator("[data-testid='rooms-table'] tbody tr", new() { Has = school.Locator("[data-testid='room-door']") });
        await rows.First.WaitForAsync();
        await Assertions.Expect(school.Locator("[data-testid='rooms-table'] tbody tr", new() { HasText = Plan }).First).ToBeVisibleAsync();
        ILocator? room = null;
        var seated = 0;
        foreach (var candidate in await rows.AllAsync())
        {
            seated = int.Parse(await candidate.Locator("[data-testid='room-seated']").InnerTextAsync(), CultureInfo.InvariantCulture);
            if (seated >= 2)
            {
                room = candidate;
                break;
            }
        }

        Assert.True(room is not null, "after 一键排考 ustb hosts a room of the plan with seated candidates");
        var roomName = (await room.Locator("[data-testid='room-name']").InnerTextAsync()).Trim();
        var subject = (await room.Locator("[data-testid='room-subject']").InnerTextAsync()).Trim();
        var time = (await room.Locator("[data-testid='room-time']").InnerTextAsync()).Trim();
        await school.ScreenshotAsync("workflow7-rooms");

        var download = await school.RunAndWaitForDownloadAsync(() => room.Locator("[data-testid='room-tickets']").ClickAsync());
        Assert.StartsWith("准考证_", download.SuggestedFilename, StringComparison.Ordinal);
        var pdfPath = Path.Combine(BrowserEnvironment.ArtifactsDirectory, "workflow7-admission-tickets.pdf");
        await download.SaveAsAsync(pdfPath);
        var pages = PdfText.Pages(await File.ReadAllBytesAsync(pdfPath));

        // 3. 排考明细 for that room, subject and time: the same candidates, one ticket page each, in seat order.
        await school.GotoAsync("/exams/scheduling/details");
        await school.WaitForCircuitAsync();
        await school.ChooseAsync("filter-plan", Plan);
        await school.FillFieldAsync("filter-room", roomName);
        await school.ClickAsync("[data-testid='filter-search']");
        await school.Locator("[data-testid='details-table'] [data-testid='detail-room']").First.WaitForAsync();
        await school.Locator("[data-testid='pager'] .mud-select").First.ClickAsync();
        await school.Locator(".mud-popover-open .mud-list-item").GetByText("50", new() { Exact = true }).ClickAsync();
        var detailRows = school.Locator("[data-testid='details-table'] tbody tr", new() { HasText = time })
            .Filter(new() { Has = school.Locator("[data-testid='detail-subject']", new() { HasText = subject + "（" }) });
        await Assertions.Expect(detailRows).ToHaveCountAsync(seated);
        await detailRows.First.Locator("[data-testid='detail-seat']").ScrollIntoViewIfNeededAsync();
        await school.ScreenshotAsync("workflow7-details");
        var listed = new List<(int Seat, string Name, string Ticket)>();
        foreach (var row in await detailRows.AllAsync())
        {
            Assert.Equal(roomName, (await row.Locator("[data-testid='detail-room']").InnerTextAsync()).Trim());
            listed.Add((int.Parse(await row.Locator("[data-testid='detail-seat']").InnerTextAsync(), CultureInfo.InvariantCulture),
                (await row.Locator("[data-testid='detail-name']").InnerTextAsync()).Trim(),
                (await row.Locator("[data-testid='detail-ticket']").InnerTextAsync()).Trim()));
        }

        listed.Sort((a, b) => a.Seat.CompareTo(b.Seat));
        Assert.Equal(seated, pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains(listed[i].Name, pages[i], StringComparison.Ordinal);
            Assert.Contains(listed[i].Ticket, pages[i], StringComparison.Ordinal);
        }
    }
}
