using System.Text;
using System.Text.RegularExpressions;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Reports;
using CertHub.Data;
using CertHub.Tests.E2E.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Reports;

/// <summary>
/// 6.1 提交周报 clicked through in Chromium: 北京交通大学 deletes its seeded draft of the current period, writes a new
/// report (生成草稿, rich text, PDF scan), 保存 → 提交 → 撤回 → 提交; 北京市教育委员会 审核退回 with an opinion; the school
/// edits and 提交 again; the province 审核通过; the school sees the 审核记录.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class WeeklyReportE2ETests(CertHubAppFixture app)
{
    private const string School = "北京交通大学";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [E2EFact]
    public async Task WeeklyReport_Should_GoFromSaveThroughReturnToApproval()
    {
        var label = await CurrentPeriodLabelAsync();
        var school = await app.NewPageAsync();
        await school.LoginAsync("bjtu");
        await OpenListAsync(school);

        // The seeded 未提交 draft of the current period is deleted, so 提交周报 opens a fresh form.
        var row = Row(school, label);
        await row.Locator("[data-testid='report-delete']").ClickAsync();
        await Assertions.Expect(school.Locator("[data-testid='confirm-message']")).ToHaveTextAsync("您确定要删除吗");
        await school.ClickAsync("[data-testid='confirm-yes']");
        await Assertions.Expect(row).ToHaveCountAsync(0);

        // 提交周报: head filled in, 生成草稿 from live numbers, the other two texts typed, a PDF scan chosen; 保存 → 未提交.
        await school.ClickAsync("[data-testid='report-new']");
        await Assertions.Expect(school).ToHaveURLAsync(new Regex("/reports/weekly/new$"), new() { Timeout = 20_000 });
        await Assertions.Expect(school.Locator("input[data-testid='report-period']")).ToHaveValueAsync(label);
        await Assertions.Expect(school.Locator("input[data-testid='report-school']")).ToHaveValueAsync(School);
        await school.ClickAsync("[data-testid='report-draft']");
        await Assertions.Expect(school.Locator("[data-testid='report-work-body']")).ToContainTextAsync("新增考生");
        await school.Locator("[data-testid='report-difficulties-body']").FillAsync("机房考位数不足");
        await school.Locator("[data-testid='report-policy-body']").FillAsync("建议增加线上培训资源");
        await Assertions.Expect(school.Locator("[data-testid='report-policy-counter']")).ToHaveTextAsync("10/1000");
        await school.SetInputFilesAsync("[data-testid='report-scan-input']",
            new FilePayload { Name = "工作简报模板-1.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await Assertions.Expect(school.Locator("[data-testid='report-scan-name']")).ToHaveTextAsync("工作简报模板-1.pdf");
        await Assertions.Expect(school.Locator("[data-testid='report-submit']")).ToBeEnabledAsync();
        await school.ScreenshotAsync("weekly-report-form");
        await school.ClickAsync("[data-testid='report-save']");
        await Assertions.Expect(school).ToHaveURLAsync(new Regex("/reports/weekly$"), new() { Timeout = 20_000 });
        await ExpectStatusAsync(school, label, "未提交");

        // 提交 again through the button is refused by the one-per-period rule.
        await school.ClickAsync("[data-testid='report-new']");
        await Assertions.Expect(school.Locator(".mud-snackbar").Filter(new() { HasText = "本周周报已提交，请勿重复提交" })).ToHaveCountAsync(1);

        // 提交 → 待审核, 撤回 → 未提交, 提交 → 待审核.
        await ActAsync(school, label, "report-submit-row");
        await ExpectStatusAsync(school, label, "待审核");
        await ActAsync(school, label, "report-withdraw");
        await ExpectStatusAsync(school, label, "未提交");
        await ActAsync(school, label, "report-submit-row");
        await ExpectStatusAsync(school, label, "待审核");

        // The province returns it with an opinion.
        var province = await app.NewPageAsync();
        await province.LoginAsync("bj-edu");
        await OpenListAsync(province);
        await Assertions.Expect(province.Locator("[data-testid='province-report-panel']")).ToBeVisibleAsync();
        await ReviewAsync(province, label, approve: false, "请补充本周参训学生的专业分布情况");
        await ExpectStatusAsync(province, label, "审核退回");

        // The school edits and submits again.
        await OpenListAsync(school);
        await ExpectStatusAsync(school, label, "审核退回");
        await Row(school, label).Locator("[data-testid='report-edit']").ClickAsync();
        await Assertions.Expect(school).ToHaveURLAsync(new Regex("/reports/weekly/[0-9]+/edit$"), new() { Timeout = 20_000 });
        await Assertions.Expect(school.Locator("[data-testid='report-return-opinion']")).ToContainTextAsync("请补充本周参训学生的专业分布情况");
        await Assertions.Expect(school.Locator("[data-testid='report-difficulties-body']")).ToContainTextAsync("机房考位数不足");
        await school.Locator("[data-testid='report-work-body']").FillAsync("本周参训学生来自计算机应用技术、软件技术两个专业");
        await Assertions.Expect(school.Locator("[data-testid='report-scan-name']")).ToContainTextAsync(".pdf");
        await school.ScreenshotAsync("weekly-report-edit-returned");
        await school.ClickAsync("[data-testid='report-submit']");
        await Assertions.Expect(school).ToHaveURLAsync(new Regex("/reports/weekly$"), new() { Timeout = 20_000 });
        await ExpectStatusAsync(school, label, "待审核");

        // The province approves it.
        await OpenListAsync(province);
        await ReviewAsync(province, label, approve: true, "内容详实，审核通过");
        await ExpectStatusAsync(province, label, "审核通过");
        await province.ScreenshotAsync("weekly-report-province");

        // The school sees the report and its 审核记录.
        await OpenListAsync(school);
        await ExpectStatusAsync(school, label, "审核通过");
        await Row(school, label).Locator("[data-testid='report-view']").ClickAsync();
        await Assertions.Expect(school.Locator("[data-testid='report-view-work']")).ToContainTextAsync("软件技术");
        await Assertions.Expect(school.Locator("[data-testid='report-scan-link']")).ToHaveTextAsync("工作简报模板-1.pdf");
        var scan = await school.APIRequest.GetAsync((await school.Locator("[data-testid='report-scan-link']").GetAttributeAsync("href"))!);
        Assert.Equal(Pdf, await scan.BodyAsync());
        await school.GetByRole(AriaRole.Tab, new() { Name = "审核记录" }).ClickAsync();
        await Assertions.Expect(school.Locator("[data-testid='report-review-row']")).ToHaveCountAsync(6);
        await Assertions.Expect(school.Locator("[data-testid='report-reviews']")).ToContainTextAsync("请补充本周参训学生的专业分布情况");
        await school.ScreenshotAsync("weekly-report-reviews");
    }

    private static ILocator Row(IPage page, string label) =>
        page.Locator("[data-testid='reports-table'] tbody tr").Filter(new() { HasText = label }).Filter(new() { HasText = School });

    private static async Task OpenListAsync(IPage page)
    {
        await page.GotoAsync("/reports/weekly");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid='report-status']").First.WaitForAsync();
    }

    private static Task ExpectStatusAsync(IPage page, string label, string status) =>
        Assertions.Expect(Row(page, label).Locator("[data-testid='report-status']")).ToHaveTextAsync(status, new() { Timeout = 20_000 });

    private static async Task ActAsync(IPage page, string label, string action)
    {
        await Row(page, label).Locator($"[data-testid='{action}']").ClickAsync();
        await page.ClickAsync("[data-testid='confirm-yes']");
    }

    private static async Task ReviewAsync(IPage page, string label, bool approve, string opinion)
    {
        await Row(page, label).Locator("[data-testid='report-review']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='report-view-difficulties']")).ToContainTextAsync("机房考位数不足");
        await page.FillFieldAsync("review-opinion", opinion);
        await page.ClickAsync(approve ? "[data-testid='review-approve']" : "[data-testid='review-return']");
    }

    private async Task<string> CurrentPeriodLabelAsync()
    {
        await using var db = app.Services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);
        var cycle = await db.Set<PilotSchool>().Where(s => s.Name == School).Select(s => s.Province!.ReportingCycle).SingleAsync();
        return ReportPeriod.For(app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), cycle).Label;
    }
}
