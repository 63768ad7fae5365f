using Bunit;
using CertHub.Core.Common;
using CertHub.Core.Scheduling;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Components.Pages.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace CertHub.Tests.Web.Scheduling;

/// <summary>考核站点编排 page on a real <see cref="SchedulingService"/> over SQLite (<see cref="SchedulingScenario"/>).</summary>
public sealed class SchedulingSitesPageTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly SchedulingScenario _scenario;

    public SchedulingSitesPageTests()
    {
        _scenario = SchedulingScenario.SaveIn(_db);
        _scenario.Register(3);
    }

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser Org => new(UserRole.OrgAdmin, OrganizationId: _scenario.Catalog.OrganizationId, UserName: "wl", DisplayName: "物联网组织");

    private FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: _scenario.Catalog.SchoolId, UserName: "bjtu", DisplayName: "北京交通大学");

    private BunitContext Context(ICurrentUser user, int day = 12)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(user);
        ctx.Services.AddSingleton(_db.FactoryFor(user));
        ctx.Services.AddSingleton<IChangeFeed>(new RecordingChangeFeed());
        ctx.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(ADomain.Day(day)));
        ctx.Services.AddSingleton<SchedulingService>();
        return ctx;
    }

    [Fact]
    public async Task Page_Should_ListSubjectsPerSiteWithStatusAndCounts_And_OfferRunToOrganization()
    {
        await using var ctx = Context(Org);

        var cut = ctx.Render<SchedulingSitesPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=row-subject]").Count));
        Assert.Equal(["理论知识", "实操技能"], cut.FindAll("[data-testid=row-subject]").Select(e => e.TextContent));
        Assert.All(cut.FindAll("[data-testid=scheduling-status]"), e => Assert.Equal("未排考", e.TextContent));
        Assert.All(cut.FindAll("[data-testid=row-registered]"), e => Assert.Equal("3", e.TextContent));
        Assert.All(cut.FindAll("[data-testid=row-seated]"), e => Assert.Equal("0", e.TextContent));
        Assert.False(cut.Find("[data-testid=schedule-run]").HasAttribute("disabled"));
        Assert.Contains("未排考 (2)", cut.Find("[data-testid=status-tab-NotScheduled]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_Should_ShowCompletedRows_And_NoRunButton_When_SchoolAfterScheduling()
    {
        var org = Org;
        await new SchedulingService(_db.FactoryFor(org), org, new RecordingChangeFeed(), new FakeTimeProvider(ADomain.Day(12)))
            .RunAsync(_scenario.Chain.ExamPlanId, SchedulingOptions.Default, default);
        await using var ctx = Context(School);

        var cut = ctx.Render<SchedulingSitesPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=scheduling-status]").Count));
        Assert.All(cut.FindAll("[data-testid=scheduling-status]"), e => Assert.Equal("已排完", e.TextContent));
        Assert.All(cut.FindAll("[data-testid=row-rooms]"), e => Assert.Equal("1", e.TextContent));
        Assert.Empty(cut.FindAll("[data-testid=schedule-run]"));
        Assert.Single(cut.FindAll("[data-testid=export-rooms]"));
    }

    [Fact]
    public async Task Page_Should_DisableRun_When_OutsideSchedulingWindow()
    {
        await using var ctx = Context(Org, day: 5);

        var cut = ctx.Render<SchedulingSitesPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=scheduling-status]").Count));
        Assert.All(cut.FindAll("[data-testid=scheduling-status]"), e => Assert.Equal("未开始", e.TextContent));
        Assert.True(cut.Find("[data-testid=schedule-run]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Page_Should_ShowNoRecords_When_OrganizationHasNoPlans()
    {
        await using var ctx = Context(new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: 9999, UserName: "tedu", DisplayName: "其他组织"));

        var cut = ctx.Render<SchedulingSitesPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=no-records]")));
        Assert.True(cut.Find("[data-testid=schedule-run]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Page_Should_RunOneClickScheduling_And_ShowReportAndCompletedRows_When_OrganizationSubmitsDialog()
    {
        await using var ctx = Context(Org);
        ctx.Render<MudBlazor.MudPopoverProvider>();
        var dialogs = ctx.Render<MudBlazor.MudDialogProvider>();
        var cut = ctx.Render<SchedulingSitesPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=row-subject]").Count));

        var run = cut.Find("[data-testid=schedule-run]").ClickAsync(new()); // completes once the dialog is closed and the run is done
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-testid=run-dialog]")));
        await dialogs.Find("[data-testid=run-submit]").ClickAsync(new());
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        cut.WaitForAssertion(() => Assert.Contains("排考完成: 新增6个座位", cut.Find("[data-testid=run-report]").TextContent, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.All(cut.FindAll("[data-testid=scheduling-status]"), e => Assert.Equal("已排完", e.TextContent)));
        Assert.All(cut.FindAll("[data-testid=row-seated]"), e => Assert.Equal("3", e.TextContent));
    }
}
