using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Registrations.Import;
using CertHub.Tests.Support.Builders;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace CertHub.Tests.E2E.Infrastructure;

/// <summary>批量导入报考-按证书导入 clicked through on /exams/registrations (the page is open, signed in as the school).</summary>
public static class RegistrationImportSteps
{
    /// <summary>
    /// Chooses the plan, downloads the template (checks its headers), uploads 2 good rows and the refused one, checks the
    /// result (2 imported, row 4 refused for its major) and the failed-rows file, and closes the dialog.
    /// </summary>
    public static async Task ImportByCertificateAsync(this IPage page, ImportCandidates pick, string artifactPrefix)
    {
        await page.ClickAsync("[data-testid='registration-import-certificate']");
        await page.Locator("[data-testid='registration-import-setup']").WaitForAsync();
        await page.ChooseAsync("import-plan", pick.PlanName, exact: true);
        await Assertions.Expect(page.Locator("[data-testid='import-plan']")).ToContainTextAsync(pick.PlanName);
        await page.ClickAsync("[data-testid='setup-next']");
        await page.Locator("[data-testid='import-dialog']").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid='import-dialog']")).ToContainTextAsync(pick.PlanName);

        // 下载模板
        var template = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid='import-template']"));
        var templatePath = Path.Combine(BrowserEnvironment.ArtifactsDirectory, artifactPrefix + "-template.xlsx");
        await template.SaveAsAsync(templatePath);
        await using (var file = File.OpenRead(templatePath))
        {
            var row = Assert.Single(file.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>());
            Assert.Equal(RegistrationImportTemplate.Headers(RegistrationMode.ByCertificate), row.Keys);
        }

        // 2 good rows + 1 row whose major the certificate does not cover
        var level = pick.Level.ToDisplayName();
        var sheetPath = Path.Combine(BrowserEnvironment.ArtifactsDirectory, artifactPrefix + "-import.xlsx");
        using (var sheet = RegistrationScenario.Sheet(RegistrationMode.ByCertificate,
            [pick.Good[0].Name, pick.Good[0].IdNumber, pick.CertificateName, level],
            [pick.Good[1].Name, pick.Good[1].IdNumber, pick.CertificateName, level],
            [pick.Bad.Candidate.Name, pick.Bad.Candidate.IdNumber, pick.Bad.Certificate, pick.Bad.Level.ToDisplayName()]))
        {
            await File.WriteAllBytesAsync(sheetPath, sheet.ToArray());
        }

        await page.Locator(".mud-dialog input[type=file]").SetInputFilesAsync(sheetPath);
        await page.ClickAsync("[data-testid='import-start']");
        await Assertions.Expect(page.Locator("[data-testid='import-succeeded']")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("[data-testid='import-failed']")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-testid='import-problems']")).ToContainTextAsync("第4行：考生专业");
        await Assertions.Expect(page.Locator("[data-testid='import-problems']")).ToContainTextAsync("不在该证书面向的专业之内");
        await page.ScreenshotAsync(artifactPrefix + "-import-result");
        var failed = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid='import-failed-rows']"));
        var failedPath = Path.Combine(BrowserEnvironment.ArtifactsDirectory, artifactPrefix + "-failed.xlsx");
        await failed.SaveAsAsync(failedPath);
        await using (var file = File.OpenRead(failedPath))
        {
            var row = Assert.Single(file.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>());
            Assert.Equal(pick.Bad.Candidate.Name, row[RegistrationImportTemplate.Name]);
        }

        await page.ClickAsync("[data-testid='import-close']");
    }
}
