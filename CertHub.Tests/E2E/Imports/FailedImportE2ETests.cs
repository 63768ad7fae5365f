using CertHub.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace CertHub.Tests.E2E.Imports;

/// <summary>
/// 导入记录 of an import that failed as a whole: 武汉体育学院 (wipe) uploads a sheet made from an old template (columns missing);
/// the dialog says which columns are missing, and /imports lists the file marked 导入失败 with that reason.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class FailedImportE2ETests(CertHubAppFixture app)
{
    [E2EFact]
    public async Task Imports_Should_ShowFailureReason_When_SchoolUploadsAWrongTemplate()
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync("wipe");
        await page.GotoAsync("/exams/candidates?type=school");
        await page.WaitForCircuitAsync();
        await page.ClickAsync("[data-testid='candidate-import']");
        await page.Locator("[data-testid='import-dialog']").WaitForAsync();

        var fileName = $"旧模板-{Guid.NewGuid():N}.xlsx"[..16] + ".xlsx";
        var path = Path.Combine(BrowserEnvironment.ArtifactsDirectory, fileName);
        using (var sheet = new MemoryStream())
        {
            sheet.SaveAs(new[] { new Dictionary<string, object?> { ["姓名"] = "张三", ["电话"] = "13812345678" } }, sheetName: "考生信息");
            await File.WriteAllBytesAsync(path, sheet.ToArray());
        }

        await page.Locator(".mud-dialog input[type=file]").SetInputFilesAsync(path);
        await page.ClickAsync("[data-testid='import-start']");
        await Assertions.Expect(page.Locator("[data-testid='import-error']")).ToContainTextAsync("导入文件与模板不符，缺少列：");
        await page.ScreenshotAsync("import-wrong-template");

        await page.GotoAsync("/imports");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator("[data-testid='import-file']").First).ToHaveTextAsync(fileName);
        await Assertions.Expect(page.Locator("[data-testid='import-failed']").First).ToHaveTextAsync("导入失败");
        await Assertions.Expect(page.Locator("[data-testid='import-failure-reason']").First).ToContainTextAsync("导入文件与模板不符，缺少列：");
        await page.ScreenshotAsync("imports-failure-reason");
        await page.Context.CloseAsync();
    }
}
