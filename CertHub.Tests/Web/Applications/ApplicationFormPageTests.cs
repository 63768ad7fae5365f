using Bunit;
using CertHub.Core.Applications;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Components.Pages.Applications;
using CertHub.Web.RichText;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace CertHub.Tests.Web.Applications;

/// <summary>A bUnit context with the real application services over in-memory SQLite, as 北京交通大学.</summary>
public sealed class ApplicationPageContext : BunitContext
{
    private readonly SqliteTestDb _db = new();

    public ApplicationPageContext()
    {
        Catalog = ACatalogSeed.SeedAsync(_db).GetAwaiter().GetResult();
        Services.AddSingleton(_ => _db); // disposed with the container
        var user = new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: Catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<ICurrentUser>(user);
        Services.AddSingleton(_db.FactoryFor(user));
        Services.AddSingleton<IChangeFeed>(new RecordingChangeFeed());
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(ADomain.Day(2)));
        Services.AddSingleton<IRichTextSanitizer, HtmlRichTextSanitizer>();
        Services.AddSingleton<PilotApplicationService>();
        Services.AddSingleton<ApplicationPlanService>();
    }

    public ACatalog Catalog { get; }

    public Major SecondMajor { get; private set; } = default!;

    /// <summary>A by-major plan in 进行中 and a draft application with two majors (30 + 12).</summary>
    public async Task<int> SeedDraftByMajorAsync()
    {
        await using (var ctx = _db.OpenAsSystem())
        {
            SecondMajor = Major.Create("510203", "软件技术", MajorLevel.HigherVocational, "电子与信息大类");
            ctx.AddRange(SecondMajor, ApplicationPlan.Create(Catalog.Province.Id, 2021, 6, "第六批", ADomain.T0, ADomain.Day(10), true, false, OpenScope.All));
            await ctx.SaveChangesAsync();
        }

        var planId = (await Services.GetRequiredService<ApplicationPlanService>().ListAsync(default))[0].Id;
        return await Services.GetRequiredService<PilotApplicationService>().CreateAsync(planId, new ApplicationInput(Catalog.Certificate.Id, CertificateLevel.Junior, 0,
            [new(Catalog.Major.Id, 200, 10, 30), new(SecondMajor.Id, 100, 5, 12)], "<p>教师</p>", null), false, default);
    }
}

public sealed class ApplicationFormPageTests
{
    [Fact]
    public async Task Form_Should_ShowSumOfMajors_When_MajorNumbersChange()
    {
        await using var ctx = new ApplicationPageContext();
        var id = await ctx.SeedDraftByMajorAsync();

        var cut = ctx.Render<ApplicationFormPage>(p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=form-major-row]").Count));
        Assert.Equal("42", cut.Find("input[data-testid=form-total]").GetAttribute("value"));
        Assert.True(cut.Find("input[data-testid=form-total]").HasAttribute("disabled"));

        cut.FindAll("input[data-testid=major-requested]")[1].Change("20");

        cut.WaitForAssertion(() => Assert.Equal("50", cut.Find("input[data-testid=form-total]").GetAttribute("value")));
    }

    [Fact]
    public async Task Form_Should_SaveEditedNumbers_When_Saved()
    {
        await using var ctx = new ApplicationPageContext();
        var id = await ctx.SeedDraftByMajorAsync();
        var cut = ctx.Render<ApplicationFormPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=form-major-row]").Count));

        cut.FindAll("input[data-testid=major-requested]")[0].Change("25");
        cut.FindAll("[data-testid=major-remove]")[1].Click();
        await cut.InvokeAsync(() => cut.Find("[data-testid=form-save]").Click());

        var detail = await ctx.Services.GetRequiredService<PilotApplicationService>().GetAsync(id, default);
        Assert.Equal(25, detail!.Item.RequestedTotal);
        Assert.Single(detail.Majors);
    }

    [Fact]
    public void Form_Should_ShowError_When_PlanMissing()
    {
        using var ctx = new ApplicationPageContext();

        var cut = ctx.Render<ApplicationFormPage>();

        cut.WaitForAssertion(() => Assert.Contains("申报计划不存在", cut.Find("[data-testid=form-error]").TextContent, StringComparison.Ordinal));
    }
}
