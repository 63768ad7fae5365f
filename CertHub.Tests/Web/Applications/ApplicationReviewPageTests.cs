using Bunit;
using CertHub.Core.Applications;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Components.Pages.Applications;
using CertHub.Web.RichText;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace CertHub.Tests.Web.Applications;

/// <summary>试点申报审核 with 地市级教育局审批: the 待地市审核 tab and the province recording the city bureau's decision.</summary>
public sealed class ApplicationReviewPageTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(2));
    private readonly int _applicationId;
    private readonly FixedCurrentUser _province;

    public ApplicationReviewPageTests()
    {
        var catalog = ACatalogSeed.SeedAsync(_db).GetAwaiter().GetResult();
        using (var ctx = _db.OpenAsSystem())
        {
            ctx.Add(ApplicationPlan.Create(catalog.Province.Id, 2021, 8, "2021年第八批", ADomain.T0, ADomain.Day(10), false, true, OpenScope.All));
            ctx.SaveChanges();
        }

        int planId;
        using (var ctx = _db.OpenAsSystem())
        {
            planId = ctx.Set<ApplicationPlan>().Single().Id;
        }

        var school = new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学");
        _applicationId = Service(school).CreateAsync(planId, new ApplicationInput(catalog.Certificate.Id, CertificateLevel.Junior, 40, [], "<p>教师12人</p>", "<p>实训室</p>"), submit: true, default)
            .GetAwaiter().GetResult();
        _province = new FixedCurrentUser(UserRole.ProvinceAdmin, ProvinceId: catalog.Province.Id, UserName: "bj-edu", DisplayName: "北京市教育委员会");
    }

    public void Dispose() => _db.Dispose();

    private PilotApplicationService Service(ICurrentUser user) => new(_db.FactoryFor(user), user, new HtmlRichTextSanitizer(), new RecordingChangeFeed(), _clock);

    private PilotApplication Saved()
    {
        using var ctx = _db.OpenAsSystem();
        return ctx.Set<PilotApplication>().Include(a => a.Reviews).AsNoTracking().Single(a => a.Id == _applicationId);
    }

    private BunitContext Context()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton<ICurrentUser>(_province);
        ctx.Services.AddSingleton(_db.FactoryFor(_province));
        ctx.Services.AddSingleton<IChangeFeed>(new RecordingChangeFeed());
        ctx.Services.AddSingleton<TimeProvider>(_clock);
        ctx.Services.AddSingleton<IRichTextSanitizer>(new HtmlRichTextSanitizer());
        ctx.Services.AddSingleton<PilotApplicationService>();
        return ctx;
    }

    private static async Task<IRenderedComponent<ApplicationReviewPage>> OpenCityTabAsync(BunitContext ctx)
    {
        var cut = ctx.Render<ApplicationReviewPage>();
        cut.WaitForAssertion(() => Assert.Equal("待地市审核 (1)", cut.Find("[data-testid=status-tab-CityReview]").TextContent.Trim()));
        await cut.InvokeAsync(() => cut.Find("[data-testid=status-tab-CityReview]").Click());
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=application-city]")));
        return cut;
    }

    [Fact]
    public async Task Page_Should_ListTheApplicationUnderCityReview_WithOnlyTheCityStep()
    {
        await using var ctx = Context();

        var cut = await OpenCityTabAsync(ctx);

        Assert.Empty(cut.FindAll("[data-testid=application-approve]"));
        Assert.Empty(cut.FindAll("[data-testid=application-return]"));
        Assert.Equal("待地市审核", cut.Find("[data-testid=review-table] tbody .mud-chip").TextContent.Trim());
    }

    [Fact]
    public async Task CityDialog_Should_RecordTheCityBureausApproval_And_SendItToTheProvincesReview()
    {
        await using var ctx = Context();
        ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = await OpenCityTabAsync(ctx);

        await cut.InvokeAsync(() => cut.Find("[data-testid=application-city]").Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=city-dialog]")));
        dialogs.Find("input[data-testid=city-unit]").Input(ADomain.CityBureau);
        dialogs.Find("textarea[data-testid=city-opinion]").Input("同意上报");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=city-confirm]").Click());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=city-dialog]")));
        cut.WaitForAssertion(() => Assert.Equal("待地市审核 (0)", cut.Find("[data-testid=status-tab-CityReview]").TextContent.Trim()));
        var saved = Saved();
        Assert.Equal(PilotApplicationStatus.UnderReview, saved.Status);
        var review = Assert.Single(saved.Reviews);
        Assert.Equal((ApplicationReviewStage.City, ApplicationReviewResult.Approved, ADomain.CityBureau, "同意上报"), (review.Stage, review.Result, review.ApprovingUnit, review.Opinion));
    }

    [Fact]
    public async Task CityDialog_Should_AskForTheUnitAndReason_And_SaveNothing_When_ReturnedWithoutThem()
    {
        await using var ctx = Context();
        ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = await OpenCityTabAsync(ctx);

        await cut.InvokeAsync(() => cut.Find("[data-testid=application-city]").Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=city-dialog]")));
        var result = dialogs.FindComponent<MudRadioGroup<bool>>();
        await dialogs.InvokeAsync(() => result.Instance.ValueChanged.InvokeAsync(false)); // 退回
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=city-confirm]").Click());

        dialogs.WaitForAssertion(() => Assert.Contains("请填写审批单位", dialogs.Markup, StringComparison.Ordinal));
        Assert.Contains("请填写退回原因", dialogs.Markup, StringComparison.Ordinal);
        Assert.NotNull(dialogs.Find("[data-testid=city-dialog]"));
        Assert.Equal(PilotApplicationStatus.CityReview, Saved().Status);
        Assert.Empty(Saved().Reviews);
    }
}
