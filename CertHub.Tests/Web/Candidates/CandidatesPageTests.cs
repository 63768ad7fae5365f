using Bunit;
using CertHub.Core.Candidates;
using CertHub.Core.Candidates.Import;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Imports;
using CertHub.Tests.Support;
using CertHub.Web.Components.Pages.Candidates;
using CertHub.Web.Components.Shared;
using CertHub.Web.Documents.Excel;
using CertHub.Web.Imaging;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CertHub.Tests.Web.Candidates;

/// <summary>A bUnit context with the real candidate services over an in-memory SQLite catalogue, as 北京科技大学.</summary>
public sealed class CandidatesPageContext : BunitContext
{
    private readonly SqliteTestDb _db = new();
    private readonly CatalogTestData _data;

    public CandidatesPageContext()
    {
        _data = CatalogTestData.Seed(_db);
        Services.AddSingleton(_ => _db); // disposed with the container
        var user = _data.SchoolA;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<ICurrentUser>(user);
        Services.AddSingleton(_db.FactoryFor(user));
        Services.AddSingleton<IFileStore>(new MemoryFileStore());
        Services.AddSingleton<IImageInspector, SkiaImageInspector>();
        Services.AddSingleton<IPhotoBackgroundCheck, SkiaPhotoBackgroundCheck>();
        Services.AddSingleton<IChangeFeed>(new RecordingChangeFeed());
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<IIdentityVerifier, BuiltInIdentityVerifier>();
        Services.AddSingleton<ICandidateSheet, CandidateSheet>();
        Services.AddSingleton<CandidateService>();
        Services.AddSingleton<CandidateImportService>();
        Services.AddSingleton<PhotoZipImport>();
        Services.AddSingleton<ImportRecordQueries>();
    }

    public async Task SeedAsync()
    {
        var service = Services.GetRequiredService<CandidateService>();
        var majorId = (await service.MajorOptionsAsync(default))[0].Id;
        CandidateDetails Details(string id, string name) => new(name, null, IdType.ResidentIdCard, id, MajorId: majorId, MajorLevel: MajorLevel.HigherVocational, EnrollmentYear: 2021);
        await service.CreateAsync(CandidateType.SchoolCandidate, Details("110101199003074477", "张三"), default);
        var photo = await service.CreateAsync(CandidateType.SchoolCandidate, Details("11010519491231002X", "李四"), default);
        await service.UploadPhotoAsync(photo, CandidateTestFiles.Photo(), default);
        await service.CreateAsync(CandidateType.PublicCandidate, Details("110101200001010010", "王五"), default);
    }
}

public sealed class CandidatesPageTests
{
    [Fact]
    public async Task Page_Should_ShowSchoolCandidatesAndCounts_When_Opened()
    {
        await using var ctx = new CandidatesPageContext();
        await ctx.SeedAsync();

        var cut = ctx.Render<CandidatesPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=candidate-name]").Count));
        Assert.Contains("全部 (2)", cut.Find("[data-testid=status-tab-all]").TextContent);
        Assert.Contains("无照片 (1)", cut.Find("[data-testid=status-tab-NoPhoto]").TextContent);
        Assert.Contains("信息待认证 (1)", cut.Find("[data-testid=status-tab-PendingVerification]").TextContent);
        Assert.Single(cut.FindAll("[data-testid=candidate-verify]"));
        Assert.Single(cut.FindAll("[data-testid=candidate-photo]"));
        Assert.Empty(cut.FindAll("[data-testid=candidate-confirm]"));
        Assert.DoesNotContain("王五", cut.Markup);
        Assert.Contains("110*****002X", cut.Markup);
    }

    [Fact]
    public async Task Page_Should_FilterByStatus_When_TabClicked()
    {
        await using var ctx = new CandidatesPageContext();
        await ctx.SeedAsync();
        var cut = ctx.Render<CandidatesPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=candidate-name]").Count));

        cut.Find("[data-testid=status-tab-PendingVerification]").Click();

        cut.WaitForAssertion(() => Assert.Equal("李四", Assert.Single(cut.FindAll("[data-testid=candidate-name]")).TextContent));
    }

    [Fact]
    public async Task Page_Should_PageWithTheCountedTotal_And_CountAgain_When_Searched()
    {
        await using var ctx = new CandidatesPageContext();
        var service = ctx.Services.GetRequiredService<CandidateService>();
        var majorId = (await service.MajorOptionsAsync(default))[0].Id;
        async Task AddAsync(int i)
        {
            var first17 = "11010119900307" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
            await service.CreateAsync(CandidateType.SchoolCandidate, new CandidateDetails($"考生{i}", null, IdType.ResidentIdCard,
                first17 + IdNumber.CheckCharacter(first17), MajorId: majorId, MajorLevel: MajorLevel.HigherVocational, EnrollmentYear: 2021), default);
        }

        for (var i = 1; i <= 12; i++)
        {
            await AddAsync(i);
        }

        var cut = ctx.Render<CandidatesPage>();
        cut.WaitForAssertion(() => Assert.Equal(10, cut.FindAll("[data-testid=candidate-name]").Count));
        Assert.Contains("全部 (12)", cut.Find("[data-testid=status-tab-all]").TextContent);

        cut.FindAll(".mud-table-pagination-actions button")[2].Click(); // 下一页: the total comes from the tabs' count

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=candidate-name]").Count));
        Assert.Contains("第 11-12 条，共 12 条", cut.Markup);

        await AddAsync(13); // another user adds one; 查询 counts the tabs and the list again
        cut.Find("[data-testid=filter-search]").Click();

        cut.WaitForAssertion(() => Assert.Contains("全部 (13)", cut.Find("[data-testid=status-tab-all]").TextContent));
        cut.WaitForAssertion(() => Assert.Contains("共 13 条", cut.Markup));
    }

    [Fact]
    public async Task Page_Should_ShowEmptyState_When_NoCandidates()
    {
        await using var ctx = new CandidatesPageContext();
        var cut = ctx.Render<CandidatesPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-records]")));
        Assert.Contains("全部 (0)", cut.Markup);
    }

    [Fact]
    public async Task ImportDialog_Should_ShowCountsAndFailedRowsLink_When_ImportFinishes()
    {
        await using var ctx = new CandidatesPageContext();
        var dialogs = ctx.Render<MudDialogProvider>();
        var service = ctx.Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<ImportDialog>
        {
            { d => d.Title, "批量导入考生信息" },
            { d => d.Import, (Func<Stream, string, IProgress<int>, CancellationToken, Task<ImportDialogResult>>)((_, _, _, _) =>
                Task.FromResult(new ImportDialogResult(2, 1, ["第4行：身份证号码校验位不正确"], [], "/files/imports/9"))) },
        };
        await dialogs.InvokeAsync(() => service.ShowAsync<ImportDialog>("导入", parameters));
        var input = dialogs.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>();

        input.UploadFiles(InputFileContent.CreateFromText("x", "考生.xlsx"));
        dialogs.WaitForAssertion(() => Assert.Contains("考生.xlsx", dialogs.Find("[data-testid=import-file-name]").TextContent));
        dialogs.Find("[data-testid=import-start]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("2", dialogs.Find("[data-testid=import-succeeded]").TextContent));
        Assert.Equal("1", dialogs.Find("[data-testid=import-failed]").TextContent);
        Assert.Equal("/files/imports/9", dialogs.Find("[data-testid=import-failed-rows]").GetAttribute("href"));
        Assert.Contains("校验位不正确", dialogs.Find("[data-testid=import-problems]").TextContent);
    }
}
