using Bunit;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Components.Pages.Exams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace CertHub.Tests.Web.Exams;

/// <summary>/exams/subjects and /exams/plans for the organisation and a school, on real services over SQLite.</summary>
public sealed class ExamPagesTests
{
    public enum Seed
    {
        Nothing,
        DraftPlan,
        PublishedPlan,
    }

    private static async Task<BunitContext> ContextAsync(Func<ACatalog, FixedCurrentUser> user, Seed seed)
    {
        var db = new SqliteTestDb();
        var catalog = await ACatalogSeed.SeedAsync(db);
        var clock = new FakeTimeProvider(ADomain.Day(2));
        if (seed != Seed.Nothing)
        {
            var org = new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: catalog.Organization.Id, UserName: "wl", DisplayName: "中物联物流");
            var subjects = new ExamSubjectService(db.FactoryFor(org), org, new RecordingChangeFeed());
            var subjectId = await subjects.CreateAsync(new ExamSubjectInput(catalog.Certificate.Id, CertificateLevel.Junior, "KM001", "理论知识考试",
                ExamMode.Computer, CandidateScope.SchoolCandidates, 100, 60, 90), default);
            var plans = new ExamPlanService(db.FactoryFor(org), org, new RecordingChangeFeed(), clock);
            var planId = await plans.CreateAsync(new ExamPlanInput(2021, "2021年9月信息化应用初级考试", RegistrationMode.ByCertificate, ADomain.Windows(),
                [new ExamPlanCertificateInput(catalog.Certificate.Id, CertificateLevel.Junior, 180m)], [catalog.School.Id],
                [new ExamPlanSubjectInput(subjectId, ADomain.Day(16, 1), ADomain.Day(16, 3), null)]), default);
            if (seed == Seed.PublishedPlan)
            {
                await plans.PublishAsync(planId, default);
            }
        }

