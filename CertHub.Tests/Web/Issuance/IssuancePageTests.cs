using Bunit;
using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Tests.Support;
using CertHub.Web.Components.Pages.Issuance;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CertHub.Tests.Web.Issuance;

public sealed class IssuancePageTests
{
    private const IssuanceCommands SiteSigning = IssuanceCommands.Sign | IssuanceCommands.Reject;

    [Fact]
    public async Task IssuancePage_Should_RenderRowsAndTabCounts_When_Opened()
    {
        await using var ctx = new IssuancePageContext(IssuancePageContext.OrgUser);
        ctx.Issuance.Rows.AddRange([
            FakeIssuanceService.Item(1, IssuanceStatus.OrgPendingSign, IssuanceCommands.Sign | IssuanceCommands.Reject | IssuanceCommands.Delete),
            FakeIssuanceService.Item(2, IssuanceStatus.OrgPendingSign, IssuanceCommands.Sign | IssuanceCommands.Reject | IssuanceCommands.Delete),
            FakeIssuanceService.Item(3, IssuanceStatus.Issued, IssuanceCommands.Reissue | IssuanceCommands.Download),
        ]);

        var cut = ctx.Render<IssuancePage>();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=issuance-row]").Count));
        Assert.Contains("全部 (3)", cut.Find("[data-testid=status-tab-all]").TextContent);
        Assert.Contains("培训评价组织待签发 (2)", cut.Find("[data-testid=status-tab-OrgPendingSign]").TextContent);
        Assert.Contains("完成发放 (1)", cut.Find("[data-testid=status-tab-Issued]").TextContent);
        Assert.Contains("370*****6549", cut.Markup);
        Assert.Contains("信息化应用职业技能等级证书(中级)", cut.Markup);
        Assert.Equal(["序号", "学生信息", "证书信息", "考证结果", "颁证状态", "操作"], cut.FindAll("th").Skip(1).Select(th => th.TextContent.Trim()).Take(6));
        Assert.Equal(2, cut.FindAll("[data-testid=action-delete]").Count);
        Assert.Single(cut.FindAll("[data-testid=action-download]"));
    }

    [Fact]
    public async Task IssuancePage_Should_OfferSignOnlyOnSitePendingRows_When_SchoolUser()
    {
        await using var ctx = new IssuancePageContext(IssuancePageContext.SchoolUser);
        ctx.Issuance.Rows.AddRange([
            FakeIssuanceService.Item(1, IssuanceStatus.OrgPendingSign, IssuanceCommands.None),
            FakeIssuanceService.Item(2, IssuanceStatus.SitePendingSign, SiteSigning, "李小四"),
            FakeIssuanceService.Item(3, IssuanceStatus.Issued, IssuanceCommands.Download),
        ]);

        var cut = ctx.Render<IssuancePage>();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=issuance-row]").Count));
        var sign = Assert.Single(cut.FindAll("[data-testid=action-sign]"));
        Assert.Contains("李小四", sign.Closest("tr")!.TextContent);
        Assert.Single(cut.FindAll("[data-testid=action-reject]"));
        Assert.Equal(3, cut.FindAll("[data-testid=action-view]").Count);
        Assert.Empty(cut.FindAll("[data-testid=action-issue]"));
        Assert.Empty(cut.FindAll("[data-testid=action-delete]"));
    }

    [Fact]
    public async Task Toolbar_Should_OfferGenerate_When_OrganizationOnly()
    {
        await using var org = new IssuancePageContext(IssuancePageContext.OrgUser);
        await using var school = new IssuancePageContext(IssuancePageContext.SchoolUser);

        var orgPage = org.Render<IssuancePage>();
        var schoolPage = school.Render<IssuancePage>();

        orgPage.WaitForAssertion(() => Assert.NotNull(orgPage.Find("[data-testid=generate-button]")));
        Assert.NotNull(orgPage.Find("[data-testid=batch-export]"));
        Assert.Empty(schoolPage.FindAll("[data-testid=generate-button]"));
        Assert.NotNull(schoolPage.Find("[data-testid=batch-export]"));
    }

    [Fact]
    public async Task IssuancePage_Should_FilterByTabFromUrl_When_TabIsInQuery()
    {
        await using var ctx = new IssuancePageContext(IssuancePageContext.SchoolUser);
        ctx.Issuance.Rows.AddRange([
            FakeIssuanceService.Item(1, IssuanceStatus.OrgPendingSign, IssuanceCommands.None),
            FakeIssuanceService.Item(2, IssuanceStatus.SitePendingSign, SiteSigning),
        ]);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/issuance?tab=SitePendingSign");

        var cut = ctx.Render<IssuancePage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=issuance-row]")));
        Assert.Equal(IssuanceStatus.SitePendingSign, ctx.Issuance.ListFilters[^1].Status);
        Assert.NotNull(cut.Find("[data-testid=batch-sign]"));
        Assert.Empty(cut.FindAll("[data-testid=batch-issue-paper]"));
    }

    [Fact]
    public async Task IssuancePage_Should_PutTabInUrl_When_TabClicked()
    {
        await using var ctx = new IssuancePageContext(IssuancePageContext.OrgUser);
        ctx.Issuance.Rows.Add(FakeIssuanceService.Item(1, IssuanceStatus.PendingIssue, IssuanceCommands.Issue));
        var cut = ctx.Render<IssuancePage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=issuance-row]")));

        cut.Find("[data-testid=status-tab-PendingIssue]").Click();

        cut.WaitForAssertion(() => Assert.EndsWith("tab=PendingIssue", ctx.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        Assert.Equal(IssuanceStatus.PendingIssue, ctx.Issuance.ListFilters[^1].Status);
        Assert.NotNull(cut.Find("[data-testid=batch-issue-paper]"));
        Assert.NotNull(cut.Find("[data-testid=batch-issue-electronic]"));
    }

    [Fact]
    public async Task IssuancePage_Should_Reload_When_ChangeNoticePublished()
    {
        await using var ctx = new IssuancePageContext(IssuancePageContext.OrgUser);
        ctx.Issuance.Rows.Add(FakeIssuanceService.Item(1, IssuanceStatus.OrgPendingSign, IssuanceCommands.Sign));
        var cut = ctx.Render<IssuancePage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=issuance-row]")));
        var (lists, counts) = (ctx.Issuance.ListCalls, ctx.Issuance.CountCalls);

        ctx.Issuance.Rows.Add(FakeIssuanceService.Item(2, IssuanceStatus.OrgPendingSign, IssuanceCommands.Sign));
        ctx.Feed.Publish(new ChangeNotice(IssuanceTopics.Records, OrganizationId: 1));

        // The list reloads within LiveRefresh.ListSpread (a random wait that spreads the reloads of many open pages).
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=issuance-row]").Count), TimeSpan.FromSeconds(5));
        Assert.True(ctx.Issuance.ListCalls > lists);
        Assert.True(ctx.Issuance.CountCalls > counts);
        Assert.Contains("培训评价组织待签发 (2)", cut.Find("[data-testid=status-tab-OrgPendingSign]").TextContent);
    }

    [Fact]
    public async Task BatchIssue_Should_ConfirmCallServiceAndReportFailures_When_RowsSelected()
    {
        await using var ctx = new IssuancePageContext(IssuancePageContext.OrgUser);
        ctx.Issuance.Rows.AddRange([
            FakeIssuanceService.Item(1, IssuanceStatus.PendingIssue, IssuanceCommands.Issue),
            FakeIssuanceService.Item(2, IssuanceStatus.PendingIssue, IssuanceCommands.Issue, "李小四"),
        ]);
        ctx.Issuance.NextResult = new BatchResult(1, [new BatchFailure(2, "颁证状态已变化，请刷新后重试")]);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/issuance?tab=PendingIssue");
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<IssuancePage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=issuance-row]").Count));

        SelectAll(cut);
        cut.Find("[data-testid=batch-issue-electronic]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("2条电子证书", dialogs.Find("[data-testid=confirm-message]").TextContent));
        dialogs.Find("[data-testid=confirm-yes]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("成功1条，失败1条", dialogs.Find("[data-testid=batch-result]").TextContent));
        Assert.Contains("李小四", dialogs.Find("[data-testid=batch-failure]").TextContent);
        Assert.Contains("颁证状态已变化", dialogs.Find("[data-testid=batch-failure]").TextContent);
        var (method, ids) = Assert.Single(ctx.Issuance.Actions, a => a.Method == nameof(IIssuanceService.IssueAsync));
        Assert.Equal([1, 2], ids.Order());
        Assert.Equal(IssueMethod.Electronic, ctx.Issuance.LastMethod);
    }

    [Fact]
    public async Task BatchSign_Should_WarnAndOpenNothing_When_NothingSelected()
    {
        await using var ctx = new IssuancePageContext(IssuancePageContext.SchoolUser);
        ctx.Issuance.Rows.Add(FakeIssuanceService.Item(1, IssuanceStatus.SitePendingSign, SiteSigning));
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/issuance?tab=SitePendingSign");
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<IssuancePage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=issuance-row]")));

        cut.Find("[data-testid=batch-sign]").Click();

        Assert.Empty(dialogs.FindAll("[data-testid=sign-dialog]"));
    }

    internal static void SelectAll(IRenderedComponent<IssuancePage> cut)
    {
        foreach (var box in cut.FindAll("[data-testid=row-select] input, input[data-testid=row-select]"))
        {
            box.Change(true);
        }

        cut.WaitForAssertion(() => Assert.Contains($"已选 {cut.FindAll("[data-testid=issuance-row]").Count} 条", cut.Find("[data-testid=selected-count]").TextContent));
    }
}
