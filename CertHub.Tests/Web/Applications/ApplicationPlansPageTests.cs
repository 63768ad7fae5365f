using Bunit;
using CertHub.Core.Applications;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Components.Pages.Applications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace CertHub.Tests.Web.Applications;

public sealed class ApplicationPlansPageTests
{
    [Fact]
    public async Task Page_Should_ShowPlansWithStatusFromTime()
    {
        using var db = new SqliteTestDb();
        var catalog = await ACatalogSeed.SeedAsync(db);
        await using (var ctx = db.OpenAsSystem())
        {
            ctx.AddRange(
                ApplicationPlan.Create(catalog.Province.Id, 2021, 6, "2021年第六批", ADomain.T0, ADomain.Day(10), true, false, OpenScope.All),
                ApplicationPlan.Create(catalog.Province.Id, 2021, 7, "2021年第七批", ADomain.Day(20), ADomain.Day(30), false, false, OpenScope.All));
            await ctx.SaveChangesAsync();
        }

        var user = new FixedCurrentUser(UserRole.ProvinceAdmin, ProvinceId: catalog.Province.Id, UserName: "bj-edu", DisplayName: "北京市教育委员会");
        await using var bunit = new BunitContext();
        bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        bunit.Services.AddMudServices();
        bunit.Services.AddSingleton<ICurrentUser>(user);
        bunit.Services.AddSingleton(db.FactoryFor(user));
        bunit.Services.AddSingleton<IChangeFeed>(new RecordingChangeFeed());
        bunit.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(ADomain.Day(2)));
        bunit.Services.AddSingleton<ApplicationPlanService>();

        var cut = bunit.Render<ApplicationPlansPage>();

        cut.WaitForAssertion(() => Assert.Equal(["第七批", "第六批"], cut.FindAll("[data-testid=plan-batch]").Select(e => e.TextContent)));
        Assert.Equal(["未开始", "进行中"], cut.FindAll("[data-testid=plan-status]").Select(e => e.TextContent));
    }
}
