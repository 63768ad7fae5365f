using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Payments;
using CertHub.Core.Registrations;
using CertHub.Data;
using CertHub.Tests.E2E.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Payments;

/// <summary>
/// 缴费管理 in real Chromium: a school bills its seeded unpaid registrations (按证书报考生成缴费申请单), the plan's organisation
/// confirms the request (确认缴费), and the school sees it 已确认 with every registration 已缴费.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class PaymentsE2ETests(CertHubAppFixture app)
{
    private const string SchoolCode = "4111010008"; // ustb

    private static readonly Dictionary<string, string> AccountByOrganization = new()
    {
        ["中物联物流"] = "wl",
        ["达内教育"] = "tedu",
        ["中联集团教育科技有限公司"] = "zl",
    };

    [E2EFact]
    public async Task Payments_Should_GoFromGenerationToConfirmed_When_SchoolBillsAndOrganizationConfirms()
    {
        var pick = await PickAsync();

        // 1. The school generates the request for the plan and certificate that still have unbilled registrations.
        var school = await app.NewPageAsync();
        await school.LoginAsync("ustb");
        await school.GotoAsync("/exams/payments");
        await school.WaitForCircuitAsync();
        await school.Locator("[data-testid='status-tabs']").WaitForAsync();
        await school.ClickAsync("[data-testid='payment-generate-certificate']");
        await school.Locator("[data-testid='payment-generate-dialog']").WaitForAsync();
        await school.ChooseAsync("payment-plan", pick.PlanName, exact: true);
        await school.ChooseAsync("payment-certificate", pick.CertificateTitle, exact: true);
        await Assertions.Expect(school.Locator("[data-testid='payment-preview']")).ToContainTextAsync($"{pick.Count}人");
        await school.ScreenshotAsync("payments-generate-dialog");
        await school.ClickAsync("[data-testid='payment-generate-ok']");
        await Assertions.Expect(school.Locator(".mud-snackbar").First).ToContainTextAsync("已生成缴费申请单");
        var requestNo = await NewestRequestNoAsync();
        var row = school.Locator("tr", new PageLocatorOptions { HasText = requestNo });
        await Assertions.Expect(row.Locator("[data-testid='payment-count']")).ToHaveTextAsync(pick.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(row.Locator("[data-testid='payment-amount']")).ToHaveTextAsync(Money.Of(pick.Fee * pick.Count).ToString());
        await Assertions.Expect(row.Locator("[data-testid='payment-status']")).ToHaveTextAsync("未确认");
        await school.ScreenshotAsync("payments-school-generated");

        // 2. The organisation finds it by 缴费单号 and confirms it.
        var org = await app.NewPageAsync();
        await org.LoginAsync(pick.OrganizationAccount);
        await org.GotoAsync("/exams/payments");
        await org.WaitForCircuitAsync();
        await org.FillFieldAsync("filter-request-no", requestNo);
        await org.ClickAsync("[data-testid='filter-search']");
        var orgRow = org.Locator("tr", new PageLocatorOptions { HasText = requestNo });
        await Assertions.Expect(orgRow.Locator("[data-testid='payment-school']")).ToHaveTextAsync("北京科技大学");
        await orgRow.Locator("[data-testid='payment-confirm']").ClickAsync();
        await Assertions.Expect(org.Locator("[data-testid='confirm-message']")).ToContainTextAsync(requestNo);
        await org.ClickAsync("[data-testid='confirm-yes']");
        await Assertions.Expect(orgRow.Locator("[data-testid='payment-status']")).ToHaveTextAsync("已确认");
        await org.ScreenshotAsync("payments-org-confirmed");

        // 3. The school's open page refreshes live: 已确认, and 查看 shows every registration 已缴费.
        await Assertions.Expect(row.Locator("[data-testid='payment-status']")).ToHaveTextAsync("已确认");
        await row.Locator("[data-testid='payment-view']").ClickAsync();
        var paid = school.Locator("[data-testid='payment-registration-paid']");
        await Assertions.Expect(paid).ToHaveCountAsync(pick.Count);
        foreach (var cell in await paid.AllAsync())
        {
            await Assertions.Expect(cell).ToHaveTextAsync("已缴费");
        }

        await school.ScreenshotAsync("payments-school-detail-paid");
        await using var db = app.Services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);
        var request = await db.Set<PaymentRequest>().Include(p => p.Items).SingleAsync(p => p.RequestNo == requestNo);
        var ids = request.Items.Select(i => i.RegistrationId).ToList();
        Assert.True(await db.Set<Registration>().Where(r => ids.Contains(r.Id)).AllAsync(r => r.IsPaid && r.PaymentRequestId == request.Id));
    }

    private sealed record Pick(string PlanName, string CertificateTitle, int Count, decimal Fee, string OrganizationAccount);

    /// <summary>The 报考中 按证书 plan and certificate level where ustb has unpaid registrations in no request (the seed leaves some).</summary>
    private async Task<Pick> PickAsync()
    {
        var schoolId = await app.SchoolIdAsync(SchoolCode);
        await using var db = app.Services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);
        var now = DateTimeOffset.UtcNow;
        var plans = (await db.Set<ExamPlan>().Include(p => p.Certificates).Include(p => p.Subjects)
                .Where(p => p.IsPublished && p.RegistrationMode == RegistrationMode.ByCertificate && p.Schools.Any(s => s.SchoolId == schoolId))
                .ToListAsync())
            .Where(p => p.IsRegistrationOpen(now)).ToList();
        foreach (var plan in plans)
        {
            var groups = await db.Set<Registration>()
                .Where(r => r.SchoolId == schoolId && r.ExamPlanId == plan.Id && !r.IsPaid && !db.Set<PaymentRequestItem>().Any(i => i.RegistrationId == r.Id))
                .GroupBy(r => new { r.CertificateId, r.Level }).Select(g => new { g.Key.CertificateId, g.Key.Level, Count = g.Count() })
                .ToListAsync();
            if (groups.FirstOrDefault() is { } group)
            {
                var certificate = await db.Set<Certificate>().Include(c => c.Organization).SingleAsync(c => c.Id == group.CertificateId);
                return new Pick(plan.Name, $"{certificate.Name}（{group.Level.ToDisplayName()}）", group.Count,
                    plan.FeeFor(group.CertificateId, group.Level, null), AccountByOrganization[certificate.Organization!.Name]);
            }
        }

        throw new InvalidOperationException("The demo seed has no unpaid, unbilled registration of ustb in a plan in 报考中");
    }

    private async Task<string> NewestRequestNoAsync()
    {
        var schoolId = await app.SchoolIdAsync(SchoolCode);
        await using var db = app.Services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);
        return await db.Set<PaymentRequest>().Where(p => p.SchoolId == schoolId).OrderByDescending(p => p.Id).Select(p => p.RequestNo).FirstAsync();
    }
}
