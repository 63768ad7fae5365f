using System.Globalization;
using System.Text.RegularExpressions;
using CertHub.Core.Applications;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Registrations;
using CertHub.Core.Registrations.Import;
using CertHub.Data;
using CertHub.Tests.E2E.Infrastructure;
using CertHub.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace CertHub.Tests.E2E.Registrations;

/// <summary>报考管理 as a school uses it: 按证书导入 into the demo plan 报考中 (template, 2 good rows, 1 row of a major outside the certificate).</summary>
[Collection(E2ECollection.Name)]
public sealed partial class RegistrationsE2ETests(CertHubAppFixture app)
{
    private sealed record Pick(string PlanName, string CertificateName, CertificateLevel Level, List<Candidate> Good, (string Certificate, CertificateLevel Level, Candidate Candidate) Bad);

    [E2EFact]
    public async Task Registrations_Should_ImportGoodRowsAndReportTheRefusedOne_When_SchoolImportsByCertificate()
    {
        var pick = await PickAsync(await app.SchoolIdAsync("4111010008"));
        var page = await app.NewPageAsync();
        await page.LoginAsync("ustb");
        await page.GotoAsync("/exams/registrations");
        await page.WaitForCircuitAsync();
        await page.Locator("[data-testid='registration-name']").First.WaitForAsync();
        await page.ScreenshotAsync("registrations-ustb");
        var unpaidBefore = await CountAsync(page, "Unpaid");

        await page.ClickAsync("[data-testid='registration-import-certificate']");
        await page.Locator("[data-testid='registration-import-setup']").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid='import-plan']")).ToContainTextAsync(pick.PlanName);
        await page.ClickAsync("[data-testid='setup-next']");
        await page.Locator("[data-testid='import-dialog']").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid='import-dialog']")).ToContainTextAsync(pick.PlanName);

        // 下载模板
        var template = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid='import-template']"));
        var templatePath = Path.Combine(BrowserEnvironment.ArtifactsDirectory, "registration-template.xlsx");
        await template.SaveAsAsync(templatePath);
        await using (var file = File.OpenRead(templatePath))
        {
            var row = Assert.Single(file.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>());
            Assert.Equal(RegistrationImportTemplate.Headers(RegistrationMode.ByCertificate), row.Keys);
        }

        // 2 good rows + 1 row whose major the certificate does not cover
        var level = pick.Level.ToDisplayName();
        var sheetPath = Path.Combine(BrowserEnvironment.ArtifactsDirectory, "registrations-import.xlsx");
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
        await page.ScreenshotAsync("registrations-import-result");
        var failed = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid='import-failed-rows']"));
        var failedPath = Path.Combine(BrowserEnvironment.ArtifactsDirectory, "registrations-failed.xlsx");
        await failed.SaveAsAsync(failedPath);
        await using (var file = File.OpenRead(failedPath))
        {
            var row = Assert.Single(file.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>());
            Assert.Equal(pick.Bad.Candidate.Name, row[RegistrationImportTemplate.Name]);
        }

        await page.ClickAsync("[data-testid='import-close']");
        await Assertions.Expect(page.Locator("[data-testid='status-tab-Unpaid']")).ToContainTextAsync($"({unpaidBefore + 2})");
        await page.FillFieldAsync("filter-name", pick.Good[0].Name);
        await page.ClickAsync("[data-testid='filter-search']");
        await page.Locator("tr", new PageLocatorOptions { HasText = IdMask.Mask(pick.Good[0].IdNumber) }).First.WaitForAsync();
        await page.ScreenshotAsync("registrations-after-import");
    }

    /// <summary>
    /// From the demo data: the plan 报考中 (按证书) listing the school, one of its certificate levels with two 信息准确 school
    /// candidates not yet registered whose major is allowed, and a 信息准确 candidate whose major a plan certificate does not cover.
    /// </summary>
    private async Task<Pick> PickAsync(int schoolId)
    {
        await using var db = app.Services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);
        var now = DateTimeOffset.UtcNow;
        var plans = await db.Set<ExamPlan>().Include(p => p.Certificates).Include(p => p.Schools)
            .Where(p => p.IsPublished && p.RegistrationMode == RegistrationMode.ByCertificate && p.RegistrationStartUtc <= now && now < p.RegistrationEndUtc).ToListAsync();
        // The seeded plan (other browser tests of the run may publish more plans listing the school).
        var plan = plans.OrderBy(p => p.Id).First(p => p.IncludesSchool(schoolId));
        var candidates = await db.Set<Candidate>().Where(c => c.SchoolId == schoolId && c.CandidateType == CandidateType.SchoolCandidate
            && c.InfoStatus == CandidateInfoStatus.Accurate && c.MajorId != null).ToListAsync();
        var registered = await db.Set<Registration>().Where(r => r.ExamPlanId == plan.Id).Select(r => new { r.CandidateId, r.CertificateId, r.Level }).ToListAsync();
        var approved = await db.Set<PilotApplication>().Include(a => a.Majors).Where(a => a.SchoolId == schoolId && a.Status == PilotApplicationStatus.Approved).ToListAsync();
        List<Candidate>? good = null;
        ExamPlanCertificate? goodLevel = null;
        (string, CertificateLevel, Candidate)? bad = null;
        foreach (var entry in plan.Certificates)
        {
            var certificate = await db.Set<Certificate>().Include(c => c.Majors).SingleAsync(c => c.Id == entry.CertificateId);
            var declared = approved.Where(a => a.CertificateId == entry.CertificateId && a.Level == entry.Level).ToList();
            var eligible = candidates.Where(c => certificate.AllowsMajor(c.MajorId!.Value)
                && declared.All(a => a.AllowsMajor(c.MajorId!.Value))
                && !registered.Any(r => r.CandidateId == c.Id && r.CertificateId == entry.CertificateId && r.Level == entry.Level)).ToList();
            if (good is null && eligible.Count >= 2)
            {
                (good, goodLevel) = (eligible.Take(2).ToList(), entry);
            }

            var outside = candidates.FirstOrDefault(c => !certificate.AllowsMajor(c.MajorId!.Value));
            bad ??= outside is null ? null : (certificate.Name, entry.Level, outside);
        }

        Assert.True(good is not null && bad is not null, "The demo data needs a plan 报考中 with two eligible candidates and one of a major outside a certificate.");
        var name = await db.Set<Certificate>().Where(c => c.Id == goodLevel!.CertificateId).Select(c => c.Name).SingleAsync();
        return new Pick(plan.Name, name, goodLevel!.Level, good!, bad!.Value);
    }

    private static async Task<int> CountAsync(IPage page, string tab)
    {
        var text = await page.Locator($"[data-testid='status-tab-{tab}']").InnerTextAsync();
        return int.Parse(CountPattern().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\((\d+)\)")]
    private static partial Regex CountPattern();
}
