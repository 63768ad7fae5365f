using Bunit;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Payments;
using CertHub.Core.Registrations;
using CertHub.Core.Registrations.Import;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Components.Pages.Registrations;
using CertHub.Web.Documents.Excel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace CertHub.Tests.Web.Registrations;

/// <summary>A bUnit context with the real registration services over the <see cref="RegistrationScenario"/> on in-memory SQLite.</summary>
public sealed class RegistrationsPageContext : BunitContext
{
    public RegistrationsPageContext(Func<RegistrationScenario, ICurrentUser> user)
    {
        var db = new SqliteTestDb();
        Services.AddSingleton(_ => db); // disposed with the container
        Scenario = RegistrationScenario.SaveIn(db);
        Db = db;
        var current = user(Scenario);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(current);
        Services.AddSingleton(db.FactoryFor(current));
        Services.AddSingleton<IFileStore>(new MemoryFileStore());
        Services.AddSingleton<IChangeFeed>(new RecordingChangeFeed());
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(ADomain.Day(2)));
        Services.AddSingleton<IRegistrationSheet, RegistrationSheet>();
        Services.AddSingleton<RegistrationService>();
        Services.AddSingleton<RegistrationImportService>();
    }

    public RegistrationScenario Scenario { get; }

    public SqliteTestDb Db { get; }

    /// <summary>good (按证书, unpaid), good2 (按证书, paid) of school A and b-good of school B.</summary>
    public void SeedRegistrations()
    {
        var s = Scenario;
        s.Register(Db, "good", s.ByCertificatePlanId, s.CertificateId);
        var paid = s.Register(Db, "good2", s.ByCertificatePlanId, s.CertificateId);
        s.Register(Db, "b-good", s.ByCertificatePlanId, s.CertificateId);
        using var context = Db.OpenAsSystem();
        var tracked = context.Set<Registration>().Single(r => r.Id == paid.Id);
        var request = PaymentRequest.Create(PaymentRequest.NewRequestNo(ADomain.Day(3), 1), s.OrganizationId, [tracked], 180m, "张老师", ADomain.Day(3));
        context.Add(request);
        context.SaveChanges();
        request.Confirm("组织", ADomain.Day(4));
        tracked.MarkPaid(request.Id);
        context.SaveChanges();
    }
}

