using Bunit;
using CertHub.Core.Common;
using CertHub.Core.Imports;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Components.Pages.Imports;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CertHub.Tests.Web.Imports;

public sealed class ImportsPageTests
{
    private const string Reason = "数据库写入失败，导入未完成，本次未导入任何考生，请稍后重新导入";

    private static async Task<BunitContext> ContextAsync()
    {
        var db = new SqliteTestDb();
        var catalog = await ACatalogSeed.SeedAsync(db);
        await using (var seed = db.OpenAsSystem())
        {
            seed.Add(ImportRecord.Create(ImportKind.CandidateImport, "部分失败.xlsx", "bjtu", catalog.School.Id, null, 8, 2, "imports/failed.xlsx", ADomain.T0));
            seed.Add(ImportRecord.Failed(ImportKind.CandidateImport, "五万.xlsx", "bjtu", catalog.School.Id, null, 25_000, Reason, ADomain.T0.AddMinutes(1)));
            seed.Add(ImportRecord.Failed(ImportKind.CandidateImport, "别校.xlsx", "ncut", catalog.OtherSchool.Id, null, 3, "无法读取导入文件", ADomain.T0.AddMinutes(2)));
            await seed.SaveChangesAsync();
        }

        var school = new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学");
        var ctx = new BunitContext();
        ctx.Services.AddSingleton(_ => db);
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton<ICurrentUser>(school);
        ctx.Services.AddSingleton(db.FactoryFor(school));
        ctx.Services.AddSingleton<IChangeFeed>(new RecordingChangeFeed());
        ctx.Services.AddSingleton<ImportRecordQueries>();
        return ctx;
    }

    [Fact]
    public async Task Page_Should_ShowFailureReason_When_ImportFailedAsAWhole()
    {
        await using var ctx = await ContextAsync();

        var cut = ctx.Render<ImportsPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=import-file]").Count));
        Assert.Equal(["五万.xlsx", "部分失败.xlsx"], cut.FindAll("[data-testid=import-file]").Select(c => c.TextContent.Trim()));
        Assert.Contains("失败原因", cut.Markup, StringComparison.Ordinal);
        var failed = Assert.Single(cut.FindAll("[data-testid=import-failed]"));
        Assert.Contains("导入失败", failed.TextContent, StringComparison.Ordinal);
        Assert.Equal(Reason, Assert.Single(cut.FindAll("[data-testid=import-failure-reason]")).TextContent.Trim());
        Assert.Single(cut.FindAll("[data-testid=import-download-failed]")); // only the partly failed import has a failed-rows file
        Assert.DoesNotContain("别校.xlsx", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("无法读取导入文件", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_Should_ShowNoReason_When_NoImportFailedAsAWhole()
    {
        await using var ctx = await ContextAsync();

        var navigation = ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo($"/imports?kind={nameof(ImportKind.RoomImport)}");

        var cut = ctx.Render<ImportsPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-records]")));
        Assert.Empty(cut.FindAll("[data-testid=import-failure-reason]"));
    }
}
