using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Data;
using CertHub.Tests.E2E.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Issuance;

/// <summary>
/// The headline workflow clicked through in real Chromium: the school confirms a candidate by hand, the organisation
/// gets the pending record (获取待发证记录) and signs with a drawn signature (a second
/// browser sees the counts change live), the exam site's school signs, the organisation issues an electronic
/// certificate, the worker generates it, the PDF downloads and renders, and /verify shows it valid.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class IssuanceE2ETests(CertHubAppFixture app)
{
    private static readonly Dictionary<string, string> AccountBySchoolCode = new()
    {
        ["4111010008"] = "ustb",
        ["4111010009"] = "ncut",
        ["4111010004"] = "bjtu",
        ["4142010522"] = "wipe",
    };

    [E2EFact]
    public async Task Issuance_Should_GoFromGenerationToAVerifiedCertificate()
    {
        var pick = await PickCandidateAsync();

        // 0. The candidate's school confirms the doubtful information by hand (人工确认): the candidate becomes eligible.
        var school = await app.NewPageAsync();
        await school.LoginAsync(pick.SchoolAccount);
        await school.GotoAsync($"/exams/candidates?type={(pick.IsPublic ? "public" : "school")}");
        await school.WaitForCircuitAsync();
        await school.FillFieldAsync("filter-no", pick.CandidateNo);
        await school.ClickAsync("[data-testid='filter-search']");
        await Assertions.Expect(school.Locator("[data-testid='candidate-name']")).ToHaveCountAsync(1);
        await school.ClickAsync("[data-testid='candidate-confirm']");
        await school.GetByRole(AriaRole.Button, new() { Name = "确认", Exact = true }).ClickAsync();
        await Assertions.Expect(school.Locator("[data-testid='candidate-status']")).ToContainTextAsync("信息准确");

        // 1. The organisation gets the pending records (获取待发证记录) for that plan, certificate and level.
        var org = await app.NewPageAsync();
        await org.LoginAsync("wl");
        await org.GotoAsync("/issuance");
        await org.WaitForCircuitAsync();
        await org.ClickAsync("[data-testid='generate-button']");
        await org.Locator("[data-testid='generate-dialog']").WaitForAsync();
        await ChooseAsync(org, "generate-year", pick.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ChooseAsync(org, "generate-plan", pick.PlanName);
        await ChooseAsync(org, "generate-certificate", pick.CertificateName);
        await org.Locator("[data-testid='generate-level']").GetByText(pick.LevelName).ClickAsync();
        await Assertions.Expect(org.Locator("[data-testid='generate-summary']")).ToContainTextAsync("可发证1人");
        await org.ScreenshotAsync("issuance-generate");
        await org.ClickAsync("[data-testid='generate-confirm']");
        await Assertions.Expect(org.Locator(".mud-snackbar")).ToContainTextAsync("已生成1条发证记录");
        var (recordId, candidateNo, siteAccount) = await RecordOfAsync(pick.CandidateNo);

        // A second browser, also the organisation, watches the 考核站点待签发 count.
        var watcher = await app.NewPageAsync();
        await watcher.LoginAsync("wl");
        await watcher.GotoAsync("/issuance");
        await watcher.WaitForCircuitAsync();
        var watchedTab = watcher.Locator("[data-testid='status-tab-SitePendingSign']");
        await watchedTab.WaitForAsync();
        var before = CountOf(await watchedTab.InnerTextAsync());

        // 2. The organisation signs the record with a signature drawn on the pad.
        await OpenRecordAsync(org, "OrgPendingSign", candidateNo);
        await org.ClickAsync("[data-testid='row-select'] input, [data-testid='row-select']");
        await org.ClickAsync("[data-testid='batch-sign']");
        await SignOnPadAsync(org, "org-sign-dialog");
        await Assertions.Expect(org.Locator("[data-testid='batch-result-summary']")).ToContainTextAsync("成功1条");
        await org.ClickAsync("[data-testid='batch-result-close']");

        // The watcher's count changed without a reload.
        await Assertions.Expect(watchedTab).ToContainTextAsync($"({before + 1})", new() { Timeout = 15_000 });
        await watcher.ScreenshotAsync("issuance-live-watcher");

        // 3. The exam site's school signs.
        var site = await app.NewPageAsync();
        await site.LoginAsync(siteAccount);
        await OpenRecordAsync(site, "SitePendingSign", candidateNo);
        await site.ClickAsync("[data-testid='row-select'] input, [data-testid='row-select']");
        await site.ClickAsync("[data-testid='batch-sign']");
        await SignOnPadAsync(site, "site-sign-dialog");
        await Assertions.Expect(site.Locator("[data-testid='batch-result-summary']")).ToContainTextAsync("成功1条");
        await site.ClickAsync("[data-testid='batch-result-close']");

        // 4. The organisation issues an electronic certificate; the worker generates it.
        await OpenRecordAsync(org, "PendingIssue", candidateNo);
        await org.ClickAsync("[data-testid='row-select'] input, [data-testid='row-select']");
        await org.ClickAsync("[data-testid='batch-issue-electronic']");
        await org.ClickAsync("[data-testid='confirm-yes']");
        await Assertions.Expect(org.Locator("[data-testid='batch-result-summary']")).ToContainTextAsync("成功1条");
        await org.ClickAsync("[data-testid='batch-result-close']");

        var certificateNo = await WaitUntilIssuedAsync(recordId);
        await OpenRecordAsync(org, "Issued", candidateNo);
        await org.ScreenshotAsync("issuance-issued");

        // 5. The PDF downloads and renders.
        var download = await org.RunAndWaitForDownloadAsync(() => org.ClickAsync("[data-testid='action-download']"));
        var pdfPath = Path.Combine(BrowserEnvironment.ArtifactsDirectory, "certificate.pdf");
        await download.SaveAsAsync(pdfPath);
        var header = new byte[5];
        await using (var pdf = File.OpenRead(pdfPath))
        {
            await pdf.ReadExactlyAsync(header);
        }

        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(header));
        RenderWithPdftoppm(pdfPath);

        // 6. Anyone can verify it.
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync($"/verify/{certificateNo}");
        await Assertions.Expect(visitor.Locator("[data-testid='verify-status']")).ToContainTextAsync("有效");
        await Assertions.Expect(visitor.Locator("[data-testid='verify-result']")).ToContainTextAsync(certificateNo);
        await visitor.ScreenshotAsync("verify-valid");
    }

    private static int CountOf(string tabText)
    {
        var open = tabText.LastIndexOf('(');
        return int.Parse(tabText[(open + 1)..tabText.LastIndexOf(')')], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task OpenRecordAsync(IPage page, string tab, string candidateNo)
    {
        await page.GotoAsync($"/issuance?tab={tab}");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid='issuance-table']").WaitForAsync();
        await page.FillFieldAsync("filter-candidate-no", candidateNo);
        await page.ClickAsync("[data-testid='filter-search']");
        await Assertions.Expect(page.Locator("[data-testid='issuance-row']")).ToHaveCountAsync(1);
    }

    /// <summary>Draws a signature once the pad's script is ready, checks the pad took the ink, then confirms.</summary>
    private static async Task SignOnPadAsync(IPage page, string screenshot)
    {
        var pad = page.Locator("[data-testid='signature-pad'][data-ready='true']");
        await pad.WaitForAsync();
        for (var attempt = 1; attempt <= 3 && await pad.GetAttributeAsync("data-empty") != "false"; attempt++)
        {
            var box = (await pad.BoundingBoxAsync())!;
            await page.Mouse.MoveAsync(box.X + 20, box.Y + (box.Height / 2));
            await page.Mouse.DownAsync();
            for (var i = 1; i <= 12; i++)
            {
                await page.Mouse.MoveAsync(box.X + 20 + (i * 18), box.Y + (box.Height / 2) + ((i % 2 == 0 ? -1 : 1) * 20), new() { Steps = 3 });
            }

            await page.Mouse.UpAsync();
        }

        await Assertions.Expect(pad).ToHaveAttributeAsync("data-empty", "false");
        await page.ScreenshotAsync(screenshot);
        await page.ClickAsync("[data-testid='sign-confirm']");
    }

    private sealed record Pick(string CandidateNo, string SchoolAccount, bool IsPublic, int Year, string PlanName, string CertificateName, string LevelName);

    /// <summary>
    /// A candidate of 中物联物流 who passed but has no issuance record yet because the information needs a manual check
    /// (需人工确认, with a photo), at a school with a demo account.
    /// </summary>
    private async Task<Pick> PickCandidateAsync()
    {
        await using var db = app.Services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);
        var rows = await (
            from r in db.Set<CertHub.Core.Scores.CertificateResult>()
            join c in db.Set<CertHub.Core.Candidates.Candidate>() on r.CandidateId equals c.Id
            join p in db.Set<CertHub.Core.Exams.ExamPlan>() on r.ExamPlanId equals p.Id
            join o in db.Set<Organization>() on p.OrganizationId equals o.Id
            join cert in db.Set<Certificate>() on r.CertificateId equals cert.Id
            join s in db.Set<PilotSchool>() on c.SchoolId equals s.Id
            where r.Status == CertHub.Core.Scores.CertificateResultStatus.Passed && o.Name == "中物联物流"
                && c.InfoStatus == CertHub.Core.Candidates.CandidateInfoStatus.NeedsManualCheck && c.PhotoPath != null
                && !db.Set<IssuanceRecord>().Any(i => i.CandidateId == r.CandidateId && i.ExamPlanId == r.ExamPlanId
                    && i.CertificateId == r.CertificateId && i.Level == r.Level)
            orderby c.Id
            select new { c.CandidateNo, c.CandidateType, s.Code, p.Year, PlanName = p.Name, CertificateName = cert.Name, r.Level }).ToListAsync();
        var row = rows.FirstOrDefault(x => AccountBySchoolCode.ContainsKey(x.Code))
            ?? throw new InvalidOperationException("The demo seed has no passed 中物联物流 candidate awaiting a manual check.");
        return new Pick(row.CandidateNo, AccountBySchoolCode[row.Code], row.CandidateType == CertHub.Core.Candidates.CandidateType.PublicCandidate,
            row.Year, row.PlanName, row.CertificateName, row.Level.ToDisplayName());
    }

    /// <summary>The generated record of the candidate and the account of its exam site's school (it signs second).</summary>
    private async Task<(int Id, string CandidateNo, string SiteAccount)> RecordOfAsync(string candidateNo)
    {
        await using var db = app.Services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);
        var record = await (
            from r in db.Set<IssuanceRecord>()
            join s in db.Set<PilotSchool>() on r.SiteSchoolId equals s.Id
            where r.CandidateNo == candidateNo && r.Status == IssuanceStatus.OrgPendingSign
            select new { r.Id, s.Code }).SingleAsync();
        return (record.Id, candidateNo, AccountBySchoolCode[record.Code]);
    }

    /// <summary>
    /// Opens a MudSelect by its data-testid, clicks the option with that text and waits until the select shows it
    /// (the dialog reloads the next list after each choice). A try that the busy circuit swallowed is repeated.
    /// </summary>
    private static async Task ChooseAsync(IPage page, string testId, string option)
    {
        var select = page.Locator($"[data-testid='{testId}']").First;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await select.ClickAsync(new() { Timeout = 8_000 });
                await page.Locator(".mud-popover-open .mud-list-item").GetByText(option, new() { Exact = true }).First.ClickAsync(new() { Timeout = 8_000 });
                await Assertions.Expect(select).ToContainTextAsync(option, new() { Timeout = 8_000 });
                await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
                return;
            }
            catch (Exception ex) when (attempt < 3 && ex is TimeoutException or PlaywrightException)
            {
                await page.Locator(".mud-dialog-title").First.ClickAsync(new() { Force = true }); // closes an open list
                await page.ScreenshotAsync($"choose-{testId}-retry{attempt}");
            }
        }
    }

    private async Task<string> WaitUntilIssuedAsync(int recordId)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            await using var db = app.Services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);
            var record = await db.Set<IssuanceRecord>().AsNoTracking().SingleAsync(r => r.Id == recordId);
            if (record.Status == IssuanceStatus.Issued)
            {
                return record.CertificateNo!;
            }

            Assert.NotEqual(IssuanceStatus.SealFailed, record.Status);
            await Task.Delay(500);
        }

        throw new TimeoutException("证书生成超时：记录仍在证书生成中");
    }

    private static void RenderWithPdftoppm(string pdfPath)
    {
        if (!File.Exists("/usr/bin/pdftoppm"))
        {
            return;
        }

        var prefix = Path.Combine(BrowserEnvironment.ArtifactsDirectory, "certificate-page");
        using var process = System.Diagnostics.Process.Start("/usr/bin/pdftoppm", ["-r", "50", "-png", "-singlefile", pdfPath, prefix])!;
        process.WaitForExit(30_000);
        Assert.Equal(0, process.ExitCode);
        Assert.True(new FileInfo(prefix + ".png").Length > 10_000, "The rendered certificate page is unexpectedly small.");
    }
}
