using System.Text;
using Bunit;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Reports;
using CertHub.Tests.Support;
using CertHub.Web.Components.Pages.Reports;
using CertHub.Web.Components.Pages.Reports.Components;
using CertHub.Web.Components.Shared;
using CertHub.Web.RichText;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CertHub.Tests.Web.Reports;

/// <summary>A bUnit context with the real weekly-report service over an in-memory SQLite catalogue.</summary>
public sealed class WeeklyReportPageContext : BunitContext
{
    private readonly SqliteTestDb _db = new();

    public WeeklyReportPageContext(Func<CatalogTestData, ICurrentUser>? user = null)
    {
        Data = CatalogTestData.Seed(_db);
        Services.AddSingleton(_ => _db);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        User = user?.Invoke(Data) ?? Data.SchoolA;
        Services.AddSingleton(User);
        Services.AddSingleton(_db.FactoryFor(User));
        Services.AddSingleton<IFileStore>(new MemoryFileStore());
        Services.AddSingleton<IChangeFeed>(new RecordingChangeFeed());
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<IRichTextSanitizer, HtmlRichTextSanitizer>();
        Services.AddSingleton<WeeklyReportService>();
    }

    public CatalogTestData Data { get; }

    public ICurrentUser User { get; }

    public WeeklyReportService ServiceFor(ICurrentUser user) =>
        new(_db.FactoryFor(user), user, new MemoryFileStore(), new HtmlRichTextSanitizer(), new RecordingChangeFeed(), TimeProvider.System);
}

