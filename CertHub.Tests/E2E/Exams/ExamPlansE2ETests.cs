using CertHub.Tests.E2E.Infrastructure;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Exams;

/// <summary>
/// 考试科目 and 考试计划 clicked through in real Chromium: 中物联物流 adds a subject to 健康管理 (初级), creates a plan holding that
/// level with two subjects and 北京科技大学 as 参考院校 (the default windows start today), publishes it, and the school sees the
/// plan under 报考中.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class ExamPlansE2ETests(CertHubAppFixture app)
{
    private const string PlanName = "E2E健康管理初级考试";
    private const string Level = "健康管理职业技能等级证书(初级)";

    [E2EFact]
    public async Task Workflow_Should_PublishPlanThatTheSchoolSeesUnderRegistration()
    {
        // 1. The organisation adds a practical subject to 健康管理 (初级).
        var org = await app.NewPageAsync();
        await org.LoginAsync("wl");
        await org.GotoAsync("/exams/subjects");
        await org.WaitForCircuitAsync();
        await org.ClickAsync("[data-testid='subject-create']");
        await org.ChooseAsync("subject-certificate", "健康管理职业技能等级证书");
        await org.ChooseAsync("subject-level", "初级");
        await org.FillFieldAsync("subject-code-input", "E2E-JK-01");
        await org.FillFieldAsync("subject-name-input", "初级健康评估实务");
        await org.ChooseAsync("subject-mode", "实操");
        await Assertions.Expect(org.Locator("input[data-testid='subject-room-type'], [data-testid='subject-room-type'] input").First).ToHaveValueAsync("实操考场");
        await org.ScreenshotAsync("exam-subject-dialog");
        await org.ClickAsync("[data-testid='subject-save']");
        await org.FillFieldAsync("filter-certificate", "健康管理");
        await org.ClickAsync("[data-testid='filter-search']");
        await Assertions.Expect(org.Locator("[data-testid='subjects-table'] tr:has-text('E2E-JK-01')")).ToContainTextAsync("实操考场");
        await org.ScreenshotAsync("exam-subjects-org");

        // 2. It creates a plan with the level, two subjects and the school, and publishes it.
        await org.GotoAsync("/exams/plans");
        await org.WaitForCircuitAsync();
        await org.ClickAsync("[data-testid='plan-create']");
        await org.FillFieldAsync("plan-name-input", PlanName);
        await org.Locator("[data-testid='plan-certificates']").First.ClickAsync();
        await org.Locator($".mud-popover-open .mud-list-item:has-text('{Level}')").First.ClickAsync();
        await org.CloseOpenListAsync();
        await org.FillFieldAsync("plan-certificate-fee", "240");
        await org.Locator("[data-testid='plan-dialog'] label:has-text('初级理论知识考试')").First.ClickAsync();
        await org.Locator("[data-testid='plan-dialog'] label:has-text('初级健康评估实务')").First.ClickAsync();
        await Assertions.Expect(org.Locator("[data-testid='plan-subject'] [data-testid$='-start']")).ToHaveCountAsync(2);
        await org.FillFieldAsync("plan-school-search", "北京科技");
        await org.Locator("[data-testid='plan-schools'] label:has-text('北京科技大学')").First.ClickAsync();
        await Assertions.Expect(org.Locator("[data-testid='plan-school-count']")).ToHaveTextAsync("已选 1 所院校");
        await org.ScreenshotAsync("exam-plan-dialog");
        await org.ClickAsync("[data-testid='plan-save']");
        var row = org.Locator($"[data-testid='plans-table'] tr:has-text('{PlanName}')");
        await Assertions.Expect(row.Locator("[data-testid='plan-stage']")).ToContainTextAsync("未发布");
        await row.Locator("[data-testid='plan-publish']").ClickAsync();
        await org.ClickAsync("[data-testid='confirm-yes']");
        await Assertions.Expect(row.Locator("[data-testid='plan-stage']")).ToContainTextAsync("报考中");
        await Assertions.Expect(row.Locator("[data-testid='plan-extend']")).ToBeVisibleAsync();
        await org.ScreenshotAsync("exam-plans-org");

        // 3. The school sees it under 报考中, with both subjects in 查看.
        var school = await app.NewPageAsync();
        await school.LoginAsync("ustb");
        await school.GotoAsync("/exams/plans");
        await school.WaitForCircuitAsync();
        await school.ClickAsync("[data-testid='status-tab-Registration']");
        await Assertions.Expect(school.Locator("[data-testid='plans-table'] [data-testid='plan-stage']:not(:has-text('报考中'))")).ToHaveCountAsync(0);
        var schoolRow = school.Locator($"[data-testid='plans-table'] tr:has-text('{PlanName}')");
        await Assertions.Expect(schoolRow.Locator("[data-testid='plan-stage']")).ToContainTextAsync("报考中");
        await school.ScreenshotAsync("exam-plans-school-list");
        await schoolRow.Locator("[data-testid='plan-view']").ClickAsync();
        var subjects = school.Locator("[data-testid='plan-detail-subjects']");
        await Assertions.Expect(subjects).ToContainTextAsync("初级理论知识考试");
        await Assertions.Expect(subjects).ToContainTextAsync("初级健康评估实务");
        await school.ScreenshotAsync("exam-plans-school");
    }
}
