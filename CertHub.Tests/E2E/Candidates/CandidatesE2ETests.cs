using System.Globalization;
using System.Text.RegularExpressions;
using CertHub.Core.Candidates;
using CertHub.Tests.E2E.Infrastructure;
using CertHub.Tests.Support;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Candidates;

/// <summary>考生管理 as a school uses it: template, import 2 good + 1 bad rows, failed rows, photo zip, 批量认证.</summary>
[Collection(E2ECollection.Name)]
public sealed partial class CandidatesE2ETests(CertHubAppFixture app)
{
    [E2EFact]
    public async Task Candidates_Should_ImportVerifyAndUpdateCounts_When_SchoolImportsASheetAndPhotos()
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync("ustb");
        await page.GotoAsync("/exams/candidates?type=school");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid='candidate-name']").First.WaitForAsync();
        await page.ScreenshotAsync("candidates-ustb");
        var accurateBefore = await CountAsync(page, "Accurate");

        // 下载模板
        await page.ClickAsync("[data-testid='candidate-import']");
        await page.Locator("[data-testid='import-dialog']").WaitForAsync();
        var template = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid='import-template']"));
        var templatePath = Path.Combine(BrowserEnvironment.ArtifactsDirectory, "candidate-template.xlsx");
        await template.SaveAsAsync(templatePath);
        await using (var file = File.OpenRead(templatePath))
        {
            Assert.Equal("张三", Assert.Single(CandidateTestFiles.ReadBack(file)).Name);
        }

        // 2 good rows + 1 bad row
        var (idA, idB) = (NewId(), NewId());
        var nameA = "导入甲" + Suffix(idA);
        var nameB = "导入乙" + Suffix(idB);
        var sheetPath = Path.Combine(BrowserEnvironment.ArtifactsDirectory, "candidates-import.xlsx");
        using (var sheet = CandidateTestFiles.Sheet(CandidateTestFiles.Row(nameA, idA), CandidateTestFiles.Row(nameB, idB), CandidateTestFiles.Row("坏行", "110101199003074478")))
        {
            await File.WriteAllBytesAsync(sheetPath, sheet.ToArray());
        }

        await page.Locator(".mud-dialog input[type=file]").SetInputFilesAsync(sheetPath);
        await page.ClickAsync("[data-testid='import-start']");
        await Assertions.Expect(page.Locator("[data-testid='import-succeeded']")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("[data-testid='import-failed']")).ToHaveTextAsync("1");
        await page.ScreenshotAsync("candidates-import-result");
        var failed = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid='import-failed-rows']"));
        var failedPath = Path.Combine(BrowserEnvironment.ArtifactsDirectory, "candidates-failed.xlsx");
        await failed.SaveAsAsync(failedPath);
        await using (var file = File.OpenRead(failedPath))
        {
            Assert.Equal("坏行", Assert.Single(CandidateTestFiles.ReadBack(file)).Name);
        }

        await page.ClickAsync("[data-testid='import-close']");

        // 批量导入考生照片
        var zipPath = Path.Combine(BrowserEnvironment.ArtifactsDirectory, "candidates-photos.zip");
        using (var zip = CandidateTestFiles.Zip(($"{idA}.jpg", CandidateTestFiles.Photo()), ($"{idB}.jpg", CandidateTestFiles.Photo())))
        {
            await File.WriteAllBytesAsync(zipPath, zip.ToArray());
        }

        await page.ClickAsync("[data-testid='candidate-photo-import']");
        await page.Locator(".mud-dialog input[type=file]").SetInputFilesAsync(zipPath);
        await page.ClickAsync("[data-testid='import-start']");
        await Assertions.Expect(page.Locator("[data-testid='import-succeeded']")).ToHaveTextAsync("2");
        await page.ClickAsync("[data-testid='import-close']");

        // 批量认证 the two
        await page.ClickAsync("[data-testid='status-tab-PendingVerification']");
        foreach (var name in new[] { nameA, nameB })
        {
            var row = page.Locator("tr", new PageLocatorOptions { HasText = name });
            await row.WaitForAsync();
            await row.Locator("input[type=checkbox]").CheckAsync();
        }

        await Assertions.Expect(page.Locator("[data-testid='selected-count']")).ToContainTextAsync("2");
        await page.ScreenshotAsync("candidates-selected");
        await page.ClickAsync("[data-testid='candidate-verify-batch']");
        await Assertions.Expect(page.Locator("[data-testid='status-tab-Accurate']")).ToContainTextAsync($"({accurateBefore + 2})");
        await page.ClickAsync("[data-testid='status-tab-Accurate']");
        await page.Locator("tr", new PageLocatorOptions { HasText = nameA }).WaitForAsync();
        await page.ScreenshotAsync("candidates-verified");
    }

    private static async Task<int> CountAsync(IPage page, string status)
    {
        var text = await page.Locator($"[data-testid='status-tab-{status}']").InnerTextAsync();
        return int.Parse(CountPattern().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static string NewId()
    {
        var first17 = $"110101{Random.Shared.Next(1990, 2005)}0{Random.Shared.Next(1, 9)}1{Random.Shared.Next(0, 9)}{Random.Shared.Next(100, 999)}";
        return first17 + IdNumber.CheckCharacter(first17);
    }

    /// <summary>The ID's last digits as Chinese numerals (names are letters or Chinese only, else the verifier doubts them).</summary>
    private static string Suffix(string id) => string.Concat(id[^5..^1].Select(c => "零一二三四五六七八九"[c - '0']));

    [GeneratedRegex(@"\((\d+)\)")]
    private static partial Regex CountPattern();
}
