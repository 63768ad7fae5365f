using Bunit;
using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Tests.Support;
using CertHub.Web.Components.Pages.Dashboard;

namespace CertHub.Tests.Web.Issuance;

public sealed class DashboardPageTests
{
    [Fact]
    public async Task DashboardPage_Should_RenderCountsFiguresAndCharts_When_Opened()
    {
        var at = new DateTimeOffset(2021, 9, 23, 2, 0, 0, TimeSpan.Zero);
        var snapshot = new IssuanceDashboardSnapshot(
            new Dictionary<IssuanceStatus, int> { [IssuanceStatus.OrgPendingSign] = 5, [IssuanceStatus.Generating] = 2, [IssuanceStatus.Issued] = 3 },
            [new DashboardGroup("2021九月中级信息化考试", new Dictionary<IssuanceStatus, int> { [IssuanceStatus.OrgPendingSign] = 5, [IssuanceStatus.Issued] = 3 })],
            [new DashboardGroup("信息化应用职业技能等级证书(中级)", new Dictionary<IssuanceStatus, int> { [IssuanceStatus.Issued] = 3 })],
            [new DashboardGroup("北京科技大学", new Dictionary<IssuanceStatus, int> { [IssuanceStatus.Generating] = 2 })],
            IssuedToday: 3,
            [.. Enumerable.Range(0, 10).Select(i => new ThroughputPoint(at.AddMinutes(i - 9), i == 9 ? 20 : 0))],
            at);
        var dashboard = new FakeIssuanceDashboard(snapshot);
        await using var ctx = new IssuancePageContext(IssuancePageContext.OrgUser, dashboard);

        var cut = ctx.Render<DashboardPage>();

        cut.WaitForAssertion(() => Assert.Equal("10", cut.Find("[data-testid=figure-total]").TextContent));
        Assert.Equal("3", cut.Find("[data-testid=figure-issued-today]").TextContent);
        Assert.Equal("2", cut.Find("[data-testid=figure-generating]").TextContent);
        Assert.Equal("2.0", cut.Find("[data-testid=figure-throughput]").TextContent);
        var planRow = cut.Find("[data-testid=dashboard-by-plan] tbody tr");
        Assert.Contains("2021九月中级信息化考试", planRow.TextContent);
        Assert.Equal("5", planRow.QuerySelector("[data-testid=count-OrgPendingSign]")!.TextContent);
        Assert.Equal("8", planRow.QuerySelector("[data-testid=count-total]")!.TextContent);
        Assert.Contains("北京科技大学", cut.Find("[data-testid=dashboard-by-school]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=status-chart] svg"));
        Assert.NotNull(cut.Find("[data-testid=throughput-chart] svg"));

        ctx.Feed.Publish(new ChangeNotice(IssuanceTopics.Records));

        cut.WaitForAssertion(() => Assert.Equal(2, dashboard.Calls));
    }
}
