using Bunit;
using CertHub.Core.Audit;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Payments;
using CertHub.Core.Registrations;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Components.Pages.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace CertHub.Tests.Web.Payments;

public sealed class PaymentsPageTests
{
    /// <summary>A page context as the chosen user over SQLite; with <paramref name="generate"/> the school has one 未确认 request of 2 registrations.</summary>
    private static async Task<BunitContext> ContextAsync(Func<ACatalog, FixedCurrentUser> user, bool generate = true, int day = 3)
    {
        var db = new SqliteTestDb();
        var catalog = await ACatalogSeed.SeedAsync(db);
        var subject = await ACatalogSeed.SeedSubjectAsync(db, catalog);
        var plan = await ACatalogSeed.SeedPlanAsync(db, catalog, subject);
        var clock = new FakeTimeProvider(ADomain.Day(3));
        if (generate)
        {
            var candidates = new[]
            {
                await ACatalogSeed.SeedCandidateAsync(db, catalog, ADomain.ValidIdNumber, 1),
                await ACatalogSeed.SeedCandidateAsync(db, catalog, ADomain.OtherValidIdNumber, 2),
            };
            await using (var ctx = db.OpenAsSystem())
            {
                var loaded = await ctx.Set<ExamPlan>().Include(p => p.Certificates).Include(p => p.Schools).Include(p => p.Subjects).SingleAsync(p => p.Id == plan.Id);
                ctx.AddRange(candidates.Select(c => Registration.Create(loaded, c, catalog.Certificate.Id, CertificateLevel.Junior, null, null, ADomain.Day(2))));
                await ctx.SaveChangesAsync();
            }

            var school = new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学");
            var factory = db.FactoryFor(school);
            await new PaymentService(factory, school, new RecordingChangeFeed(), new AuditLogService(factory, school, clock), clock)
                .GenerateAsync(new(RegistrationMode.ByCertificate, plan.Id, catalog.Certificate.Id, CertificateLevel.Junior, null), default);
        }

        clock.SetUtcNow(ADomain.Day(day));
        var context = new BunitContext();
        var current = user(catalog);
        context.Services.AddSingleton(_ => db);
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton<ICurrentUser>(current);
        context.Services.AddSingleton(db.FactoryFor(current));
        context.Services.AddSingleton<IChangeFeed>(new RecordingChangeFeed());
        context.Services.AddSingleton<TimeProvider>(clock);
        context.Services.AddSingleton<IAuditLog, AuditLogService>();
        context.Services.AddSingleton<PaymentService>();
        return context;
    }

    private static FixedCurrentUser School(ACatalog c) => new(UserRole.SchoolAdmin, SchoolId: c.School.Id, UserName: "bjtu", DisplayName: "北京交通大学");

    private static FixedCurrentUser Org(ACatalog c) => new(UserRole.OrgAdmin, OrganizationId: c.Organization.Id, UserName: "wl", DisplayName: "中物联");

