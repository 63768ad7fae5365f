using Bunit;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.ExamSites;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Components.Pages.ExamSites;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace CertHub.Tests.Web.ExamSites;

public sealed class ExamSitesPageTests
{
    private static async Task<BunitContext> ContextAsync(Func<ACatalog, FixedCurrentUser> user, bool submitted)
    {
        var db = new SqliteTestDb();
        var catalog = await ACatalogSeed.SeedAsync(db);
        var clock = new FakeTimeProvider(ADomain.Day(2));
        var school = new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学");
        var schoolSites = new ExamSiteService(db.FactoryFor(school), school, new RecordingChangeFeed(), clock);
        var id = await schoolSites.CreateAsync(new ExamSiteInput(catalog.Certificate.Id, [CertificateLevel.Junior], "北京市海淀区", 40, null, "李老师", "13812345678"), default);
        if (submitted)
        {
            await schoolSites.SubmitAsync(id, default);
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
        ctx.Services.AddSingleton<ExamSiteService>();
        return ctx;
    }

    [Fact]
    public async Task Page_Should_ShowSchoolActions_When_Draft()
    {
        await using var ctx = await ContextAsync(c => new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: c.School.Id), submitted: false);

        var cut = ctx.Render<ExamSitesPage>();

        cut.WaitForAssertion(() => Assert.Equal("北京交通大学信息化应用职业技能等级证书(初级)考核站点", cut.Find("[data-testid=site-name]").TextContent));
        Assert.NotEmpty(cut.FindAll("[data-testid=site-submit]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=site-edit]"));
        Assert.Empty(cut.FindAll("[data-testid=site-review]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=site-create]"));
    }

    [Fact]
    public async Task Page_Should_OfferReview_When_OrganizationSeesPendingSite()
    {
        await using var ctx = await ContextAsync(c => new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: c.Organization.Id), submitted: true);

        var cut = ctx.Render<ExamSitesPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=site-review]")));
        Assert.Empty(cut.FindAll("[data-testid=site-create]"));
        Assert.Empty(cut.FindAll("[data-testid=status-tab-Draft]"));
    }
}
