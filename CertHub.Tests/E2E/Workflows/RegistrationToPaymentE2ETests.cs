using System.Globalization;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Tests.E2E.Infrastructure;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Workflows;

/// <summary>
/// Issue 6 end to end, all through the UI: 中物联物流 (wl) publishes a 健康管理 (初级) plan with two subjects listing 北方工业大学
/// (ncut, whose approved 健康管理 site holds 初级); ncut sets a room for it through the cascade, imports registrations (template,
/// two good rows, one refused for a major outside the certificate) and generates the payment request; wl confirms it; ncut
/// sees both registrations 已缴费.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class RegistrationToPaymentE2ETests(CertHubAppFixture app)
{
    private const string Certificate = "健康管理职业技能等级证书";
    private const string School = "北方工业大学";

    [E2EFact]
    public async Task Workflow_Should_GoFromPublishedPlanToPaidRegistrations()
    {
        var stamp = DateTime.UtcNow.ToString("HHmmssfff", CultureInfo.InvariantCulture);
        var planName = $"E2E健康管理初级联考{stamp}";

        // 1. wl publishes the plan: 健康管理 (初级), its two subjects, 北方工业大学; the default windows open registration today.
        var org = await app.NewPageAsync();
        await org.LoginAsync("wl");
        await org.GotoAsync("/exams/plans");
        await org.WaitForCircuitAsync();
        await org.Locator("[data-testid='plans-table'] [data-testid='plan-stage']").First.WaitForAsync();
        await org.ClickAsync("[data-testid='plan-create']");
        await org.FillFieldAsync("plan-name-input", planName);
        await org.Locator("[data-testid='plan-certificates']").First.ClickAsync();
        await org.Locator(".mud-popover-open .mud-list-item", new() { HasText = $"{Certificate}(初级)" }).First.ClickAsync();
        await org.CloseOpenListAsync();
        await org.FillFieldAsync("plan-certificate-fee", "240");
        await org.Locator("[data-testid='plan-dialog'] label:has-text('初级理论知识考试')").First.ClickAsync();
        await org.Locator("[data-testid='plan-dialog'] label:has-text('初级实操技能考试')").First.ClickAsync();
        await Assertions.Expect(org.Locator("[data-testid='plan-subject'] [data-testid$='-start']")).ToHaveCountAsync(2);
        await org.FillFieldAsync("plan-school-search", "北方工业");
        await org.Locator("[data-testid='plan-schools'] label", new() { HasText = School }).First.ClickAsync();
        await Assertions.Expect(org.Locator("[data-testid='plan-school-count']")).ToHaveTextAsync("已选 1 所院校");
        await org.ScreenshotAsync("workflow6-plan-dialog");
        await org.ClickAsync("[data-testid='plan-save']");
        var planRow = org.Locator("[data-testid='plans-table'] tr", new() { HasText = planName });
        await Assertions.Expect(planRow.Locator("[data-testid='plan-stage']")).ToContainTextAsync("未发布");
        await planRow.Locator("[data-testid='plan-publish']").ClickAsync();
        await org.ClickAsync("[data-testid='confirm-yes']");
        await Assertions.Expect(planRow.Locator("[data-testid='plan-stage']")).ToContainTextAsync("报考中");
        await org.ScreenshotAsync("workflow6-plan-published");

        // 2. ncut sets a room for the theory subject: plan → site → certificate (the only common level, chosen by itself) → subject.
        var school = await app.NewPageAsync();
        await school.LoginAsync("ncut");
        await school.GotoAsync("/exams/rooms");
        await school.WaitForCircuitAsync();
        await school.Locator("[data-testid='status-tabs']").WaitForAsync();
        var roomName = $"E2E健康{stamp}";
        await school.ClickAsync("[data-testid='room-create']");
        await school.Locator("[data-testid='room-dialog']").WaitForAsync();
        await school.ChooseAsync("room-plan", planName, exact: true);
        await school.ChooseAsync("room-site", School);
        var theory = school.Locator("[data-testid='room-subjects'] label", new() { HasText = "初级理论知识考试" }).Locator("input[type=checkbox]");
        await theory.WaitForAsync();
        await Assertions.Expect(school.Locator("[data-testid='room-subjects'] input[type=checkbox]")).ToHaveCountAsync(2);
        await theory.CheckAsync();
        await Assertions.Expect(school.Locator("input[data-testid='room-type']")).Not.ToHaveValueAsync("");
        await school.FillFieldAsync("room-name", roomName);
        await school.FillFieldAsync("room-address", "北京市石景山区晋元庄路5号第一教学楼101室");
        await school.FillFieldAsync("room-seats", "30");
        await school.ScreenshotAsync("workflow6-room-dialog");
        await school.ClickAsync("[data-testid='room-save']");
        var roomRow = school.Locator("[data-testid='rooms-table'] tr", new() { HasText = roomName });
        await Assertions.Expect(roomRow.Locator("[data-testid='room-status']")).ToHaveTextAsync("未排考");
        await Assertions.Expect(roomRow).ToContainTextAsync(planName);
        await school.ScreenshotAsync("workflow6-rooms");

        // 3. ncut imports registrations into the plan: two accepted, one refused (major outside the certificate).
        var pick = await ImportCandidates.PickAsync(app, await app.SchoolIdAsync("4111010009"), p => p.Name == planName);
        Assert.Equal(Certificate, pick.CertificateName);
        await school.GotoAsync("/exams/registrations");
        await school.WaitForCircuitAsync();
        await school.Locator("[data-testid='registration-name']").First.WaitForAsync();
        await school.ImportByCertificateAsync(pick, "workflow6-registrations");
        foreach (var candidate in pick.Good)
        {
            await Assertions.Expect(await RegistrationRowAsync(school, candidate.Name, planName)).ToContainTextAsync("未缴费");
        }

        await school.ScreenshotAsync("workflow6-registrations-unpaid");

        // 4. ncut generates the payment request (缴费管理 → 按证书报考生成缴费申请单) for the two.
        await school.GotoAsync("/exams/payments");
        await school.WaitForCircuitAsync();
        await school.Locator("[data-testid='status-tabs']").WaitForAsync();
        await school.ClickAsync("[data-testid='payment-generate-certificate']");
        await school.Locator("[data-testid='payment-generate-dialog']").WaitForAsync();
        await school.ChooseAsync("payment-plan", planName, exact: true);
        await school.ChooseAsync("payment-certificate", $"{Certificate}（{CertificateLevel.Junior.ToDisplayName()}）", exact: true);
        await Assertions.Expect(school.Locator("[data-testid='payment-preview']")).ToContainTextAsync("2人");
        await school.ScreenshotAsync("workflow6-payment-dialog");
        await school.ClickAsync("[data-testid='payment-generate-ok']");
        await Assertions.Expect(school.Locator(".mud-snackbar").First).ToContainTextAsync("已生成缴费申请单");
        var paymentRow = school.Locator("[data-testid='payments-table'] tbody tr", new() { HasText = planName });
        await Assertions.Expect(paymentRow).ToHaveCountAsync(1);
        await Assertions.Expect(paymentRow.Locator("[data-testid='payment-count']")).ToHaveTextAsync("2");
        await Assertions.Expect(paymentRow.Locator("[data-testid='payment-amount']")).ToHaveTextAsync(Money.Of(480m).ToString());
        await Assertions.Expect(paymentRow.Locator("[data-testid='payment-status']")).ToHaveTextAsync("未确认");
        var requestNo = (await paymentRow.Locator("[data-testid='payment-no']").InnerTextAsync()).Trim();
        await school.ScreenshotAsync("workflow6-payment-generated");

        // 5. wl confirms it (确认缴费).
        await org.GotoAsync("/exams/payments");
        await org.WaitForCircuitAsync();
        await org.Locator("[data-testid='status-tabs']").WaitForAsync();
        await org.FillFieldAsync("filter-request-no", requestNo);
        await org.ClickAsync("[data-testid='filter-search']");
        var orgRow = org.Locator("[data-testid='payments-table'] tbody tr", new() { HasText = requestNo });
        await Assertions.Expect(orgRow.Locator("[data-testid='payment-school']")).ToHaveTextAsync(School);
        await orgRow.Locator("[data-testid='payment-confirm']").ClickAsync();
        await Assertions.Expect(org.Locator("[data-testid='confirm-message']")).ToContainTextAsync(requestNo);
        await org.ClickAsync("[data-testid='confirm-yes']");
        await Assertions.Expect(orgRow.Locator("[data-testid='payment-status']")).ToHaveTextAsync("已确认");
        await org.ScreenshotAsync("workflow6-payment-confirmed");

        // 6. ncut sees both registrations 已缴费 in 报考管理.
        await school.GotoAsync("/exams/registrations");
        await school.WaitForCircuitAsync();
        await school.Locator("[data-testid='registration-name']").First.WaitForAsync();
        foreach (var candidate in pick.Good)
        {
            var row = await RegistrationRowAsync(school, candidate.Name, planName);
            await Assertions.Expect(row.Locator("[data-testid='registration-paid']")).ToHaveTextAsync("已缴费");
            await row.Locator("[data-testid='registration-paid']").ScrollIntoViewIfNeededAsync();
        }

        await school.ScreenshotAsync("workflow6-registrations-paid");
    }

    /// <summary>Searches 报考管理 by the candidate's name and returns the single row of that plan.</summary>
    private static async Task<ILocator> RegistrationRowAsync(IPage page, string name, string planName)
    {
        await page.FillFieldAsync("filter-name", name);
        await page.ClickAsync("[data-testid='filter-search']");
        var row = page.Locator("[data-testid='registrations-table'] tbody tr", new() { HasText = planName });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("[data-testid='registration-name']")).ToHaveTextAsync(name);
        return row;
    }
}
