using System.Globalization;
using System.Text.RegularExpressions;
using Bunit;
using CertHub.Core.Common;
using CertHub.Core.Scheduling;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Components.Pages.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace CertHub.Tests.Web.Scheduling;

/// <summary>调整座位 from the seat map of 考场编排 (organisation only), on a real <see cref="SchedulingService"/> over SQLite.</summary>
public sealed partial class SeatAdjustmentTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly SchedulingScenario _scenario;
    private readonly int _sessionId;

    public SeatAdjustmentTests()
    {
        _scenario = SchedulingScenario.SaveIn(_db);
        _scenario.Register(3);
        var org = Org;
        new SchedulingService(_db.FactoryFor(org), org, new RecordingChangeFeed(), new FakeTimeProvider(ADomain.Day(12)))
            .RunAsync(_scenario.Chain.ExamPlanId, SchedulingOptions.Default, default).GetAwaiter().GetResult();
        using var context = _db.OpenAsSystem();
        _sessionId = context.Set<RoomSession>().AsNoTracking().Single(s => s.SubjectId == _scenario.Chain.SubjectId).Id;
    }

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser Org => new(UserRole.OrgAdmin, OrganizationId: _scenario.Catalog.OrganizationId, UserName: "wl", DisplayName: "物联网组织");

    private FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: _scenario.Catalog.SchoolId, UserName: "bjtu", DisplayName: "北京交通大学");

    private BunitContext Context(ICurrentUser user)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(user);
        ctx.Services.AddSingleton(_db.FactoryFor(user));
        ctx.Services.AddSingleton<IFileStore>(new MemoryFileStore());
        ctx.Services.AddSingleton<IChangeFeed>(new RecordingChangeFeed());
        ctx.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(ADomain.Day(12)));
        ctx.Services.AddSingleton<SchedulingService>();
        ctx.Services.AddSingleton<ScheduleQueries>();
        return ctx;
    }

    private async Task<IRenderedComponent<MudDialogProvider>> OpenSeatMapAsync(BunitContext ctx)
    {
        var dialogs = ctx.Render<MudDialogProvider>();
        var service = ctx.Services.GetRequiredService<IDialogService>();
        await dialogs.InvokeAsync(() => service.ShowAsync<SeatMapDialog>("第一考场", new DialogParameters<SeatMapDialog> { { d => d.RoomSessionId, _sessionId } }));
        dialogs.WaitForAssertion(() => Assert.Equal(30, dialogs.FindAll("[data-testid=seat]").Count));
        return dialogs;
    }

    /// <summary>Seat numbers that hold a candidate, in order, and the candidate of the first one.</summary>
    private static (List<int> Taken, string FirstName) Taken(IRenderedComponent<MudDialogProvider> dialogs)
    {
        var seats = dialogs.FindAll("[data-testid=seat]");
        var taken = Enumerable.Range(1, seats.Count).Where(n => seats[n - 1].QuerySelector("[data-testid=seat-candidate]") is not null).ToList();
        return (taken, seats[taken[0] - 1].QuerySelector("[data-testid=seat-candidate]")!.TextContent);
    }

    private static string SeatText(IRenderedComponent<MudDialogProvider> dialogs, int seatNo) => dialogs.FindAll("[data-testid=seat]")[seatNo - 1].TextContent;

    private static async Task RequestMoveAsync(IRenderedComponent<MudDialogProvider> dialogs, int seatNo)
    {
        await dialogs.InvokeAsync(() => dialogs.FindAll("[data-testid=seat-move]")[0].Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=move-dialog]")));
        dialogs.Find("input[data-testid=move-seat]").Change(seatNo.ToString(CultureInfo.InvariantCulture));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=move-submit]").Click());
    }

    [Fact]
    public async Task SeatMap_Should_OfferMove_When_Organization()
    {
        await using var ctx = Context(Org);

        var dialogs = await OpenSeatMapAsync(ctx);

        Assert.Equal(3, dialogs.FindAll("[data-testid=seat-move]").Count);
        Assert.All(dialogs.FindAll("[data-testid=seat-move]"), b => Assert.Equal("调整座位", b.TextContent.Trim()));
    }

    [Fact]
    public async Task SeatMap_Should_NotOfferMove_When_School()
    {
        await using var ctx = Context(School);

        var dialogs = await OpenSeatMapAsync(ctx);

        Assert.Equal(3, dialogs.FindAll("[data-testid=seat-candidate]").Count);
        Assert.Empty(dialogs.FindAll("[data-testid=seat-move]"));
    }

    [Fact]
    public async Task MoveSeat_Should_SaveAndReloadTheMap_When_SeatIsFree()
    {
        await using var ctx = Context(Org);
        var dialogs = await OpenSeatMapAsync(ctx);
        var (taken, name) = Taken(dialogs);
        var free = Enumerable.Range(1, 30).Last(n => !taken.Contains(n));

        await RequestMoveAsync(dialogs, free);

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=move-dialog]")));
        dialogs.WaitForAssertion(() => Assert.Contains(name, SeatText(dialogs, free), StringComparison.Ordinal));
        Assert.Null(dialogs.FindAll("[data-testid=seat]")[taken[0] - 1].QuerySelector("[data-testid=seat-candidate]"));
        Assert.Contains("调整成功", dialogs.Markup + ctx.Render<MudSnackbarProvider>().Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveSeat_Should_ShowReasonAndApplyAnAlternative_When_SeatIsTaken()
    {
        await using var ctx = Context(Org);
        var dialogs = await OpenSeatMapAsync(ctx);
        var (taken, name) = Taken(dialogs);

        await RequestMoveAsync(dialogs, taken[1]);

        dialogs.WaitForAssertion(() => Assert.Equal($"座位号{taken[1]}已被占用", dialogs.Find("[data-testid=move-refusal]").TextContent.Trim()));
        var suggestions = dialogs.FindAll("[data-testid=move-suggestion]");
        Assert.NotEmpty(suggestions);
        var chosen = int.Parse(SeatNoPattern().Match(suggestions[0].TextContent).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.DoesNotContain(chosen, taken);

        await dialogs.InvokeAsync(() => dialogs.FindAll("[data-testid=move-suggestion]")[0].Click());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=move-dialog]")));
        dialogs.WaitForAssertion(() => Assert.Contains(name, SeatText(dialogs, chosen), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReplaceInvigilator_Should_OfferCertifiedInvigilatorsAndSave_When_Organization()
    {
        _scenario.SaveCertifiedInvigilators(_scenario.Catalog.OtherSchoolId, 1);
        int incoming;
        using (var context = _db.OpenAsSystem())
        {
            incoming = context.Set<CertHub.Core.Invigilators.Invigilator>().Max(i => i.Id);
        }

        await using var ctx = Context(Org);
        var dialogs = await OpenSeatMapAsync(ctx);

        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=replace-invigilator]").Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("[data-testid=replace-dialog]")));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=replace-submit]").Click());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=replace-dialog]")));
        using var after = _db.OpenAsSystem();
        var session = after.Set<RoomSession>().Include(s => s.Invigilators).AsNoTracking().Single(s => s.Id == _sessionId);
        Assert.Contains(incoming, session.Invigilators.Select(i => i.InvigilatorId));
        Assert.Equal(2, session.Invigilators.Count);
    }

    [Fact]
    public async Task SeatMap_Should_NotOfferReplaceInvigilator_When_School()
    {
        await using var ctx = Context(School);

        var dialogs = await OpenSeatMapAsync(ctx);

        Assert.Empty(dialogs.FindAll("[data-testid=replace-invigilator]"));
    }

    [GeneratedRegex(@"(\d+)号座")]
    private static partial Regex SeatNoPattern();
}
