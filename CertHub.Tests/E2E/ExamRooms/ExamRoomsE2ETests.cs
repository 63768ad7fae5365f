using CertHub.Tests.E2E.Infrastructure;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.ExamRooms;

/// <summary>
/// 考场管理 as a school uses it: 北京科技大学 (ustb) sets a room for the seeded plan in 报考中 (中级信息化考试, which lists it)
/// at its approved 信息化应用 site through the cascade, and sees it in the list as 未排考; 北方工业大学 (ncut) does not see it.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ExamRoomsE2ETests(CertHubAppFixture app)
{
    [E2EFact]
    public async Task Rooms_Should_ShowNewRoom_When_SchoolSetsItThroughTheCascade()
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync("ustb");
        await page.GotoAsync("/exams/rooms");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid='status-tabs']").WaitForAsync();

        var name = $"E2E机房{DateTime.UtcNow:HHmmssfff}";
        await page.ClickAsync("[data-testid='room-create']");
        await page.Locator("[data-testid='room-dialog']").WaitForAsync();
        await page.ChooseAsync("room-plan", "信息化考试");
        await page.ChooseAsync("room-site", "北京科技大学");
        // the only certificate level both the plan and the site hold is chosen by itself, and its subjects are listed
        var subject = page.Locator("[data-testid='room-subjects'] input[type=checkbox]").First;
        await subject.WaitForAsync();
        await subject.CheckAsync();
        await Assertions.Expect(page.Locator("input[data-testid='room-type']")).Not.ToHaveValueAsync("");
        await page.FillFieldAsync("room-name", name);
        await page.FillFieldAsync("room-address", "北京市海淀区学院路30号机电楼201室");
        await page.FillFieldAsync("room-seats", "36");
        await page.ScreenshotAsync("rooms-create-dialog");
        await page.ClickAsync("[data-testid='room-save']");

        var row = page.Locator("[data-testid='rooms-table'] tr", new() { HasText = name });
        await Assertions.Expect(row).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Assertions.Expect(row.Locator("[data-testid='room-status']")).ToHaveTextAsync("未排考");
        await Assertions.Expect(row.Locator("[data-testid='room-seats']")).ToHaveTextAsync("36");
        await Assertions.Expect(row.Locator("[data-testid='room-delete']")).ToHaveCountAsync(1);
        await page.ScreenshotAsync("rooms-list-ustb");

        var other = await app.NewPageAsync();
        await other.LoginAsync("ncut");
        await other.GotoAsync("/exams/rooms");
        await other.WaitForCircuitAsync();
        await other.Locator("[data-testid='status-tabs']").WaitForAsync();
        await other.ScreenshotAsync("rooms-list-ncut");
        await Assertions.Expect(other.Locator("[data-testid='rooms-table'] tr", new() { HasText = name })).ToHaveCountAsync(0);
    }
}
