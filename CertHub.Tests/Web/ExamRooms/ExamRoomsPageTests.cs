using Bunit;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Exams.RoomImport;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Components.Pages.ExamRooms;
using CertHub.Web.Documents.Excel;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CertHub.Tests.Web.ExamRooms;

public sealed class ExamRoomsPageTests
{
    /// <summary>A page context as <paramref name="user"/>, with one room of 北京交通大学 set at Day(2) and the clock at <paramref name="now"/>.</summary>
    private static async Task<(BunitContext Ctx, ARoomScenario Scenario, int RoomId)> ContextAsync(Func<ARoomScenario, FixedCurrentUser> user, DateTimeOffset now)
    {
        var s = await ARoomScenario.CreateAsync();
        var subject = await s.SubjectAsync("KM001");
        var plan = await s.PlanAsync(subject);
        var site = await s.SiteAsync();
        var id = await s.Service(s.School).CreateAsync(ARoomScenario.Input(plan, site, subjects: subject), default);
        s.Clock.SetUtcNow(now);

        var ctx = new BunitContext();
        var current = user(s);
        ctx.Services.AddSingleton(_ => s);
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton<ICurrentUser>(current);
        ctx.Services.AddSingleton(s.Db.FactoryFor(current));
        ctx.Services.AddSingleton<IChangeFeed>(s.Changes);
        ctx.Services.AddSingleton<TimeProvider>(s.Clock);
        ctx.Services.AddSingleton<IFileStore>(new MemoryFileStore());
        ctx.Services.AddSingleton<IExamRoomSheet, ExamRoomSheet>();
        ctx.Services.AddSingleton<ExamRoomService>();
        ctx.Services.AddSingleton<ExamRoomImportService>();
        return (ctx, s, id);
    }

    [Fact]
    public async Task Page_Should_OfferAllActions_When_SchoolRoomNotScheduled()
    {
        var (ctx, _, _) = await ContextAsync(s => s.School, ADomain.Day(2));
        await using var _ = ctx;

        var cut = ctx.Render<ExamRoomsPage>();

        cut.WaitForAssertion(() => Assert.Equal("第一考场", cut.Find("[data-testid=room-name]").TextContent));
        Assert.Contains("未排考 (1)", cut.Find("[data-testid=status-tab-NotScheduled]").TextContent);
        Assert.Contains("排考中 (0)", cut.Find("[data-testid=status-tab-Scheduling]").TextContent);
        Assert.Equal("未排考", cut.Find("[data-testid=room-status]").TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=room-edit]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=room-delete]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=room-create]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=room-copy]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=room-import]"));
        Assert.DoesNotContain("所属院校", cut.Markup);
    }

    [Fact]
    public async Task Page_Should_OnlyOfferEdit_When_Scheduling()
    {
        var (ctx, _, _) = await ContextAsync(s => s.School, ADomain.Day(12));
        await using var _ = ctx;

        var cut = ctx.Render<ExamRoomsPage>();

        cut.WaitForAssertion(() => Assert.Equal("排考中", cut.Find("[data-testid=room-status]").TextContent));
        Assert.Contains("排考中 (1)", cut.Find("[data-testid=status-tab-Scheduling]").TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=room-edit]"));
        Assert.Empty(cut.FindAll("[data-testid=room-delete]"));
    }

    [Fact]
    public async Task Page_Should_BeReadOnly_When_SchedulingEnded()
    {
        var (ctx, _, _) = await ContextAsync(s => s.School, ADomain.Day(20));
        await using var _ = ctx;

        var cut = ctx.Render<ExamRoomsPage>();

        cut.WaitForAssertion(() => Assert.Equal("已结束", cut.Find("[data-testid=room-status]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=room-edit]"));
        Assert.Empty(cut.FindAll("[data-testid=room-delete]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=room-view]"));
    }

    [Fact]
    public async Task Page_Should_ShowSchoolColumnAndNoActions_When_Organization()
    {
        var (ctx, _, _) = await ContextAsync(s => s.Org, ADomain.Day(2));
        await using var _ = ctx;

        var cut = ctx.Render<ExamRoomsPage>();

        cut.WaitForAssertion(() => Assert.Equal("第一考场", cut.Find("[data-testid=room-name]").TextContent));
        Assert.Contains("所属院校", cut.Markup);
        Assert.Contains("北京交通大学", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=room-create]"));
        Assert.Empty(cut.FindAll("[data-testid=room-edit]"));
        Assert.Empty(cut.FindAll("[data-testid=room-delete]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=room-export]"));
    }

    [Fact]
    public async Task Page_Should_ShowNothing_When_AnotherSchool()
    {
        var (ctx, _, _) = await ContextAsync(s => s.OtherSchool, ADomain.Day(2));
        await using var _ = ctx;

        var cut = ctx.Render<ExamRoomsPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-records]")));
        Assert.Contains("全部 (0)", cut.Find("[data-testid=status-tab-all]").TextContent);
    }

    [Fact]
    public async Task Delete_Should_RemoveRoom_When_Confirmed()
    {
        var (ctx, s, id) = await ContextAsync(s => s.School, ADomain.Day(2));
        await using var _ = ctx;
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<ExamRoomsPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=room-delete]")));

        await cut.InvokeAsync(() => cut.Find("[data-testid=room-delete]").Click());
        dialogs.WaitForAssertion(() => Assert.Contains("第一考场", dialogs.Find("[data-testid=confirm-message]").TextContent));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=confirm-yes]").Click());

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-records]")));
        Assert.Null(await s.Service(s.School).GetAsync(id, default));
    }

    [Fact]
    public async Task EditDialog_Should_OnlyAllowSeats_When_Scheduling()
    {
        var (ctx, s, id) = await ContextAsync(s => s.School, ADomain.Day(12));
        await using var _ = ctx;
        var dialogs = ctx.Render<MudDialogProvider>();
        var room = (await s.Service(s.School).GetAsync(id, default))!;

        await dialogs.InvokeAsync(() => ctx.Services.GetRequiredService<IDialogService>().ShowAsync<ExamRoomEditDialog>("编辑考场",
            new DialogParameters<ExamRoomEditDialog> { { d => d.Room, room } }));

        dialogs.WaitForAssertion(() => Assert.Contains("增加考位数", dialogs.Markup));
        Assert.Contains("只能大于40", dialogs.Markup);
        Assert.True(dialogs.Find("input[data-testid=room-name], [data-testid=room-name] input").HasAttribute("disabled"));
        Assert.Equal("机房", dialogs.Find("input[data-testid=room-type], [data-testid=room-type] input").GetAttribute("value"));
    }
}
