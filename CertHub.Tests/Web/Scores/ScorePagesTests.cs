using Bunit;
using CertHub.Core.Common;
using CertHub.Core.Scores;
using CertHub.Core.Scores.Import;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Components.Pages.Scores;
using CertHub.Web.Documents.Excel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace CertHub.Tests.Web.Scores;

/// <summary>A bUnit context with the real score and result services over an <see cref="AScoredPlan"/>, as the given account.</summary>
public sealed class ScorePagesContext : BunitContext
{
    private readonly SqliteTestDb _db = new();

    public ScorePagesContext(Func<AScoredPlan, ICurrentUser> user, DateTimeOffset now)
    {
        Plan = AScoredPlan.SaveIn(_db);
        Services.AddSingleton(_ => _db); // disposed with the container
        var currentUser = user(Plan);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(currentUser);
        Services.AddSingleton(_db.FactoryFor(currentUser));
        Services.AddSingleton<IFileStore>(new MemoryFileStore());
        Services.AddSingleton<IChangeFeed>(new RecordingChangeFeed());
        Services.AddSingleton<TimeProvider>(Clock);
        Clock.SetUtcNow(now);
        Services.AddSingleton<IScoreSheet, ScoreSheet>();
        Services.AddSingleton<ScoreService>();
        Services.AddSingleton<ResultService>();
    }

    public AScoredPlan Plan { get; }

    public FakeTimeProvider Clock { get; } = new(ADomain.T0);

    public static FixedCurrentUser Org(AScoredPlan p) => new(UserRole.OrgAdmin, OrganizationId: p.Seed.OrganizationId, UserName: "wl", DisplayName: "中物联物流");

    public static FixedCurrentUser School(AScoredPlan p) => new(UserRole.SchoolAdmin, SchoolId: p.Seed.SchoolId, UserName: "ustb", DisplayName: "北京科技大学");

    /// <summary>Imports scores as the organisation in the 成绩登记时间 (with its own clock).</summary>
    public async Task ImportAsync(params ScoreImportRow[] rows)
    {
        var clock = new FakeTimeProvider(AScoredPlan.InEntry);
        var org = Org(Plan);
        await new ScoreService(_db.FactoryFor(org), org, new ScoreSheet(), new MemoryFileStore(), new RecordingChangeFeed(), clock)
            .ApplyRowsAsync(Plan.Chain.ExamPlanId, rows, default);
    }
}

public sealed class ScorePagesTests
{
    [Fact]
    public async Task ScoresPage_Should_ShowOwnScoresWithReviewButton_When_SchoolInNotice()
    {
        await using var ctx = new ScorePagesContext(ScorePagesContext.School, AScoredPlan.InNotice);
        var p = ctx.Plan;
        await ctx.ImportAsync(p.A1.Row(1, "86.5"), p.A2.Row(2, "缺考"), p.B1.Row(3, "70"));

        var cut = ctx.Render<ScoresPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=score-candidate]").Count));
        var values = cut.FindAll("[data-testid=score-value]").Select(v => v.TextContent.Trim()).ToList();
        Assert.Equal(["86.5", "缺考"], values);
        Assert.Equal(2, cut.FindAll("[data-testid=score-review]").Count);
        Assert.Empty(cut.FindAll("[data-testid=score-import]"));
        Assert.Empty(cut.FindAll("[data-testid=score-correct]"));
        Assert.Contains("批量导出科目成绩", cut.Markup);
        Assert.DoesNotContain(p.B1.CandidateNo, cut.Markup);
    }

    [Fact]
    public async Task ScoresPage_Should_OfferImportAndCorrection_When_OrganisationInEntryWindow()
    {
        await using var ctx = new ScorePagesContext(ScorePagesContext.Org, AScoredPlan.InEntry);
        var p = ctx.Plan;
        await ctx.ImportAsync(p.A1.Row(1, "80"), p.B1.Row(2, "70"));

        var cut = ctx.Render<ScoresPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=score-candidate]").Count));
        Assert.Single(cut.FindAll("[data-testid=score-import]"));
        Assert.Equal("/imports?kind=ScoreImport", cut.Find("[data-testid=score-import-records]").GetAttribute("href"));
        Assert.Equal(2, cut.FindAll("[data-testid=score-correct]").Count);
        Assert.Empty(cut.FindAll("[data-testid=score-review]"));
    }

    [Fact]
    public async Task ScoresPage_Should_HideCorrection_When_NoticeEnded()
    {
        await using var ctx = new ScorePagesContext(ScorePagesContext.Org, AScoredPlan.AfterNotice);
        var p = ctx.Plan;
        await ctx.ImportAsync(p.A1.Row(1, "80"));

        var cut = ctx.Render<ScoresPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=score-candidate]")));
        Assert.Empty(cut.FindAll("[data-testid=score-correct]"));
    }

    [Fact]
    public async Task ScoresPage_Should_ShowEmptyState_When_NoScores()
    {
        await using var ctx = new ScorePagesContext(ScorePagesContext.School, AScoredPlan.InEntry);

        var cut = ctx.Render<ScoresPage>();

        cut.WaitForAssertion(() => Assert.Contains("暂无数据", cut.Find("[data-testid=no-records]").TextContent));
    }

    [Fact]
    public async Task ResultsPage_Should_ShowFinalStatusAndCounts_When_NoticeEnded()
    {
        await using var ctx = new ScorePagesContext(ScorePagesContext.Org, AScoredPlan.AfterNotice);
        var p = ctx.Plan;
        await ctx.ImportAsync(p.A1.Row(1, "80"), p.A2.Row(2, "75"), p.B1.Row(3, "50"), p.B2.Row(4, "90"));

        var cut = ctx.Render<ResultsPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=result-candidate]").Count));
        Assert.Contains("已通过 (1)", cut.Find("[data-testid=status-tab-Passed]").TextContent);
        Assert.Contains("未通过 (1)", cut.Find("[data-testid=status-tab-Failed]").TextContent);
        Assert.Contains("全部 (2)", cut.Find("[data-testid=status-tab-all]").TextContent);

        await cut.Find("[data-testid=status-tab-Passed]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=result-candidate]")));
        Assert.Contains("已通过", cut.Find("[data-testid=result-status]").TextContent);
    }

    [Fact]
    public async Task ResultsPage_Should_ShowRecording_When_StillInNotice()
    {
        await using var ctx = new ScorePagesContext(ScorePagesContext.School, AScoredPlan.InNotice);
        var p = ctx.Plan;
        await ctx.ImportAsync(p.A1.Row(1, "80"), p.A2.Row(2, "75"));

        var cut = ctx.Render<ResultsPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=result-candidate]")));
        Assert.Contains("登记中", cut.Find("[data-testid=result-status]").TextContent);
        Assert.Contains("登记中 (1)", cut.Find("[data-testid=status-tab-Recording]").TextContent);
    }
}
