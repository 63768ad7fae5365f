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
/// The headline workflow clicked through in real Chromium: the organisation signs with a drawn signature (a second
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
    public async Task Issuance_Should_GoFromOrganisationSigningToAVerifiedCertificate()
    {
        var (recordId, candidateNo, siteAccount) = await PickRecordAsync();

        // A second browser, also the organisation, watches the 考核站点待签发 count.
        var watcher = await app.NewPageAsync();
        await watcher.LoginAsync("wl");
        await watcher.GotoAsync("/issuance");
        await watcher.WaitForCircuitAsync();
        var watchedTab = watcher.Locator("[data-testid='status-tab-SitePendingSign']");
        await watchedTab.WaitForAsync();
        var before = CountOf(await watchedTab.InnerTextAsync());

        // 1. The organisation signs the record with a signature drawn on the pad.
        var org = await app.NewPageAsync();
        await org.LoginAsync("wl");
        await OpenRecordAsync(org, "OrgPendingSign", candidateNo);
        await org.ClickAsync("[data-testid='row-select'] input, [data-testid='row-select']");
        await org.ClickAsync("[data-testid='batch-sign']");
        await SignOnPadAsync(org, "org-sign-dialog");
        await Assertions.Expect(org.Locator("[data-testid='batch-result-summary']")).ToContainTextAsync("成功1条");
        await org.ClickAsync("[data-testid='batch-result-close']");

        // The watcher's count changed without a reload.
        await Assertions.Expect(watchedTab).ToContainTextAsync($"({before + 1})", new() { Timeout = 15_000 });
        await watcher.ScreenshotAsync("issuance-live-watcher");

        // 2. The exam site's school signs.
        var site = await app.NewPageAsync();
        await site.LoginAsync(siteAccount);
        await OpenRecordAsync(site, "SitePendingSign", candidateNo);
        await site.ClickAsync("[data-testid='row-select'] input, [data-testid='row-select']");
        await site.ClickAsync("[data-testid='batch-sign']");
        await SignOnPadAsync(site, "site-sign-dialog");
        await Assertions.Expect(site.Locator("[data-testid='batch-result-summary']")).ToContainTextAsync("成功1条");
        await site.ClickAsync("[data-testid='batch-result-close']");

        // 3. The organisation issues an electronic certificate; the worker generates it.
        await OpenRecordAsync(org, "PendingIssue", candidateNo);
        await org.ClickAsync("[data-testid='row-select'] input, [data-testid='row-select']");
        await org.ClickAsync("[data-testid='batch-issue-electronic']");
        await org.ClickAsync("[data-testid='confirm-yes']");
        await Assertions.Expect(org.Locator("[data-testid='batch-result-summary']")).ToContainTextAsync("成功1条");
        await org.ClickAsync("[data-testid='batch-result-close']");

        var certificateNo = await WaitUntilIssuedAsync(recordId);
        await OpenRecordAsync(org, "Issued", candidateNo);
        await org.ScreenshotAsync("issuance-issued");

        // 4. The PDF downloads and renders.
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

        // 5. Anyone can verify it.
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

    private static async Task SignOnPadAsync(IPage page, string screenshot)
    {
        var pad = page.Locator("[data-testid='signature-pad']");
        await pad.WaitForAsync();
        var box = (await pad.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + 20, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        for (var i = 1; i <= 12; i++)
        {
            await page.Mouse.MoveAsync(box.X + 20 + (i * 18), box.Y + (box.Height / 2) + ((i % 2 == 0 ? -1 : 1) * 20), new() { Steps = 3 });
        }

        await page.Mouse.UpAsync();
        await page.ScreenshotAsync(screenshot);
        await page.ClickAsync("[data-testid='sign-confirm']");
    }

    /// <summary>A record of 中物联物流 awaiting its signature, whose exam-site school has a demo account.</summary>
    private async Task<(int Id, string CandidateNo, string SiteAccount)> PickRecordAsync()
    {
        await using var db = app.Services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);
        var candidates = await (
            from r in db.Set<IssuanceRecord>()
            join o in db.Set<Organization>() on r.OrganizationId equals o.Id
            join s in db.Set<PilotSchool>() on r.SiteSchoolId equals s.Id
            where r.Status == IssuanceStatus.OrgPendingSign && o.Name == "中物联物流"
            orderby r.Id
            select new { r.Id, r.CandidateNo, s.Code }).ToListAsync();
        var pick = candidates.First(c => AccountBySchoolCode.ContainsKey(c.Code));
        return (pick.Id, pick.CandidateNo, AccountBySchoolCode[pick.Code]);
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