public sealed class RegistrationsPageTests
{
    [Fact]
    public async Task Page_Should_ShowOwnRegistrations_CountsAndActions_When_School()
    {
        await using var ctx = new RegistrationsPageContext(s => s.School);
        ctx.SeedRegistrations();

        var cut = ctx.Render<RegistrationsPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=registration-name]").Count));
        Assert.Contains("未排考 (2)", cut.Find("[data-testid=status-tab-NotScheduled]").TextContent);
        Assert.Contains("已缴费 (1)", cut.Find("[data-testid=status-tab-Paid]").TextContent);
        Assert.Contains("未缴费 (1)", cut.Find("[data-testid=status-tab-Unpaid]").TextContent);
        Assert.Single(cut.FindAll("[data-testid=registration-delete]")); // the paid one cannot be deleted
        Assert.NotNull(cut.Find("[data-testid=registration-import-certificate]"));
        Assert.NotNull(cut.Find("[data-testid=registration-import-subject]"));
        Assert.Equal("/imports", cut.Find("[data-testid=registration-import-records]").GetAttribute("href"));
        Assert.DoesNotContain(ctx.Scenario.NameOf("b-good"), cut.Markup);
        Assert.DoesNotContain(ctx.Scenario.IdOf("good"), cut.Markup);
        Assert.Contains(IdMask.Mask(ctx.Scenario.IdOf("good")), cut.Markup);
        Assert.DoesNotContain("院校名称", cut.Markup);
    }

    [Fact]
    public async Task Page_Should_BeReadOnly_AcrossSchools_When_Organisation()
    {
        await using var ctx = new RegistrationsPageContext(s => s.Organization);
        ctx.SeedRegistrations();

        var cut = ctx.Render<RegistrationsPage>();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=registration-name]").Count));
        Assert.Contains("院校名称", cut.Markup);
        Assert.Contains("北方工业大学", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=registration-delete]"));
        Assert.Empty(cut.FindAll("[data-testid=registration-import-certificate]"));
        Assert.Empty(cut.FindAll("[data-testid=registration-delete-batch]"));
        Assert.NotNull(cut.Find("[data-testid=export-button]"));
    }

    [Fact]
    public async Task Page_Should_ShowEmptyState_When_NoRegistrations()
    {
        await using var ctx = new RegistrationsPageContext(s => s.School);

        var cut = ctx.Render<RegistrationsPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-records]")));
        Assert.Contains("暂无数据", cut.Markup);
        Assert.Contains("全部 (0)", cut.Markup);
    }

    [Fact]
    public async Task Page_Should_FilterByPayment_When_TabClicked()
    {
        await using var ctx = new RegistrationsPageContext(s => s.School);
        ctx.SeedRegistrations();
        var cut = ctx.Render<RegistrationsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=registration-name]").Count));

        cut.Find("[data-testid=status-tab-Paid]").Click();

        cut.WaitForAssertion(() => Assert.Equal(ctx.Scenario.NameOf("good2"), Assert.Single(cut.FindAll("[data-testid=registration-name]")).TextContent));
        Assert.Equal("已缴费", cut.Find("[data-testid=registration-paid]").TextContent);
    }

    [Fact]
    public async Task Delete_Should_RemoveTheRow_When_Confirmed()
    {
        await using var ctx = new RegistrationsPageContext(s => s.School);
        ctx.SeedRegistrations();
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<RegistrationsPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=registration-delete]")));

        cut.Find("[data-testid=registration-delete]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("确定删除", dialogs.Markup));
        dialogs.FindAll("button").First(b => b.TextContent.Contains("删除", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.Equal(ctx.Scenario.NameOf("good2"), Assert.Single(cut.FindAll("[data-testid=registration-name]")).TextContent));
    }

    [Fact]
    public async Task ImportButton_Should_OfferTheOpenPlans_When_Clicked()
    {
        await using var ctx = new RegistrationsPageContext(s => s.School);
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<RegistrationsPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-records]")));

        cut.Find("[data-testid=registration-import-subject]").Click();

        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=registration-import-setup]")));
        Assert.Contains("2021年9月信息化考试（按科目）", dialogs.Markup); // the only open 按科目 plan is preselected
        Assert.NotNull(dialogs.Find("[data-testid=import-certificate]"));
        Assert.True(dialogs.Find("[data-testid=setup-next]").HasAttribute("disabled")); // the certificate is still to choose
    }

    [Fact]
    public async Task ImportButton_Should_SayNoPlan_When_NoneIsOpenForTheSchool()
    {
        await using var ctx = new RegistrationsPageContext(s => s.OtherSchool);
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<RegistrationsPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-records]")));

        cut.Find("[data-testid=registration-import-subject]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("当前没有可按科目报考的考试计划", dialogs.Find("[data-testid=no-open-plan]").TextContent));
    }

    [Fact]
    public async Task SetupDialog_Should_ReturnTheRequest_When_PlanChosen()
    {
        await using var ctx = new RegistrationsPageContext(s => s.School);
        var dialogs = ctx.Render<MudDialogProvider>();
        var service = ctx.Services.GetRequiredService<IDialogService>();
        var plan = new RegistrationImportPlan(7, "计划甲", RegistrationMode.ByCertificate, [new RegistrationCertificateOption(7, 3, CertificateLevel.Junior, "证书(初级)")]);
        IDialogReference? reference = null;
        await dialogs.InvokeAsync(async () => reference = await service.ShowAsync<RegistrationImportSetupDialog>("按证书导入",
            new DialogParameters<RegistrationImportSetupDialog> { { d => d.Mode, RegistrationMode.ByCertificate }, { d => d.Plans, [plan] } }));

        dialogs.WaitForAssertion(() => Assert.False(dialogs.Find("[data-testid=setup-next]").HasAttribute("disabled")));
        dialogs.Find("[data-testid=setup-next]").Click();

        var result = await reference!.Result;
        var choice = Assert.IsType<RegistrationImportChoice>(result!.Data);
        Assert.Equal((new RegistrationImportRequest(7, RegistrationMode.ByCertificate), "计划甲"), (choice.Request, choice.PlanName));
    }
}
