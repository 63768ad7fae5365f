using Bunit;
using CertHub.Core.Accounts;
using CertHub.Core.Audit;
using CertHub.Core.Common;
using CertHub.Core.Statistics;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Accounts.Sms;
using CertHub.Web.Components.Pages.Statistics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace CertHub.Tests.Web.Statistics;

/// <summary>A bUnit context with the real statistics service over SQLite (the hand-built dataset, or an empty catalogue).</summary>
public sealed class PassRatePageContext : BunitContext
{
    private readonly SqliteTestDb _db = new();

    public PassRatePageContext(bool withData, string? phone = "13800137936")
    {
        Catalog = withData ? APassRateDataset.Seed(_db) : CatalogTestData.Seed(_db);
        var user = Catalog.SchoolA with { UserId = "u-a" };
        var accounts = new NoAccounts();
        accounts.Known.Add(new AccountInfo("u-a", "ustb", "北京科技大学", UserRole.SchoolAdmin, Catalog.SchoolAId, null, Catalog.BeijingId,
            phone, false, false, null, false, [], Clock.GetUtcNow()));
        Outbox = new SmsOutbox(Clock, NullLogger<SmsOutbox>.Instance);
        var factory = _db.FactoryFor(user);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(_ => _db); // disposed with the container
        Services.AddSingleton(new PassRateStatisticsService(new PassRateQueries(factory, user), user, new SmsVerification(factory, Outbox, user, Clock), accounts,
            new AuditLogService(factory, user, Clock)));
    }

    public CatalogTestData Catalog { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));

    public SmsOutbox Outbox { get; }

    public string LastCode() =>
        System.Text.RegularExpressions.Regex.Match(Outbox.Messages[0].Text, @"验证码为(\d{6})").Groups[1].Value;
}

public sealed class PassRatePageTests
{
    [Fact]
    public async Task Page_Should_ShowPilotedCertificatesWithDashes_When_NoExamsYet()
    {
        await using var ctx = new PassRatePageContext(withData: false);

        var cut = ctx.Render<PassRatePage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=row-certificate]").Count));
        Assert.All(cut.FindAll("[data-testid=row-registered]"), c => Assert.Equal("-", c.TextContent.Trim()));
        Assert.All(cut.FindAll("[data-testid=row-pass-rate]"), c => Assert.Equal("0.00%", c.TextContent.Trim()));
        Assert.Equal(["40", "40"], cut.FindAll("[data-testid=row-approved]").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task Page_Should_SayNoData_When_FilterMatchesNothing()
    {
        await using var ctx = new PassRatePageContext(withData: false);
        var cut = ctx.Render<PassRatePage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=row-certificate]")));

        cut.Find("[data-testid=filter-toggle]").Click();
        cut.Find("[data-testid=filter-year]").Change("2030");
        cut.Find("[data-testid=filter-search]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-records]")));
        Assert.Empty(cut.FindAll("[data-testid=pass-rate-chart]"));
    }

    [Fact]
    public async Task Page_Should_ShowOwnNumbersAndCharts_When_SchoolHasData()
    {
        await using var ctx = new PassRatePageContext(withData: true);

        var cut = ctx.Render<PassRatePage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=row-certificate]").Count));
        Assert.Equal(["JAVA应用开发职业技能等级证书", "信息化应用职业技能等级证书"], cut.FindAll("[data-testid=row-certificate]").Select(c => c.TextContent.Trim()));
        Assert.Equal(["100.00%", "50.00%"], cut.FindAll("[data-testid=row-pass-rate]").Select(c => c.TextContent.Trim()));
        Assert.Equal(["1", "4"], cut.FindAll("[data-testid=row-registered]").Select(c => c.TextContent.Trim()));
        Assert.NotNull(cut.Find("[data-testid=pass-rate-chart]"));
        Assert.Contains("报考 5 · 参考 4 · 通过 3 · 发证 2", cut.Find("[data-testid=funnel-figures]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Web前端开发职业技能等级证书", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LevelTab_Should_ShowTheLevelColumn_When_Selected()
    {
        await using var ctx = new PassRatePageContext(withData: true);
        var cut = ctx.Render<PassRatePage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=row-certificate]")));

        cut.FindAll(".mud-tab").First(t => t.TextContent.Contains("按证书等级统计", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.Equal(["中级", "中级"], cut.FindAll("[data-testid=row-level]").Select(c => c.TextContent.Trim())));
    }

    [Fact]
    public async Task Export_Should_AskForTheCodeAndDownload_When_CodeValid()
    {
        await using var ctx = new PassRatePageContext(withData: true);
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<PassRatePage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=row-certificate]")));

        cut.Find("[data-testid=pass-rate-export]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("请用您绑定的尾号为7936的手机号获取验证码", dialogs.Find("[data-testid=export-phone-hint]").TextContent, StringComparison.Ordinal));
        Assert.Contains("共查询出2条数据", dialogs.Markup, StringComparison.Ordinal);
        dialogs.Find("[data-testid=export-submit]").Click();
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=export-code]"))); // refused: still open
        Assert.DoesNotContain(ctx.JSInterop.Invocations, i => i.Identifier == "downloadFileFromStream");

        dialogs.Find("[data-testid=export-send-code]").Click();
        dialogs.WaitForAssertion(() => Assert.Single(ctx.Outbox.Messages));
        dialogs.Find("[data-testid=export-code]").Change(ctx.LastCode());
        dialogs.Find("[data-testid=export-submit]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=pass-rate-export-dialog]")));
        var download = Assert.Single(ctx.JSInterop.Invocations, i => i.Identifier == "downloadFileFromStream");
        Assert.StartsWith("按证书统计_", (string)download.Arguments[0]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Should_SayBindAPhone_When_NoneBound()
    {
        await using var ctx = new PassRatePageContext(withData: true, phone: null);
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<PassRatePage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=row-certificate]")));

        cut.Find("[data-testid=pass-rate-export]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(PassRateStatisticsService.NoPhoneMessage, dialogs.Find("[data-testid=export-no-phone]").TextContent.Trim()));
        Assert.True(dialogs.Find("[data-testid=export-submit]").HasAttribute("disabled"));
    }
}