    [Fact]
    public async Task Page_Should_ShowGenerateAndDelete_When_SchoolHasAnUnconfirmedRequest()
    {
        await using var ctx = await ContextAsync(School);

        var cut = ctx.Render<PaymentsPage>();

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=payment-count]").TextContent));
        Assert.Equal("360.00", cut.Find("[data-testid=payment-amount]").TextContent);
        Assert.Equal("未确认", cut.Find("[data-testid=payment-status]").TextContent.Trim());
        Assert.Contains("全部 (1)", cut.Find("[data-testid=status-tab-all]").TextContent);
        Assert.Contains("未确认 (1)", cut.Find("[data-testid=status-tab-Unconfirmed]").TextContent);
        Assert.Contains("已确认 (0)", cut.Find("[data-testid=status-tab-Confirmed]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=payment-generate-certificate]"));
        Assert.NotNull(cut.Find("[data-testid=payment-generate-subject]"));
        Assert.NotNull(cut.Find("[data-testid=payment-delete]"));
        Assert.Empty(cut.FindAll("[data-testid=payment-confirm]"));
        Assert.Empty(cut.FindAll("[data-testid=payment-confirm-batch]"));
        Assert.Empty(cut.FindAll("[data-testid=payment-school]"));
    }

    [Fact]
    public async Task Page_Should_OfferConfirmButNotGenerate_When_Organization()
    {
        await using var ctx = await ContextAsync(Org);

        var cut = ctx.Render<PaymentsPage>();

        cut.WaitForAssertion(() => Assert.Equal("北京交通大学", cut.Find("[data-testid=payment-school]").TextContent));
        Assert.NotNull(cut.Find("[data-testid=payment-confirm]"));
        Assert.NotNull(cut.Find("[data-testid=payment-confirm-batch]"));
        Assert.NotNull(cut.Find("[data-testid=filter-school]"));
        Assert.Empty(cut.FindAll("[data-testid=payment-generate-certificate]"));
        Assert.Empty(cut.FindAll("[data-testid=payment-delete]"));
    }

    [Fact]
    public async Task Page_Should_ShowNoRecords_When_NothingGenerated()
    {
        await using var ctx = await ContextAsync(School, generate: false);

        var cut = ctx.Render<PaymentsPage>();

        cut.WaitForAssertion(() => Assert.Equal("暂无数据", cut.Find("[data-testid=no-records]").TextContent));
        Assert.Contains("全部 (0)", cut.Find("[data-testid=status-tab-all]").TextContent);
    }

    [Fact]
    public async Task Confirm_Should_TurnTheRowConfirmed_When_OrganizationAccepts()
    {
        await using var ctx = await ContextAsync(Org);
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<PaymentsPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=payment-confirm]")));

        cut.Find("[data-testid=payment-confirm]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("360.00", dialogs.Find("[data-testid=confirm-message]").TextContent));
        dialogs.Find("[data-testid=confirm-yes]").Click();

        cut.WaitForAssertion(() => Assert.Equal("已确认", cut.Find("[data-testid=payment-status]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=payment-confirm]"));
        Assert.Contains("已确认 (1)", cut.Find("[data-testid=status-tab-Confirmed]").TextContent);
    }

    [Fact]
    public async Task BatchConfirm_Should_ConfirmTheSelectedRequests_When_OrganizationAccepts()
    {
        await using var ctx = await ContextAsync(Org);
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<PaymentsPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=payment-confirm]")));

        cut.Find("thead input[type=checkbox]").Change(true);
        cut.WaitForAssertion(() => Assert.Contains("已选 1 条", cut.Find("[data-testid=selected-count]").TextContent));
        cut.Find("[data-testid=payment-confirm-batch]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("1 张缴费申请单的费用共 360.00 元", dialogs.Find("[data-testid=confirm-message]").TextContent));
        dialogs.Find("[data-testid=confirm-yes]").Click();

        cut.WaitForAssertion(() => Assert.Equal("已确认", cut.Find("[data-testid=payment-status]").TextContent.Trim()));
        Assert.Contains(ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "确认缴费成功1条");
    }

    [Fact]
    public async Task Export_Should_ExportEveryMatchingRequest_When_NothingSelected()
    {
        await using var ctx = await ContextAsync(School);
        var cut = ctx.Render<PaymentsPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=payment-view]")));

        cut.Find("[data-testid=payment-export]").Click();

        var export = cut.FindComponent<CertHub.Web.Components.Shared.ExportButton<PaymentListItem>>();
        cut.WaitForAssertion(() => Assert.Equal(1, export.Instance.LastExportCount));
        Assert.Single(ctx.JSInterop.Invocations, i => i.Identifier == "downloadFileFromStream");
    }

    [Fact]
    public async Task Delete_Should_EmptyTheList_When_SchoolAccepts()
    {
        await using var ctx = await ContextAsync(School);
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<PaymentsPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=payment-delete]")));

        cut.Find("[data-testid=payment-delete]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=confirm-yes]").Click());

        cut.WaitForAssertion(() => Assert.Equal("暂无数据", cut.Find("[data-testid=no-records]").TextContent));
    }

    [Fact]
    public async Task DetailDialog_Should_ListTheRegistrationsMasked_When_Viewed()
    {
        await using var ctx = await ContextAsync(School);
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<PaymentsPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=payment-view]")));

        cut.Find("[data-testid=payment-view]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(2, dialogs.FindAll("[data-testid=payment-registration]").Count));
        Assert.Contains("110*****4477", dialogs.Markup);
        Assert.DoesNotContain(ADomain.ValidIdNumber, dialogs.Markup);
        Assert.All(dialogs.FindAll("[data-testid=payment-registration-paid]"), c => Assert.Equal("未缴费", c.TextContent));
    }

    [Fact]
    public async Task GenerateDialog_Should_SayNoPlansAndAskForAPlan_When_NoPlanIsInRegistration()
    {
        await using var ctx = await ContextAsync(School, generate: false, day: 12);
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<PaymentsPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=payment-generate-certificate]")));

        cut.Find("[data-testid=payment-generate-certificate]").Click();
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=payment-no-plans]")));
        Assert.Contains("按证书报考生成缴费申请单", dialogs.Markup);
        dialogs.Find("[data-testid=payment-generate-ok]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("请选择考试计划", dialogs.Find("[data-testid=payment-generate-error]").TextContent));
    }
}
