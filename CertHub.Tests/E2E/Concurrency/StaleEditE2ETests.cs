using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Data;
using CertHub.Tests.E2E.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Concurrency;

/// <summary>
/// No lost update through an open dialog: two users of 北京科技大学 (ustb and its sub-account ustb-kw, each in its own browser
/// context) open 编辑 of the same candidate; the first saves; the second's 保存 is refused with the concurrency message.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class StaleEditE2ETests(CertHubAppFixture app)
{
    [E2EFact]
    public async Task SecondSave_Should_BeRefusedAndTheFirstValueStay_When_BothOpenedTheSameCandidate()
    {
        var (id, name) = await SeedCandidateAsync();
        var first = await app.NewPageAsync();
        var second = await app.NewPageAsync();
        await first.LoginAsync("ustb");
        await second.LoginAsync("ustb-kw");
        await OpenEditAsync(first, name);
        await OpenEditAsync(second, name);

        await first.FillFieldAsync("edit-phone", "13900000001");
        await first.ClickAsync("[data-testid='edit-save']");
        await Assertions.Expect(first.Locator(".mud-snackbar").First).ToContainTextAsync("保存成功");

        await second.FillFieldAsync("edit-phone", "13900000002");
        await second.ClickAsync("[data-testid='edit-save']");
        await Assertions.Expect(second.Locator(".mud-snackbar").First).ToContainTextAsync("数据已被其他用户修改，请刷新后重试");
        await second.ScreenshotAsync("stale-edit-refused");

        await using var db = app.Services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);
        Assert.Equal("13900000001", await db.Set<Candidate>().Where(c => c.Id == id).Select(c => c.Phone).SingleAsync());
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }

    private static async Task OpenEditAsync(IPage page, string name)
    {
        await page.GotoAsync("/exams/candidates?type=school");
        await page.WaitForCircuitAsync();
        await page.FillFieldAsync("filter-name", name);
        await page.ClickAsync("[data-testid='filter-search']");
        var row = page.Locator("[data-testid='candidates-table'] tbody tr", new() { HasText = name });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.Locator("[data-testid='candidate-edit']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='edit-name'] input, input[data-testid='edit-name']").First).ToHaveValueAsync(name);
    }

    /// <summary>A fresh candidate of 北京科技大学 with a unique name, so that other tests' data is left alone.</summary>
    private async Task<(int Id, string Name)> SeedCandidateAsync()
    {
        var schoolId = await app.SchoolIdAsync("4111010008");
        var first17 = $"110101{Random.Shared.Next(1990, 2005)}0{Random.Shared.Next(1, 9)}1{Random.Shared.Next(0, 9)}{Random.Shared.Next(100, 999)}";
        var idNumber = first17 + IdNumber.CheckCharacter(first17);
        var name = "并发" + string.Concat(idNumber[^5..^1].Select(c => "零一二三四五六七八九"[c - '0']));
        await using var db = app.Services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);
        var candidateNo = CandidateNoGenerator.Generate("110101", 2021, DateTimeOffset.UtcNow, Random.Shared.Next(900_000, 999_999));
        var candidate = Candidate.Create(schoolId, CandidateType.SchoolCandidate, candidateNo,
            new CandidateDetails(name, null, IdType.ResidentIdCard, idNumber, Phone: "13800000000", MajorLevel: MajorLevel.HigherVocational, EnrollmentYear: 2021),
            DateTimeOffset.UtcNow);
        db.Set<Candidate>().Add(candidate);
        await db.SaveChangesAsync();
        return (candidate.Id, name);
    }
}
