using CertHub.Tests.E2E.Infrastructure;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Applications;

/// <summary>
/// Applications, exam sites and invigilators clicked through in real Chromium: the province's 第六批 is 进行中, 北京科技大学
/// applies by major for 物流管理 (初级) and submits (待地市审核: 第六批 requires 地市级教育局审批), the province records the city
/// bureau's approval and then approves with numbers, the school declares a 考核站点 and
/// 中物联物流 approves it, the school adds an invigilator and the organisation certifies it.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ApplicationsE2ETests(CertHubAppFixture app)
{
    private const string Certificate = "物流管理职业技能等级证书";

    [E2EFact]
    public async Task Workflow_Should_GoFromApplicationToCertifiedInvigilator()
    {
        // 1. The province has a batch in 进行中.
        var province = await app.NewPageAsync();
        await province.LoginAsync("bj-edu");
        await province.GotoAsync("/application-plans");
        await province.WaitForCircuitAsync();
        await Assertions.Expect(province.Locator("[data-testid='plans-table'] tr:has-text('第六批') [data-testid='plan-status']")).ToContainTextAsync("进行中");
        await province.ScreenshotAsync("applications-plans");

        // 2. The school applies by major and submits.
        var school = await app.NewPageAsync();
        await school.LoginAsync("ustb");
        await school.GotoAsync("/applications");
        await school.WaitForCircuitAsync();
        await school.ClickAsync("[data-testid='application-create']");
        await school.Locator("[data-testid='plan-list'] tr:has-text('第六批') [data-testid='plan-apply']").ClickAsync();
        await school.WaitForURLAsync(url => url.Contains("/applications/new", StringComparison.Ordinal));
        await school.WaitForCircuitAsync();
        await school.Locator("[data-testid='form-certificate'] input, input[data-testid='form-certificate']").First.FillAsync("物流管理");
        await school.Locator(".mud-popover-open .mud-list-item:has-text('物流管理职业技能等级证书(初级)')").First.ClickAsync();
        await SelectAsync(school, "form-major-select", "530802");
        await school.ClickAsync("[data-testid='form-major-add']");
        await Assertions.Expect(school.Locator("[data-testid='form-major-row']")).ToHaveCountAsync(1);
        await SelectAsync(school, "form-major-select", "530701");
        await school.ClickAsync("[data-testid='form-major-add']");
        await Assertions.Expect(school.Locator("[data-testid='form-major-row']")).ToHaveCountAsync(2);
        await FillNthAsync(school, "major-students", 0, "120");
        await FillNthAsync(school, "major-teachers", 0, "8");
        await FillNthAsync(school, "major-requested", 0, "30");
        await FillNthAsync(school, "major-students", 1, "90");
        await FillNthAsync(school, "major-teachers", 1, "6");
        await FillNthAsync(school, "major-requested", 1, "20");
        await Assertions.Expect(school.Locator("input[data-testid='form-total']")).ToHaveValueAsync("50");
        await school.Locator("[data-testid='form-faculty-body']").FillAsync("专任教师14人，其中5人取得物流管理培训讲师资格");
        await school.Locator("[data-testid='form-venue-body']").FillAsync("物流实训中心2个");
        await school.ScreenshotAsync("applications-form");
        await school.ClickAsync("[data-testid='form-submit']");
        await school.WaitForURLAsync(url => url.EndsWith("/applications", StringComparison.Ordinal));
        var row = school.Locator("[data-testid='applications-table'] tr:has-text('物流管理职业技能等级证书(初级)')");
        await Assertions.Expect(row.Locator("[data-testid='application-status']")).ToContainTextAsync("待地市审核"); // 第六批 requires 地市级教育局审批
        await Assertions.Expect(row.Locator("[data-testid='application-requested']")).ToHaveTextAsync("50");

        // 3. The province records the city bureau's approval (地市审批), then approves with numbers per major.
        await province.GotoAsync("/applications/review");
        await province.WaitForCircuitAsync();
        var review = province.Locator("[data-testid='review-table'] tr:has-text('北京科技大学'):has-text('物流管理职业技能等级证书(初级)')");
        await province.ClickAsync("[data-testid='status-tab-CityReview']");
        await Assertions.Expect(review.Locator("[data-testid='application-approve']")).ToHaveCountAsync(0);
        await review.Locator("[data-testid='application-city']").ClickAsync();
        await province.Locator("[data-testid='city-dialog']").WaitForAsync();
        await province.FillFieldAsync("city-unit", "北京市海淀区教育委员会");
        await province.FillFieldAsync("city-opinion", "同意上报");
        await province.ScreenshotAsync("applications-city-review");
        await province.ClickAsync("[data-testid='city-confirm']");
        await Assertions.Expect(province.Locator("[data-testid='city-dialog']")).ToHaveCountAsync(0);
        await province.ClickAsync("[data-testid='status-tab-UnderReview']");
        await review.Locator("[data-testid='application-approve']").ClickAsync();
        await province.Locator("input[data-testid='review-major-approved']").Nth(0).FillAsync("25");
        await province.Locator("input[data-testid='review-major-approved']").Nth(0).BlurAsync();
        await Assertions.Expect(province.Locator("[data-testid='review-total']")).ToContainTextAsync("45");
        await province.ScreenshotAsync("applications-review");
        await province.ClickAsync("[data-testid='review-confirm']");
        await province.ClickAsync("[data-testid='status-tab-Approved']");
        await Assertions.Expect(province.Locator("[data-testid='review-table'] tr:has-text('北京科技大学'):has-text('物流管理职业技能等级证书(初级)') [data-testid='application-approved']")).ToHaveTextAsync("45");

        await school.GotoAsync("/applications");
        await school.WaitForCircuitAsync();
        await Assertions.Expect(row.Locator("[data-testid='application-approved']")).ToHaveTextAsync("45");
        await row.Locator("[data-testid='application-view']").ClickAsync();
        await Assertions.Expect(school.Locator("[data-testid='detail-reviews']")).ToContainTextAsync("审核通过");
        await Assertions.Expect(school.Locator("[data-testid='detail-reviews']")).ToContainTextAsync("地市级");
        await Assertions.Expect(school.Locator("[data-testid='detail-reviews']")).ToContainTextAsync("北京市海淀区教育委员会");
        await school.ScreenshotAsync("applications-detail");

        // 4. The school declares an exam site; the organisation approves it.
        await school.GotoAsync("/exams/sites");
        await school.WaitForCircuitAsync();
        await school.ClickAsync("[data-testid='site-create']");
        await SelectAsync(school, "site-certificate", Certificate);
        await school.Locator("[data-testid='site-level-Junior'] input, input[data-testid='site-level-Junior']").First.CheckAsync();
        await Assertions.Expect(school.Locator("input[data-testid='site-name-preview']")).ToHaveValueAsync("北京科技大学物流管理职业技能等级证书(初级)考核站点");
        await school.FillFieldAsync("site-address", "北京市海淀区学院路30号物流实训中心");
        await school.FillFieldAsync("site-seats", "60");
        await school.FillFieldAsync("site-equipment", "计算机60台，仓储实训设备一套");
        await school.FillFieldAsync("site-contact", "刘洋");
        await school.FillFieldAsync("site-phone", "13810010001");
        await school.ClickAsync("[data-testid='site-save']");
        var siteRow = school.Locator("[data-testid='sites-table'] tr:has-text('北京科技大学物流管理职业技能等级证书(初级)考核站点')");
        await siteRow.Locator("[data-testid='site-submit']").ClickAsync();
        await Assertions.Expect(siteRow.Locator("[data-testid='site-status']")).ToContainTextAsync("待审核");

        var org = await app.NewPageAsync();
        await org.LoginAsync("wl");
        await org.GotoAsync("/exams/sites");
        await org.WaitForCircuitAsync();
        await org.Locator("[data-testid='sites-table'] tr:has-text('北京科技大学物流管理职业技能等级证书(初级)考核站点') [data-testid='site-review']").ClickAsync();
        await Assertions.Expect(org.Locator("[data-testid='site-detail']")).ToContainTextAsync("计算机60台");
        await org.ScreenshotAsync("sites-review");
        await org.ClickAsync("[data-testid='site-approve']");
        await school.GotoAsync("/exams/sites");
        await school.WaitForCircuitAsync();
        await Assertions.Expect(siteRow.Locator("[data-testid='site-status']")).ToContainTextAsync("审核通过");

        // 5. The school adds an invigilator and submits; the organisation certifies.
        await school.GotoAsync("/exams/invigilators");
        await school.WaitForCircuitAsync();
        await school.ClickAsync("[data-testid='invigilator-create']");
        await school.FillFieldAsync("invigilator-name-field", "周明远");
        await school.FillFieldAsync("invigilator-phone", "18300000551");
        await school.FillFieldAsync("invigilator-id", "110101199003074477");
        await school.FillFieldAsync("invigilator-region", "北京市北京市海淀区");
        await SelectAsync(school, "invigilator-certificates", "物流管理职业技能等级证书(初级)");
        await CloseOpenListAsync(school);
        await school.ClickAsync("[data-testid='invigilator-save']");
        var teacher = school.Locator("[data-testid='invigilators-table'] tr:has-text('周明远')");
        await teacher.Locator("[data-testid='invigilator-submit']").ClickAsync();
        await Assertions.Expect(teacher.Locator("[data-testid='certification-status']")).ToContainTextAsync("待认证");
        await school.ScreenshotAsync("invigilators-school");

        await org.GotoAsync("/exams/invigilators");
        await org.WaitForCircuitAsync();
        await org.Locator("[data-testid='certifications-table'] tr:has-text('周明远') [data-testid='certification-certify']").ClickAsync();
        await school.GotoAsync("/exams/invigilators");
        await school.WaitForCircuitAsync();
        await Assertions.Expect(teacher.Locator("[data-testid='certification-status']")).ToContainTextAsync("已认证");
        await school.ScreenshotAsync("invigilators-certified");
    }

    private static async Task SelectAsync(IPage page, string testId, string text)
    {
        await page.Locator($"[data-testid='{testId}']").First.ClickAsync();
        await page.Locator($".mud-popover-open .mud-list-item:has-text('{text}')").First.ClickAsync();
    }

    /// <summary>Closes a multi-select's list (it stays open after a choice) and waits until no list covers the dialog.</summary>
    private static async Task CloseOpenListAsync(IPage page)
    {
        var open = page.Locator(".mud-popover-open .mud-list-item");
        for (var attempt = 0; attempt < 3 && await open.CountAsync() > 0; attempt++)
        {
            await page.Keyboard.PressAsync("Escape");
            await page.WaitForTimeoutAsync(300);
            if (await open.CountAsync() > 0)
            {
                await page.Locator(".mud-overlay").Last.ClickAsync(new() { Force = true });
                await page.WaitForTimeoutAsync(300);
            }
        }

        await Assertions.Expect(open).ToHaveCountAsync(0);
    }

    private static async Task FillNthAsync(IPage page, string testId, int index, string value)
    {
        var field = page.Locator($"input[data-testid='{testId}']").Nth(index);
        await field.FillAsync(value);
        await field.BlurAsync();
    }
}
