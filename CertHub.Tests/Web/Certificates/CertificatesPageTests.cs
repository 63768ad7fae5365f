using Bunit;
using CertHub.Core.Catalog;
using CertHub.Tests.Support;
using CertHub.Web.Components.Pages.Certificates;
using MudBlazor;

namespace CertHub.Tests.Web.Certificates;

public sealed class CertificatesPageTests
{
    [Fact]
    public async Task CertificatesPage_Should_ListPilotedCertificates_When_SchoolOpensIt()
    {
        await using var ctx = new CatalogPageContext(d => d.SchoolA);

        var cut = ctx.Render<CertificatesPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=certificate-name]").Count));
        Assert.Contains("信息化应用职业技能等级证书", cut.Markup);
        Assert.Contains("JAVA应用开发职业技能等级证书", cut.Markup);
        Assert.DoesNotContain("Web前端开发职业技能等级证书", cut.Markup);
        Assert.Equal(2, cut.FindAll("[data-testid=ledger-button]").Count);
        Assert.Contains("共 2 条", cut.Markup);
    }

    [Fact]
    public async Task CertificatesPage_Should_ShowAllCertificates_When_PlatformAdminOpensIt()
    {
        await using var ctx = new CatalogPageContext(_ => CertHub.Core.Common.FixedCurrentUser.System);

        var cut = ctx.Render<CertificatesPage>();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=certificate-name]").Count));
    }

    [Fact]
    public async Task CertificatesPage_Should_ShowEmptyState_When_SchoolPilotsNothing()
    {
        await using var ctx = new CatalogPageContext(d => new CertHub.Core.Common.FixedCurrentUser(CertHub.Core.Common.UserRole.SchoolAdmin, SchoolId: d.SchoolCId));

        var cut = ctx.Render<CertificatesPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-records]")));
        Assert.Contains("暂无数据", cut.Markup);
    }

    [Fact]
    public async Task CertificatesPage_Should_Filter_When_NameEnteredAndSearched()
    {
        await using var ctx = new CatalogPageContext(d => d.SchoolA);
        var cut = ctx.Render<CertificatesPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=certificate-name]").Count));

        cut.Find("input[data-testid=filter-name]").Change("JAVA");
        cut.Find("[data-testid=filter-search]").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=certificate-name]")));
        Assert.Contains("JAVA应用开发职业技能等级证书", cut.Find("[data-testid=certificate-name]").TextContent);
    }

    [Fact]
    public async Task LedgerDialog_Should_SayNoLedgerInfo_When_CertificateIsNotOnTheLedger()
    {
        await using var ctx = new CatalogPageContext(d => d.SchoolA);
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<CertificatesPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=ledger-button]").Count));

        cut.FindAll("[data-testid=ledger-button]")[0].Click();

        dialogs.WaitForAssertion(() => Assert.Contains("暂无上链信息", dialogs.Find("[data-testid=ledger-dialog]").TextContent));
    }

    [Fact]
    public async Task LedgerDialog_Should_ShowHeightAndHashes_When_CertificateIsOnTheLedger()
    {
        var info = new CertificateLedgerInfo(42, "a1b2c3blockhash", "d4e5f6txhash", new DateTimeOffset(2021, 9, 23, 8, 0, 0, TimeSpan.Zero));
        await using var ctx = new CatalogPageContext(d => d.SchoolA, info);
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<CertificatesPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=ledger-button]").Count));

        cut.FindAll("[data-testid=ledger-button]")[0].Click();

        dialogs.WaitForAssertion(() =>
        {
            var text = dialogs.Find("[data-testid=ledger-dialog]").TextContent;
            Assert.Contains("区块高度", text);
            Assert.Contains("42", text);
            Assert.Contains("a1b2c3blockhash", text);
            Assert.Contains("d4e5f6txhash", text);
        });
    }

    [Fact]
    public async Task DetailDialog_Should_ShowLevelsAndMajors_When_ViewClicked()
    {
        await using var ctx = new CatalogPageContext(d => d.SchoolA);
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<CertificatesPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=certificate-view]").Count));

        cut.FindAll("[data-testid=certificate-view]")[1].Click();

        dialogs.WaitForAssertion(() =>
        {
            var text = dialogs.Find("[data-testid=certificate-dialog]").TextContent;
            Assert.Contains("基本信息", text);
            Assert.Contains("高级", text);
            Assert.Contains("计算机应用技术", text);
        });
    }
}
