using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Tests.E2E.Infrastructure;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Registrations;

/// <summary>报考管理 as a school uses it: 按证书导入 into the demo plan 报考中 (template, 2 good rows, 1 row of a major outside the certificate).</summary>
[Collection(E2ECollection.Name)]
public sealed class RegistrationsE2ETests(CertHubAppFixture app)
{
    [E2EFact]
    public async Task Registrations_Should_ImportGoodRowsAndReportTheRefusedOne_When_SchoolImportsByCertificate()
    {
        // the seeded plan 报考中 (按证书), not one another E2E test of the shared app published (their names start with E2E)
        var now = DateTimeOffset.UtcNow;
        var pick = await ImportCandidates.PickAsync(app, await app.SchoolIdAsync("4111010008"),
            p => p.IsPublished && p.RegistrationMode == RegistrationMode.ByCertificate && p.RegistrationStartUtc <= now && now < p.RegistrationEndUtc
                && !p.Name.StartsWith("E2E", StringComparison.Ordinal));
        var page = await app.NewPageAsync();
        await page.LoginAsync("ustb");
        await page.GotoAsync("/exams/registrations");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid='registration-name']").First.WaitForAsync();
        await page.ScreenshotAsync("registrations-ustb");
        var unpaidBefore = await page.StatusTabCountAsync("Unpaid");

        await page.ImportByCertificateAsync(pick, "registrations");

        await Assertions.Expect(page.Locator("[data-testid='status-tab-Unpaid']")).ToContainTextAsync($"({unpaidBefore + 2})");
        await page.FillFieldAsync("filter-name", pick.Good[0].Name);
        await page.ClickAsync("[data-testid='filter-search']");
        await page.Locator("tr", new PageLocatorOptions { HasText = IdMask.Mask(pick.Good[0].IdNumber) }).First.WaitForAsync();
        await page.ScreenshotAsync("registrations-after-import");
    }
}
