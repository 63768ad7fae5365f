using Bunit;
using CertHub.Core.Common;
using CertHub.Core.Invigilators;
using CertHub.Core.Scheduling;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Components.Pages.Scheduling;
using CertHub.Web.Documents.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace CertHub.Tests.Web.Scheduling;

/// <summary>
/// 互换监考, refused 更换监考, a move to another room, the 排考时间 hint and live refresh of 考场编排 / 排考明细, on a real
/// <see cref="SchedulingService"/> over SQLite: two 30-seat rooms at one site, 16 candidates seated on alternate seats (15 in
/// 第一考场, 1 in 第二考场) for two subjects, four certified invigilators (two per room session).
/// </summary>
public sealed class InvigilatorSwapAndWindowTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly SchedulingScenario _scenario;
    private readonly LoopbackChangeFeed _feed = new();
    private readonly int _secondRoomId;
    private readonly int _firstSessionId;
    private readonly int _secondSessionId;
    private FakeTimeProvider _clock = new(ADomain.Day(12));

    public InvigilatorSwapAndWindowTests()
    {
        _scenario = SchedulingScenario.SaveIn(_db);
        _secondRoomId = _scenario.SaveSecondRoom();
        _scenario.SaveCertifiedInvigilators(_scenario.Catalog.OtherSchoolId, 2);
        _scenario.Register(16);
        Service(Org).RunAsync(_scenario.Chain.ExamPlanId, new SchedulingOptions(AlternateSeats: true), default).GetAwaiter().GetResult();
        var sessions = Sessions();
        _firstSessionId = sessions.Single(s => s.ExamRoomId == _scenario.Chain.ExamRoomId && s.SubjectId == _scenario.Chain.SubjectId).Id;
        _secondSessionId = sessions.Single(s => s.ExamRoomId == _secondRoomId && s.SubjectId == _scenario.Chain.SubjectId).Id;
    }

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser Org => new(UserRole.OrgAdmin, OrganizationId: _scenario.Catalog.OrganizationId, UserName: "wl", DisplayName: "物联网组织");

    private FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: _scenario.Catalog.SchoolId, UserName: "bjtu", DisplayName: "北京交通大学");

    private SchedulingService Service(ICurrentUser user) => new(_db.FactoryFor(user), user, _feed, _clock);

    private List<RoomSession> Sessions()
    {
        using var context = _db.OpenAsSystem();
        return [.. context.Set<RoomSession>().Include(s => s.Seats).Include(s => s.Invigilators).AsNoTracking().OrderBy(s => s.Id)];
    }

    private List<int> InvigilatorsOf(int sessionId) => [.. Sessions().Single(s => s.Id == sessionId).Invigilators.OrderBy(i => i.Id).Select(i => i.InvigilatorId)];

    private BunitContext Context(ICurrentUser user)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(user);
        ctx.Services.AddSingleton(_db.FactoryFor(user));
        ctx.Services.AddSingleton<IFileStore>(new MemoryFileStore());
        ctx.Services.AddSingleton<IChangeFeed>(_feed);
        ctx.Services.AddSingleton<TimeProvider>(_clock);
        ctx.Services.AddSingleton<SchedulingService>();
        ctx.Services.AddSingleton<ScheduleQueries>();
        ctx.Services.AddSingleton<ScheduleDocuments>();
        ctx.Services.AddSingleton(new CertHub.Core.CheckIn.CheckInTokenSigner(new byte[32]));
        ctx.Services.AddSingleton(new CertHub.Core.CheckIn.CheckInOptions());
        return ctx;
    }

    private async Task<IRenderedComponent<MudDialogProvider>> OpenSeatMapAsync(BunitContext ctx)
    {
        ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var service = ctx.Services.GetRequiredService<IDialogService>();
        await dialogs.InvokeAsync(() => service.ShowAsync<SeatMapDialog>("第一考场", new DialogParameters<SeatMapDialog> { { d => d.RoomSessionId, _firstSessionId } }));
        dialogs.WaitForAssertion(() => Assert.Equal(30, dialogs.FindAll("[data-testid=seat]").Count));
        return dialogs;
    }

    [Fact]
    public async Task SeatMap_Should_HideEveryAdjustmentWithAHint_When_SchedulingEnded()
    {
        _clock = new FakeTimeProvider(ADomain.Day(16));
        await using var ctx = Context(Org);

        var dialogs = await OpenSeatMapAsync(ctx);

        Assert.Equal("排考时间已结束，不能调整", dialogs.Find("[data-testid=adjust-closed]").TextContent.Trim());
        Assert.Empty(dialogs.FindAll("[data-testid=seat-move]"));
        Assert.Empty(dialogs.FindAll("[data-testid=replace-invigilator]"));
        Assert.Empty(dialogs.FindAll("[data-testid=swap-invigilator]"));
        Assert.Equal(15, dialogs.FindAll("[data-testid=seat-candidate]").Count);
    }

    [Fact]
    public async Task SeatMap_Should_OfferEveryAdjustmentWithoutHint_When_InsideSchedulingWindow()
    {
        await using var ctx = Context(Org);

        var dialogs = await OpenSeatMapAsync(ctx);

        Assert.Empty(dialogs.FindAll("[data-testid=adjust-closed]"));
        Assert.Equal(15, dialogs.FindAll("[data-testid=seat-move]").Count);
        Assert.Equal("互换监考", dialogs.Find("[data-testid=swap-invigilator]").TextContent.Trim());
    }

    [Fact]
    public async Task SeatMap_Should_ShowNoHintAndNoSwap_When_School()
    {
        await using var ctx = Context(School);

        var dialogs = await OpenSeatMapAsync(ctx);

        Assert.Empty(dialogs.FindAll("[data-testid=adjust-closed]"));
        Assert.Empty(dialogs.FindAll("[data-testid=swap-invigilator]"));
    }

    [Fact]
    public async Task SwapDialog_Should_SwapWithTheOtherRoomAtTheSameTime_When_Confirmed()
    {
        var (own, other) = (InvigilatorsOf(_firstSessionId)[0], InvigilatorsOf(_secondSessionId)[0]);
        await using var ctx = Context(Org);
        var snackbars = ctx.Render<MudSnackbarProvider>();
        var dialogs = await OpenSeatMapAsync(ctx);

        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=swap-invigilator]").Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=swap-dialog]")));
        Assert.Contains("第二考场", dialogs.Find("[data-testid=swap-summary]").TextContent, StringComparison.Ordinal);
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=swap-submit]").Click());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=swap-dialog]")));
        Assert.Contains(other, InvigilatorsOf(_firstSessionId));
        Assert.DoesNotContain(own, InvigilatorsOf(_firstSessionId));
        Assert.Contains(own, InvigilatorsOf(_secondSessionId));
        snackbars.WaitForAssertion(() => Assert.Contains("互换成功", snackbars.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SwapDialog_Should_ShowTheDomainsReasonAndChangeNothing_When_Refused()
    {
        var other = InvigilatorsOf(_secondSessionId)[0];
        using (var context = _db.OpenAsSystem())
        {
            context.Set<InvigilatorCertification>().Where(c => c.InvigilatorId == other).ExecuteDelete(); // no longer certified
        }

        var (firstBefore, secondBefore) = (InvigilatorsOf(_firstSessionId), InvigilatorsOf(_secondSessionId));
        await using var ctx = Context(Org);
        var dialogs = await OpenSeatMapAsync(ctx);

        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=swap-invigilator]").Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=swap-dialog]")));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=swap-submit]").Click());

        dialogs.WaitForAssertion(() => Assert.Equal("该监考人员未获得该证书等级的监考认证", dialogs.Find("[data-testid=swap-refusal]").TextContent.Trim()));
        Assert.NotNull(dialogs.Find("[data-testid=swap-dialog]"));
        Assert.Equal(firstBefore, InvigilatorsOf(_firstSessionId));
        Assert.Equal(secondBefore, InvigilatorsOf(_secondSessionId));
    }

    [Fact]
    public async Task SwapDialog_Should_SayNoneAvailableAndDisableConfirm_When_NoOtherRoomAtThatTime()
    {
        await using var ctx = Context(Org);
        var dialogs = ctx.Render<MudDialogProvider>();
        var service = ctx.Services.GetRequiredService<IDialogService>();
        var own = new InvigilatorChoice(1, "张老师", "T001", "北方工业大学");

        await dialogs.InvokeAsync(() => service.ShowAsync<SwapInvigilatorDialog>("互换监考", new DialogParameters<SwapInvigilatorDialog>
        {
            { d => d.ExamPlanId, _scenario.Chain.ExamPlanId },
            { d => d.Choices, new InvigilatorSwapChoices([own], []) },
        }));

        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=swap-none]")));
        Assert.True(dialogs.Find("[data-testid=swap-submit]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task ReplaceDialog_Should_ShowReasonAndChangeNothing_When_IncomingInvigilatesAnotherRoomThen()
    {
        var before = InvigilatorsOf(_firstSessionId);
        var busy = InvigilatorsOf(_secondSessionId)[0];
        await using var ctx = Context(Org);
        var dialogs = ctx.Render<MudDialogProvider>();
        var service = ctx.Services.GetRequiredService<IDialogService>();

        await dialogs.InvokeAsync(() => service.ShowAsync<ReplaceInvigilatorDialog>("更换监考", new DialogParameters<ReplaceInvigilatorDialog>
        {
            { d => d.ExamPlanId, _scenario.Chain.ExamPlanId },
            { d => d.RoomId, _scenario.Chain.ExamRoomId },
            { d => d.SubjectId, _scenario.Chain.SubjectId },
            { d => d.Choices, new InvigilatorChoices([new InvigilatorChoice(before[0], "甲", "T1", "北方工业大学")], [new InvigilatorChoice(busy, "乙", "T2", "北方工业大学")]) },
        }));
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=replace-dialog]")));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=replace-submit]").Click());

        dialogs.WaitForAssertion(() => Assert.Equal("该监考人员在该时间已安排其他考场", dialogs.Find("[data-testid=replace-refusal]").TextContent.Trim()));
        Assert.NotNull(dialogs.Find("[data-testid=replace-dialog]"));
        Assert.Equal(before, InvigilatorsOf(_firstSessionId));
        Assert.Contains(busy, InvigilatorsOf(_secondSessionId));
    }

    [Fact]
    public async Task MoveSeat_Should_MoveTheCandidateToAnotherRoom_When_ThatRoomIsChosen()
    {
        await using var ctx = Context(Org);
        var dialogs = await OpenSeatMapAsync(ctx);
        var registration = Sessions().Single(s => s.Id == _firstSessionId).Seats.OrderBy(x => x.SeatNo).First().RegistrationId;

        await dialogs.InvokeAsync(() => dialogs.FindAll("[data-testid=seat-move]")[0].Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=move-dialog]")));
        var room = dialogs.FindComponent<MudSelect<int>>();
        await dialogs.InvokeAsync(() => room.Instance.ValueChanged.InvokeAsync(_secondRoomId)); // as choosing 第二考场 in 目标考场
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=move-submit]").Click());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=move-refusal]").Select(e => e.TextContent)));
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=move-dialog]")));
        dialogs.WaitForAssertion(() => Assert.Equal(14, dialogs.FindAll("[data-testid=seat-candidate]").Count));
        var sessions = Sessions();
        Assert.Contains(sessions.Single(s => s.Id == _secondSessionId).Seats, x => x.RegistrationId == registration);
        Assert.Equal(14, sessions.Single(s => s.Id == _firstSessionId).Seats.Count);
        Assert.Equal(2, sessions.Single(s => s.Id == _secondSessionId).Seats.Count);
    }

    [Fact]
    public async Task RoomsPage_Should_ReloadLive_When_TheScheduleChanges()
    {
        await using var ctx = Context(Org);
        var cut = ctx.Render<RoomArrangementsPage>();
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=room-seated]").Count));
        Assert.Equal(["15", "1", "15", "1"], Seated(cut));
        var registration = Sessions().Single(s => s.Id == _secondSessionId).Seats[0].RegistrationId;

        var edit = await Service(Org).MoveSeatAsync(_scenario.Chain.ExamPlanId, registration, _scenario.Chain.SubjectId, _scenario.Chain.ExamRoomId, null, default);

        Assert.True(edit.Done, edit.Refusal);
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=room-seated]").Count));
        Assert.Equal(["16", "15", "1"], Seated(cut));
    }

    [Fact]
    public async Task DetailsPage_Should_ReloadLive_When_TheScheduleChanges()
    {
        await using var ctx = Context(Org);
        var cut = ctx.Render<ScheduleDetailsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=detail-room]")));
        cut.Find("input[data-testid=filter-room]").Change("第二考场");
        await cut.InvokeAsync(() => cut.Find("[data-testid=filter-search]").Click());
        var secondRoomSeats = Sessions().Where(s => s.ExamRoomId == _secondRoomId).Sum(s => s.Seats.Count);
        cut.WaitForAssertion(() => Assert.Equal(secondRoomSeats, cut.FindAll("[data-testid=detail-room]").Count));
        var registration = Sessions().Single(s => s.Id == _secondSessionId).Seats[0].RegistrationId;

        await Service(Org).MoveSeatAsync(_scenario.Chain.ExamPlanId, registration, _scenario.Chain.SubjectId, _scenario.Chain.ExamRoomId, null, default);

        cut.WaitForAssertion(() => Assert.Equal(secondRoomSeats - 1, cut.FindAll("[data-testid=detail-room]").Count));
        Assert.All(cut.FindAll("[data-testid=detail-room]"), e => Assert.Equal("第二考场", e.TextContent));
    }

    private static List<string> Seated(IRenderedComponent<RoomArrangementsPage> cut) => [.. cut.FindAll("[data-testid=room-seated]").Select(e => e.TextContent)];
}
