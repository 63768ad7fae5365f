using Bunit;
using CertHub.Core.Catalog;
using CertHub.Core.Issuance;
using CertHub.Tests.Support;
using CertHub.Web.Components.Pages.Issuance;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CertHub.Tests.Web.Issuance;

public sealed class IssuanceDialogTests
{
    private const IssuanceCommands SiteSigning = IssuanceCommands.Sign | IssuanceCommands.Reject;

    [Fact]
    public async Task BatchSign_Should_OpenSignDialog_When_RowsSelected()
    {
        await using var ctx = SchoolOnSitePendingTab(out var dialogs, out var cut);

        IssuancePageTests.SelectAll(cut);
        cut.Find("[data-testid=batch-sign]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("共 2 条发证记录", dialogs.Find("[data-testid=sign-dialog]").TextContent));
        Assert.Contains("一旦完成操作，不可撤回", dialogs.Find("[data-testid=sign-notice]").TextContent);
        Assert.Equal("李院校", dialogs.Find("input[data-testid=signer-name], [data-testid=signer-name] input").GetAttribute("value"));
        Assert.NotNull(dialogs.Find("canvas[data-testid=signature-pad]"));
    }

    [Fact]
    public async Task SignDialog_Should_RefuseEmptyPadAndSignWithDrawnPng_When_Confirmed()
    {
        await using var ctx = SchoolOnSitePendingTab(out var dialogs, out var cut);
        IssuancePageTests.SelectAll(cut);
        cut.Find("[data-testid=batch-sign]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=sign-confirm]"));

        dialogs.Find("[data-testid=sign-confirm]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("请先完成签名再确认签发", dialogs.Find("[data-testid=sign-error]").TextContent));
        Assert.DoesNotContain(ctx.Issuance.Actions, a => a.Method == nameof(IIssuanceService.SignAsync));

        var png = TestImages.Png();
        ctx.JSInterop.Setup<string?>("certhubSignaturePad.toDataUrl", _ => true).SetResult("data:image/png;base64," + Convert.ToBase64String(png));
        dialogs.Find("[data-testid=sign-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains(ctx.Issuance.Actions, a => a.Method == nameof(IIssuanceService.SignAsync)));
        var images = new CertHub.Web.Imaging.SkiaImageInspector(); // stored re-encoded (SignatureImage): the same image
        Assert.Equal(images.Inspect(png), images.Inspect(ctx.Issuance.LastSignature!.PngBytes));
        Assert.Equal("李院校", ctx.Issuance.LastSignature.SignerName);
        dialogs.WaitForAssertion(() => Assert.Contains("成功1条", dialogs.Find("[data-testid=batch-result]").TextContent));
    }

    [Fact]
    public async Task SignDialog_Should_ShowPhoneSignature_When_PhoneSubmitsThroughItsLink()
    {
        await using var ctx = SchoolOnSitePendingTab(out var dialogs, out var cut);
        cut.FindAll("[data-testid=action-sign]")[0].Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=phone-sign-tab]"));

        dialogs.Find("[data-testid=phone-sign-tab]").Click();
        var qr = dialogs.WaitForElement("[data-testid=phone-sign-qr]");
        Assert.StartsWith("data:image/png;base64,", qr.GetAttribute("src"), StringComparison.Ordinal);
        Assert.NotNull(dialogs.Find("[data-testid=phone-sign-waiting]"));

        var session = ctx.Services.GetRequiredService<PhoneSigningService>();
        var png = TestImages.Png();
        var token = FindToken(ctx);
        Assert.True(await session.SubmitAsync(token, png, default));

        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=phone-signature]")));
        dialogs.Find("[data-testid=sign-confirm]").Click();
        cut.WaitForAssertion(() => Assert.Equal(png, ctx.Issuance.LastSignature?.PngBytes));
        Assert.False(await session.SubmitAsync(token, png, default));
    }

    [Fact]
    public async Task RejectDialog_Should_RefuseEmptyReason_When_Confirmed()
    {
        await using var ctx = SchoolOnSitePendingTab(out var dialogs, out var cut);
        cut.FindAll("[data-testid=action-reject]")[0].Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=reject-dialog]"));

