using System.Globalization;
using System.Text.RegularExpressions;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Statistics;
using CertHub.Data;
using CertHub.Data.Identity;
using CertHub.Tests.E2E.Infrastructure;
using CertHub.Web.Accounts.Sms;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace CertHub.Tests.E2E.Statistics;

/// <summary>
/// 证书通过率统计 on the Development demo set (last year's plans): 北京市教育委员会 (bj-edu) filters 证书名称 = 信息化应用职业技能等级证书
/// and 年度 = last year, sees the row and the funnel totals the database computes for its province, switches to 按证书等级统计,
/// and exports the xlsx after the SMS verification code (read from the development outbox).
/// </summary>
[Collection(E2ECollection.Name)]
public sealed partial class PassRateE2ETests(CertHubAppFixture app)
{
    private const string Certificate = "信息化应用职业技能等级证书";
    private const string Phone = "13800138011";

    [E2EFact]
    public async Task Province_Should_FilterByCertificateAndYear_And_ExportTheTable()
    {
        var year = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year - 1;
        var (provinceId, certificateId) = await BindPhoneAsync();
        var expected = await ExpectedAsync(provinceId, certificateId, year);
        Assert.True(expected.Rows.Count == 1 && expected.Rows[0].RegisteredCount >= 50 && expected.Rows[0].PassedCount > 0 && expected.Rows[0].IssuedCount > 0
            && expected.Rows[0].ApprovedCount > 0, "the demo set gives the province last year's 信息化 figures");
        var row = expected.Rows[0];

        var page = await app.NewPageAsync();
        await page.LoginAsync("bj-edu");
        await page.GotoAsync("/statistics/pass-rate");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid='pass-rate-table']").WaitForAsync();
        var certificate = page.Locator("[data-testid='filter-certificate'] input, input[data-testid='filter-certificate']").First;
        await certificate.FillAsync("信息化");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = Certificate }).First.ClickAsync();
        await page.ClickAsync("[data-testid='filter-toggle']"); // 展开: 年度
        await page.FillFieldAsync("filter-year", year.ToString(CultureInfo.InvariantCulture));
        await page.ClickAsync("[data-testid='filter-search']");

        var rows = page.Locator("[data-testid='pass-rate-table'] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Locator("[data-testid='row-certificate']")).ToHaveTextAsync(Certificate);
        await Assertions.Expect(rows.Locator("[data-testid='row-approved']")).ToHaveTextAsync(row.ApprovedCount.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(rows.Locator("[data-testid='row-registered']")).ToHaveTextAsync(row.RegisteredCount.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(rows.Locator("[data-testid='row-passed']")).ToHaveTextAsync(row.PassedCount.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(rows.Locator("[data-testid='row-pass-rate']")).ToHaveTextAsync(PassRateRow.Percent(row.PassRate));
        await Assertions.Expect(rows.Locator("[data-testid='row-issued']")).ToHaveTextAsync(row.IssuedCount.ToString(CultureInfo.InvariantCulture));
        var funnel = expected.Funnel;
        await Assertions.Expect(page.Locator("[data-testid='funnel-figures']"))
            .ToContainTextAsync($"报考 {funnel.Registered} · 参考 {funnel.Attended} · 通过 {funnel.Passed} · 发证 {funnel.Issued}");
        await page.ScreenshotAsync("statistics-province-by-certificate");

        await page.ClickAsync("[data-testid='pass-rate-export']");
        await page.Locator("[data-testid='pass-rate-export-dialog']").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid='export-phone-hint']")).ToContainTextAsync("尾号为" + Phone[^4..]);
        await page.ClickAsync("[data-testid='export-send-code']");
        var code = await CodeSentAsync();
        await page.FillFieldAsync("export-code", code);
        await page.ScreenshotAsync("statistics-export-dialog");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid='export-submit']"));
        var path = Path.Combine(BrowserEnvironment.ArtifactsDirectory, "statistics-export.xlsx");
        await download.SaveAsAsync(path);
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var sheet = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var exported = Assert.Single(sheet);
        Assert.Equal(Certificate, exported["证书名称"]?.ToString());
        Assert.Equal(row.RegisteredCount.ToString(CultureInfo.InvariantCulture), exported["应考人数"]?.ToString());
        Assert.Equal(row.PassedCount.ToString(CultureInfo.InvariantCulture), exported["通过人数"]?.ToString());
        Assert.Equal(PassRateRow.Percent(row.PassRate), exported["通过率"]?.ToString());

        // 按证书等级统计: one row per level examined last year.
        await page.GetByRole(AriaRole.Tab, new() { Name = "按证书等级统计" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='pass-rate-table'] tbody tr [data-testid='row-level']").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("statistics-province-by-level");
    }

    /// <summary>bj-edu gets a bound phone (the export sends its code there); returns its province and the certificate's id.</summary>
    private async Task<(int ProvinceId, int CertificateId)> BindPhoneAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CertHubUser>>();
        var user = await users.FindByNameAsync("bj-edu") ?? throw new InvalidOperationException("演示账号 bj-edu 不存在");
        if (user.PhoneNumber != Phone)
        {
            user.PhoneNumber = Phone;
            user.PhoneNumberConfirmed = true;
            await users.UpdateAsync(user);
        }

        await using var db = app.Services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);
        var certificateId = await db.Set<Certificate>().Where(c => c.Name == Certificate).Select(c => c.Id).SingleAsync();
        return (user.ProvinceId ?? throw new InvalidOperationException("bj-edu 没有所属省份"), certificateId);
    }

    /// <summary>What the database computes for the province (the page must show the same).</summary>
    private async Task<PassRateReport> ExpectedAsync(int provinceId, int certificateId, int year)
    {
        var user = new FixedCurrentUser(UserRole.ProvinceAdmin, ProvinceId: provinceId, UserName: "bj-edu");
        var queries = new PassRateQueries(new CertHubDbFactory(app.Services.GetRequiredService<CertHubContextBuilder>(), user), user);
        return await queries.GetAsync(PassRateGrouping.ByCertificate, new PassRateFilter(CertificateId: certificateId, Year: year), default);
    }

    private async Task<string> CodeSentAsync()
    {
        var outbox = app.Services.GetRequiredService<SmsOutbox>();
        for (var i = 0; i < 50; i++)
        {
            var message = outbox.Messages.FirstOrDefault(m => m.Phone == Phone);
            if (message is not null && CodePattern().Match(message.Text) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException("没有收到导出验证码短信");
    }

    [GeneratedRegex(@"验证码为(\d{6})")]
    private static partial Regex CodePattern();
}