        var ctx = new BunitContext();
        var current = user(catalog);
        ctx.Services.AddSingleton(_ => db);
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton<ICurrentUser>(current);
        ctx.Services.AddSingleton(db.FactoryFor(current));
        ctx.Services.AddSingleton<IChangeFeed>(new RecordingChangeFeed());
        ctx.Services.AddSingleton<TimeProvider>(clock);
        ctx.Services.AddSingleton<ExamSubjectService>();
        ctx.Services.AddSingleton<ExamPlanService>();
        return ctx;
    }

    private static FixedCurrentUser Org(ACatalog c) => new(UserRole.OrgAdmin, OrganizationId: c.Organization.Id, UserName: "wl", DisplayName: "中物联物流");

    private static FixedCurrentUser School(ACatalog c) => new(UserRole.SchoolAdmin, SchoolId: c.School.Id, UserName: "bjtu", DisplayName: "北京交通大学");

    private static FixedCurrentUser OtherSchool(ACatalog c) => new(UserRole.SchoolAdmin, SchoolId: c.OtherSchool.Id, UserName: "ncut", DisplayName: "北方工业大学");

    [Fact]
    public async Task SubjectsPage_Should_OfferCreateAndEdit_When_Organization()
    {
        await using var ctx = await ContextAsync(Org, Seed.DraftPlan);

        var cut = ctx.Render<ExamSubjectsPage>();

        cut.WaitForAssertion(() => Assert.Equal("KM001", cut.Find("[data-testid=subject-code]").TextContent));
        Assert.NotEmpty(cut.FindAll("[data-testid=subject-create]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=subject-edit]"));
        Assert.DoesNotContain("颁证机构", cut.Markup);
    }

    [Fact]
    public async Task SubjectsPage_Should_BeReadOnlyWithScope_When_School()
    {
        await using var ctx = await ContextAsync(School, Seed.DraftPlan);

        var cut = ctx.Render<ExamSubjectsPage>();

        cut.WaitForAssertion(() => Assert.Equal("院校考生", cut.Find("[data-testid=subject-scope]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=subject-create]"));
        Assert.Empty(cut.FindAll("[data-testid=subject-edit]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=subject-view]"));
        Assert.Contains("颁证机构", cut.Markup);
        Assert.Contains("机房", cut.Markup);
    }

    [Fact]
    public async Task SubjectsPage_Should_ShowEmptyState_When_NoSubjects()
    {
        await using var ctx = await ContextAsync(Org, Seed.Nothing);

        var cut = ctx.Render<ExamSubjectsPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-records]")));
    }

    [Fact]
    public async Task SubjectEditDialog_Should_DeriveRoomTypeFromExamMode()
    {
        await using var ctx = await ContextAsync(Org, Seed.Nothing);
        var dialogs = ctx.Render<MudDialogProvider>();
        var service = ctx.Services.GetRequiredService<IDialogService>();

        await dialogs.InvokeAsync(() => service.ShowAsync<ExamSubjectEditDialog>("新增考试科目"));

        dialogs.WaitForAssertion(() => Assert.Equal("普通考场", dialogs.Find("input[data-testid=subject-room-type], [data-testid=subject-room-type] input").GetAttribute("value")));
    }

    [Fact]
    public async Task PlansPage_Should_OfferPublishAndShowStageTabs_When_OrganizationHasDraft()
    {
        await using var ctx = await ContextAsync(Org, Seed.DraftPlan);

        var cut = ctx.Render<ExamPlansPage>();

        cut.WaitForAssertion(() => Assert.Equal("未发布", cut.Find("[data-testid=plan-stage]").TextContent.Trim()));
        Assert.NotEmpty(cut.FindAll("[data-testid=plan-publish]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=plan-edit]"));
        Assert.Empty(cut.FindAll("[data-testid=plan-extend]"));
        Assert.Contains("未发布 (1)", cut.Find("[data-testid=status-tab-Unpublished]").TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=plan-create]"));
    }

    [Fact]
    public async Task PlansPage_Should_OfferExtendOnly_When_Published()
    {
        await using var ctx = await ContextAsync(Org, Seed.PublishedPlan);

        var cut = ctx.Render<ExamPlansPage>();

        cut.WaitForAssertion(() => Assert.Equal("报考中", cut.Find("[data-testid=plan-stage]").TextContent.Trim()));
        Assert.NotEmpty(cut.FindAll("[data-testid=plan-extend]"));
        Assert.Empty(cut.FindAll("[data-testid=plan-publish]"));
        Assert.Empty(cut.FindAll("[data-testid=plan-edit]"));
    }

    [Fact]
    public async Task PlansPage_Should_ShowPublishedPlanWithStage_When_SchoolListed()
    {
        await using var ctx = await ContextAsync(School, Seed.PublishedPlan);

        var cut = ctx.Render<ExamPlansPage>();

        cut.WaitForAssertion(() => Assert.Equal("2021年9月信息化应用初级考试", cut.Find("[data-testid=plan-name]").TextContent));
        Assert.Equal("报考中", cut.Find("[data-testid=plan-stage]").TextContent.Trim());
        Assert.Contains("报考中 (1)", cut.Find("[data-testid=status-tab-Registration]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=status-tab-Unpublished]"));
        Assert.Empty(cut.FindAll("[data-testid=plan-create]"));
        Assert.Empty(cut.FindAll("[data-testid=plan-publish]"));
        Assert.Empty(cut.FindAll("[data-testid=plan-extend]"));
    }

    [Theory]
    [InlineData(true, Seed.DraftPlan)]
    [InlineData(false, Seed.PublishedPlan)]
    public async Task PlansPage_Should_ShowEmptyState_When_SchoolHasNoVisiblePlan(bool listedSchool, Seed seed)
    {
        await using var ctx = await ContextAsync(listedSchool ? School : OtherSchool, seed);

        var cut = ctx.Render<ExamPlansPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-records]")));
        Assert.Contains("全部 (0)", cut.Markup);
    }

    [Fact]
    public async Task PlanDetailDialog_Should_ListWindowsCertificatesSubjectsAndSchools()
    {
        await using var ctx = await ContextAsync(School, Seed.PublishedPlan);
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<ExamPlansPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=plan-view]")));

        await cut.InvokeAsync(() => cut.Find("[data-testid=plan-view]").Click());

        dialogs.WaitForAssertion(() => Assert.Contains("KM001", dialogs.Find("[data-testid=plan-detail-subjects]").TextContent));
        Assert.Contains("180.00", dialogs.Find("[data-testid=plan-detail-certificates]").TextContent);
        Assert.Contains("北京交通大学", dialogs.Find("[data-testid=plan-detail-schools]").TextContent);
        Assert.Contains("2021-09-02 08:00:00 至 2021-09-11 08:00:00", dialogs.Markup);
    }

    [Fact]
    public async Task ExtendDialog_Should_StartFromTheCurrentStageWindowEnd()
    {
        await using var ctx = await ContextAsync(Org, Seed.PublishedPlan);
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<ExamPlansPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=plan-extend]")));

        await cut.InvokeAsync(() => cut.Find("[data-testid=plan-extend]").Click());

        dialogs.WaitForAssertion(() => Assert.Equal("当前结束时间：2021-09-11 08:00:00", dialogs.Find("[data-testid=extend-current]").TextContent));
    }
}