public sealed class WeeklyReportPageTests
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static readonly WeeklyReportHeader Header =
        new(ReportPeriod.For(new DateOnly(2021, 9, 14), ReportingCycle.Weekly), "北京科技大学", SchoolType.Undergraduate, "北京市教育委员会");

    private static IRenderedComponent<WeeklyReportForm> RenderForm(BunitContext ctx, List<WeeklyReportFormResult> saved) =>
        ctx.Render<WeeklyReportForm>(p => p
            .Add(f => f.Header, Header)
            .Add(f => f.OnSave, EventCallback.Factory.Create<WeeklyReportFormResult>(new object(), saved.Add)));

    private static Task TypeAsync(IRenderedComponent<WeeklyReportForm> cut, int editor, string html) =>
        cut.InvokeAsync(() => cut.FindComponents<RichTextEditor>()[editor].Instance.OnHtmlChanged(html));

    private static bool Disabled(IRenderedComponent<WeeklyReportForm> cut, string testId) =>
        cut.Find($"[data-testid={testId}]").HasAttribute("disabled");

    [Fact]
    public async Task Form_Should_CountVisibleCharactersLive_And_DisableSaving_When_OverLimit()
    {
        await using var ctx = new WeeklyReportPageContext();
        var cut = RenderForm(ctx, []);
        Assert.Equal("2021年09月 第二周", cut.Find("input[data-testid=report-period]").GetAttribute("value"));
        Assert.Equal("0/1000", cut.Find("[data-testid=report-work-counter]").TextContent);

        await TypeAsync(cut, 0, "<p><b>北京</b>科技&nbsp;大学</p>");
        cut.WaitForAssertion(() => Assert.Equal("7/1000", cut.Find("[data-testid=report-work-counter]").TextContent));
        Assert.False(Disabled(cut, "report-save"));
        Assert.True(Disabled(cut, "report-submit")); // 存在困难, 政策建议 and the scan are still missing

        await TypeAsync(cut, 1, "<p>" + new string('难', 1001) + "</p>");
        cut.WaitForAssertion(() => Assert.Equal("1001/1000", cut.Find("[data-testid=report-difficulties-counter]").TextContent));
        Assert.True(Disabled(cut, "report-save"));
        Assert.True(Disabled(cut, "report-submit"));
    }

    [Fact]
    public async Task Form_Should_EnableSubmit_When_AllFieldsAndAPdfScanAreGiven()
    {
        await using var ctx = new WeeklyReportPageContext();
        var saved = new List<WeeklyReportFormResult>();
        var cut = RenderForm(ctx, saved);
        await TypeAsync(cut, 0, "<p>进展</p>");
        await TypeAsync(cut, 1, "<p>困难</p>");
        await TypeAsync(cut, 2, "<p>建议</p>");
        var input = cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>();

        input.UploadFiles(InputFileContent.CreateFromText("只是文本", "简报.pdf"));
        cut.WaitForAssertion(() => Assert.Equal(ScanPdfRules.NotPdfMessage, cut.Find("[data-testid=report-scan-error]").TextContent));
        Assert.True(Disabled(cut, "report-submit"));

        input.UploadFiles(InputFileContent.CreateFromBinary(Pdf, "工作简报模板-1.pdf"));
        cut.WaitForAssertion(() => Assert.Equal("工作简报模板-1.pdf", cut.Find("[data-testid=report-scan-name]").TextContent));
        Assert.False(Disabled(cut, "report-submit"));
        cut.Find("[data-testid=report-submit]").Click();

        var result = Assert.Single(saved);
        Assert.True(result.Submit);
        Assert.Equal("<p>困难</p>", result.Input.DifficultiesHtml);
        Assert.Equal(Pdf, result.Scan!.Content);
    }

    [Fact]
    public async Task Page_Should_ShowTabsWithCounts_And_FilterByStatus()
    {
        await using var ctx = new WeeklyReportPageContext();
        var school = ctx.ServiceFor(ctx.Data.SchoolA);
        await school.SaveAsync(0, new WeeklyReportInput("<p>进展</p>", "<p>困难</p>", "<p>建议</p>"), new ScanUpload("a.pdf", Pdf), true, default);
        await ctx.ServiceFor(ctx.Data.SchoolB).SaveAsync(0, new WeeklyReportInput("<p>别校</p>", null, null), null, false, default);

        var cut = ctx.Render<WeeklyReportsPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=report-status]")));
        Assert.Contains("全部 (1)", cut.Find("[data-testid=status-tab-all]").TextContent);
        Assert.Contains("待审核 (1)", cut.Find("[data-testid=status-tab-PendingReview]").TextContent);
        Assert.Contains("未提交 (0)", cut.Find("[data-testid=status-tab-NotSubmitted]").TextContent);
        Assert.Contains("审核通过 (0)", cut.Find("[data-testid=status-tab-Approved]").TextContent);
        Assert.Contains("审核退回 (0)", cut.Find("[data-testid=status-tab-Returned]").TextContent);
        Assert.Single(cut.FindAll("[data-testid=report-withdraw]"));
        Assert.Empty(cut.FindAll("[data-testid=report-delete]"));
        Assert.DoesNotContain("北方工业大学", cut.Markup);

        cut.Find("[data-testid=status-tab-NotSubmitted]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-records]")));
    }

    [Fact]
    public async Task Page_Should_ShowReviewAndMissingSchools_When_Province()
    {
        await using var ctx = new WeeklyReportPageContext(d => d.Beijing);
        await ctx.ServiceFor(ctx.Data.SchoolA).SaveAsync(0, new WeeklyReportInput("<p>进展</p>", "<p>困难</p>", "<p>建议</p>"), new ScanUpload("a.pdf", Pdf), true, default);

        var cut = ctx.Render<WeeklyReportsPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=report-review]")));
        Assert.Empty(cut.FindAll("[data-testid=report-new]"));
        Assert.Empty(cut.FindAll("[data-testid=report-withdraw]"));
        cut.WaitForAssertion(() => Assert.DoesNotContain(cut.FindAll("[data-testid=missing-school]"), c => c.TextContent.Contains("北京科技大学", StringComparison.Ordinal)));
        Assert.Contains(cut.FindAll("[data-testid=missing-school]"), c => c.TextContent.Contains("北方工业大学", StringComparison.Ordinal));
    }
}
