using Bunit;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Invigilators;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Components.Pages.Invigilators;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace CertHub.Tests.Web.Invigilators;

public sealed class InvigilatorsPageTests
{
    private static async Task<BunitContext> ContextAsync(bool organization)
    {
        var db = new SqliteTestDb();
        var catalog = await ACatalogSeed.SeedAsync(db);
        var clock = new FakeTimeProvider(ADomain.Day(2));
        var school = new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学");
        var service = new InvigilatorService(db.FactoryFor(school), school, new RecordingChangeFeed(), clock);
        var id = await service.CreateAsync(new InvigilatorInput("王伟", ADomain.ValidIdNumber, "18300000544", "北京市北京市丰台区", null, null,
            [new InvigilatorCertificateKey(catalog.Certificate.Id, CertificateLevel.Junior)]), default);
        await service.SubmitAsync(id, default);

        var current = organization ? new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: catalog.Organization.Id) : school;
        var ctx = new BunitContext();
        ctx.Services.AddSingleton(_ => db);
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton<ICurrentUser>(current);
        ctx.Services.AddSingleton(db.FactoryFor(current));
        ctx.Services.AddSingleton<IChangeFeed>(new RecordingChangeFeed());
        ctx.Services.AddSingleton<TimeProvider>(clock);
        ctx.Services.AddSingleton<InvigilatorService>();
        ctx.Services.AddSingleton<IFileStore>(new MemoryFileStore());
        ctx.Services.AddSingleton<CertHub.Core.Invigilators.Import.IInvigilatorSheet, CertHub.Web.Documents.Excel.InvigilatorSheet>();
        ctx.Services.AddSingleton<CertHub.Core.Invigilators.Import.InvigilatorImportService>();
        return ctx;
    }

    [Fact]
    public async Task Page_Should_ListTeachersWithCertificates_When_School()
    {
        await using var ctx = await ContextAsync(organization: false);

        var cut = ctx.Render<InvigilatorsPage>();

        cut.WaitForAssertion(() => Assert.Equal("JK000001", cut.Find("[data-testid=invigilator-no]").TextContent));
        Assert.Contains("待认证", cut.Find("[data-testid=certification-status]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=invigilator-submit]"));
        Assert.Equal("/imports?kind=InvigilatorImport", cut.Find("[data-testid=invigilator-import-records]").GetAttribute("href"));
        Assert.Contains("批量导入监考人员", cut.Find("[data-testid=invigilator-import]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_Should_CertifyApplication_When_Organization()
    {
        await using var ctx = await ContextAsync(organization: true);
        var cut = ctx.Render<InvigilatorsPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=certification-certify]")));

        await cut.InvokeAsync(() => cut.Find("[data-testid=certification-certify]").Click());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=certification-certify]")));
        var counts = await ctx.Services.GetRequiredService<InvigilatorService>().ReviewCountsAsync(new(), default);
        Assert.Equal(1, counts[CertificationStatus.Certified]);
    }
}