        dialogs.Find("[data-testid=reject-confirm]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("请填写拒绝签发理由", dialogs.Markup));
        Assert.NotNull(dialogs.Find("[data-testid=reject-dialog]"));
        Assert.DoesNotContain(ctx.Issuance.Actions, a => a.Method == nameof(IIssuanceService.RejectAsync));

        dialogs.Find("[data-testid=reject-reason] textarea, textarea[data-testid=reject-reason]").Input("  考生身份证号有误  ");
        dialogs.Find("[data-testid=reject-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal("考生身份证号有误", ctx.Issuance.LastReason));
        Assert.Equal([1], Assert.Single(ctx.Issuance.Actions, a => a.Method == nameof(IIssuanceService.RejectAsync)).Ids);
    }

    [Fact]
    public async Task GenerateDialog_Should_ShowSummaryAndGenerate_When_CriteriaChosen()
    {
        await using var ctx = new IssuancePageContext(IssuancePageContext.OrgUser);
        EligibleCandidate Eligible(string name) => new("37068220211631773601551242", name, "370682200101016549", "院校考生", "北京科技大学", "信息化应用职业技能等级证书", CertificateLevel.Intermediate, "已通过");
        ctx.Issuance.Preview = new GenerationPreview([Eligible("王大三"), Eligible("李小四")],
            [new IneligibleCandidate("37068220211631773601551243", "赵五", "370682200101016549", "院校考生", "北京科技大学", "信息化应用职业技能等级证书", CertificateLevel.Intermediate, "已通过", "无照片")]);
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<IssuancePage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=generate-button]"));

        cut.Find("[data-testid=generate-button]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("待发证人数 共3人，可发证2人，1人由于信息不完善不允许发证",
            dialogs.Find("[data-testid=generate-summary]").TextContent.Trim()));
        Assert.Contains("规则说明", dialogs.Find("[data-testid=generate-dialog]").TextContent);
        Assert.Contains("一旦开始签发，任何人不得随意删除", dialogs.Find("[data-testid=generate-dialog]").TextContent);
        dialogs.Find("[data-testid=download-ineligible]").Click();
        Assert.Contains(ctx.JSInterop.Invocations, i => i.Identifier == "downloadFileFromStream" && ((string)i.Arguments[0]!).StartsWith("不可发证名单", StringComparison.Ordinal));

        dialogs.Find("[data-testid=generate-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal(new GenerationCriteria(2021, 1, 1, CertificateLevel.Intermediate, null), ctx.Issuance.LastGenerated));
    }

    [Fact]
    public async Task IssueDialog_Should_ReturnChosenMethod_When_Confirmed()
    {
        await using var ctx = new IssuancePageContext(IssuancePageContext.OrgUser);
        ctx.Issuance.Rows.Add(FakeIssuanceService.Item(7, IssuanceStatus.PendingIssue, IssuanceCommands.Issue));
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<IssuancePage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=action-issue]"));

        cut.Find("[data-testid=action-issue]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=issue-dialog]"));
        dialogs.Find("[data-testid=issue-method-paper]").Click();
        dialogs.Find("[data-testid=issue-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal(IssueMethod.Paper, ctx.Issuance.LastMethod));
        Assert.Equal([7], Assert.Single(ctx.Issuance.Actions, a => a.Method == nameof(IIssuanceService.IssueAsync)).Ids);
    }

    [Fact]
    public async Task DetailDialog_Should_ListHistoryRows_When_ViewClicked()
    {
        await using var ctx = new IssuancePageContext(IssuancePageContext.SchoolUser);
        ctx.Issuance.Rows.Add(FakeIssuanceService.Item(1, IssuanceStatus.SiteRejected, IssuanceCommands.Resign));
        var at = new DateTimeOffset(2021, 9, 20, 2, 0, 0, TimeSpan.Zero);
        ctx.Issuance.Histories[1] =
        [
            new(at, "获取待发证记录", null, "培训评价组织待签发", "中物联(wl)", "培训评价组织", null, null, null, null),
            new(at.AddMinutes(1), "签发", "培训评价组织待签发", "考核站点待签发", "张组织", "培训评价组织", null, "signatures/org 1.png", null, null),
            new(at.AddMinutes(2), "拒绝签发", "考核站点待签发", "考核站点拒绝签发", "北科大(ustb)", "考核站点", "成绩有误", null, null, null),
        ];
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<IssuancePage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=action-view]"));

        cut.Find("[data-testid=action-view]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(3, dialogs.FindAll("[data-testid=history-table] [data-testid=history-row]").Count));
        var rows = dialogs.FindAll("[data-testid=history-row]");
        Assert.Contains("2021-09-20 10:01:00", rows[1].TextContent);
        Assert.Contains("培训评价组织待签发→考核站点待签发", rows[1].TextContent);
        Assert.Equal("/files/signatures/org%201.png", rows[1].QuerySelector("[data-testid=history-signature]")!.GetAttribute("src"));
        Assert.Contains("成绩有误", rows[2].TextContent);
        Assert.Contains("考核站点拒绝签发", dialogs.Find("[data-testid=detail-dialog]").TextContent);
    }

    private static IssuancePageContext SchoolOnSitePendingTab(out IRenderedComponent<MudDialogProvider> dialogs, out IRenderedComponent<IssuancePage> cut)
    {
        var ctx = new IssuancePageContext(IssuancePageContext.SchoolUser);
        ctx.Issuance.Rows.AddRange([
            FakeIssuanceService.Item(1, IssuanceStatus.SitePendingSign, SiteSigning),
            FakeIssuanceService.Item(2, IssuanceStatus.SitePendingSign, SiteSigning),
        ]);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/issuance?tab=SitePendingSign");
        dialogs = ctx.Render<MudDialogProvider>();
        var page = ctx.Render<IssuancePage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=issuance-row]").Count));
        cut = page;
        return ctx;
    }

    private static string FindToken(IssuancePageContext ctx) =>
        ctx.Feed.Topics.Single(t => t.StartsWith("signing:", StringComparison.Ordinal))["signing:".Length..];
}
