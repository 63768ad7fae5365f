using CertHub.Tests.E2E.Infrastructure;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.ExamSites;

/// <summary>
/// 考核站点分配 (issue 5) in Chromium: 中物联物流 (wl) assigns, in a 中级信息化考试 plan, 北京科技大学's approved 信息化应用 site to
/// 北方工业大学 (ncut), which has no approved site of its own for that certificate; ncut then sees the allocation on its
/// 考核站点分配查询 page.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class SiteAllocationsE2ETests(CertHubAppFixture app)
{
    private const string Plan = "中级信息化考试";
    private const string Borrower = "北方工业大学";
    private const string HostSite = "北京科技大学信息化应用";

    [E2EFact]
    public async Task Organization_Should_AssignASiteToASchoolWithoutOne_And_TheSchoolSeesIt()
    {
        var org = await app.NewPageAsync();
        await org.LoginAsync("wl");
        await org.GotoAsync("/exams/site-allocations");
        await org.WaitForCircuitAsync();
        await org.ChooseAsync("allocation-plan", Plan);
        await org.ClickAsync("[data-testid='filter-search']");

        await org.ClickAsync("[data-testid='allocation-create']");
        await org.Locator("[data-testid='allocation-dialog']").WaitForAsync();
        await org.ChooseAsync("allocation-certificate", "信息化应用职业技能等级证书(中级)");
        await org.ChooseAsync("allocation-school", Borrower, exact: true);
        await org.ChooseAsync("allocation-site-select", HostSite);
        await org.ScreenshotAsync("site-allocation-dialog");
        await org.ClickAsync("[data-testid='allocation-save']");
        await Assertions.Expect(org.Locator("[data-testid='allocation-dialog']")).ToHaveCountAsync(0);
        var row = org.Locator("[data-testid='allocations-table'] tbody tr", new() { HasText = Plan })
            .Filter(new() { Has = org.Locator("[data-testid='allocation-borrower']", new() { HasText = Borrower }) });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("[data-testid='allocation-site']")).ToContainTextAsync(HostSite);
        var planName = (await row.Locator("td").First.InnerTextAsync()).Trim();
        Assert.Contains(Plan, planName, StringComparison.Ordinal);
        await org.ScreenshotAsync("site-allocations-org");

        var school = await app.NewPageAsync();
        await school.LoginAsync("ncut");
        await school.GotoAsync("/exams/site-allocations");
        await school.WaitForCircuitAsync();
        await Assertions.Expect(school.GetByText("考核站点分配查询")).ToBeVisibleAsync();
        await Assertions.Expect(school.Locator("[data-testid='allocation-create']")).ToHaveCountAsync(0);
        var seen = school.Locator("[data-testid='allocations-table'] tbody tr", new() { HasText = planName })
            .Filter(new() { Has = school.Locator("[data-testid='allocation-site']", new() { HasText = HostSite }) });
        await Assertions.Expect(seen).ToHaveCountAsync(1);
        await Assertions.Expect(seen.Locator("[data-testid='allocation-borrower']")).ToHaveTextAsync(Borrower);
        await school.ScreenshotAsync("site-allocations-school");
    }
}
