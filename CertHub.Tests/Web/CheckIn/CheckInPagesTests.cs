using System.Text;
using Bunit;
using CertHub.Core.CheckIn;
using CertHub.Core.Common;
using CertHub.Core.Scheduling;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Components.Pages.CheckIn;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace CertHub.Tests.Web.CheckIn;

public sealed class CheckInPagesTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly MemoryFileStore _files = new();
    private readonly LoopbackChangeFeed _changes = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(16, 7).AddMinutes(40));
    private readonly CheckInTokenSigner _signer = new(Encoding.ASCII.GetBytes("checkin-test-key-checkin-test-key"));
    private readonly AScheduledRoom _s;

    public CheckInPagesTests() => _s = AScheduledRoom.SaveIn(_db, _files);

    public void Dispose() => _db.Dispose();

    private ICurrentUser HostUser => new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: _s.HostSchoolId, UserName: "ustb", DisplayName: "北科大");

    private BunitContext Context(ICurrentUser user)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(user);
        ctx.Services.AddSingleton<IChangeFeed>(_changes);
        ctx.Services.AddSingleton(Service(user));
        return ctx;
    }

    private CheckInService Service(ICurrentUser user) =>
        new(_db.FactoryFor(user), user, _files, _changes, _clock, _signer, new CheckInOptions { GraceMinutes = 15 });

    private string Ticket(int sessionId, int seatNo)
    {
        using var context = _db.OpenAsSystem();
        return context.Set<SeatAssignment>().Single(s => s.RoomSessionId == sessionId && s.SeatNo == seatNo).AdmissionTicketNo;
    }

    private static IRenderedComponent<CheckInPage> OpenCheckIn(BunitContext ctx, int sessionId)
    {
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"/checkin?session={sessionId}");
        return ctx.Render<CheckInPage>();
    }

    [Fact]
    public async Task CheckInPage_Should_SayNoSessions_When_SchoolHostsNoRoom()
    {
        await using var ctx = Context(new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: _s.BorrowerSchoolId));

        var cut = ctx.Render<CheckInPage>();

        cut.WaitForAssertion(() => Assert.Equal("暂无可签到的考场场次", cut.Find("[data-testid=checkin-no-sessions]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=checkin-code]"));
    }

    [Fact]
    public async Task CheckInPage_Should_ShowTheCandidateThenCheckIn_When_TicketNoTyped()
    {
        await using var ctx = Context(HostUser);
        var cut = OpenCheckIn(ctx, _s.TheorySessionId);
        cut.WaitForAssertion(() => Assert.Contains("第一考场", cut.Find("[data-testid=checkin-current]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=checkin-camera]"));

        cut.Find("input[data-testid=checkin-code]").Input(Ticket(_s.TheorySessionId, 1));
        cut.Find("[data-testid=checkin-find]").Click();

        cut.WaitForAssertion(() => Assert.Equal(AScheduledRoom.HostCandidate, cut.Find("[data-testid=checkin-name]").TextContent));
        Assert.Contains("座位号 1", cut.Find("[data-testid=checkin-seat]").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("data:image/png;base64,", cut.Find("[data-testid=checkin-photo]").GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal("未签到", cut.Find("[data-testid=checkin-status]").TextContent);

        cut.Find("[data-testid=checkin-confirm]").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("已签到", cut.Find("[data-testid=checkin-status]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=checkin-confirm]"));
        Assert.Equal("已签到 1 / 应到 2", cut.Find("[data-testid=checkin-progress]").TextContent);
    }

    [Fact]
    public async Task CheckInPage_Should_ShowWhereToGo_When_CandidateOfAnotherRoomSession()
    {
        await using var ctx = Context(HostUser);
        var cut = OpenCheckIn(ctx, _s.PracticeSessionId);
        cut.WaitForAssertion(() => cut.Find("input[data-testid=checkin-code]"));

        cut.Find("input[data-testid=checkin-code]").Input(Ticket(_s.TheorySessionId, 2));
        cut.Find("[data-testid=checkin-find]").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("该考生不在本考场场次，应到：第一考场，座位号2",
            cut.Find("[data-testid=checkin-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=checkin-candidate]"));
    }

    [Fact]
    public async Task CheckInPage_Should_RefuseTheSecondCheckIn()
    {
        await Service(HostUser).CheckInAsync(_s.TheorySessionId, Ticket(_s.TheorySessionId, 1), CancellationToken.None);
        await using var ctx = Context(HostUser);
        var cut = OpenCheckIn(ctx, _s.TheorySessionId);
        cut.WaitForAssertion(() => cut.Find("input[data-testid=checkin-code]"));

        cut.Find("input[data-testid=checkin-code]").Input(Ticket(_s.TheorySessionId, 1));
        cut.Find("[data-testid=checkin-find]").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("已签到", cut.Find("[data-testid=checkin-status]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=checkin-confirm]"));
    }

    [Fact]
    public async Task RosterPage_Should_UpdateLive_When_SomeoneChecksIn()
    {
        await using var ctx = Context(HostUser);
        var cut = ctx.Render<CheckInRosterPage>(p => p.Add(x => x.RoomSessionId, _s.TheorySessionId));
        cut.WaitForAssertion(() => Assert.Equal("已签到 0", cut.Find("[data-testid=count-checked-in]").TextContent));
        Assert.Equal("应到 2", cut.Find("[data-testid=count-expected]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=roster-close]"));
        Assert.Contains("可关闭签到", cut.Find("[data-testid=roster-closable]").TextContent, StringComparison.Ordinal);

        var org = new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: _s.Catalog.OrganizationId);
        await cut.InvokeAsync(() => Service(org).CheckInAsync(_s.TheorySessionId, Ticket(_s.TheorySessionId, 2), CancellationToken.None));

        cut.WaitForAssertion(() => Assert.Equal("已签到 1", cut.Find("[data-testid=count-checked-in]").TextContent));
        Assert.Equal("已签到", cut.Find("[data-testid=roster-status-2]").TextContent);
        Assert.Equal("未签到", cut.Find("[data-testid=roster-status-1]").TextContent);
    }

    [Fact]
    public async Task RosterPage_Should_CloseAfterConfirmation_When_GraceIsOver()
    {
        _clock.SetUtcNow(ADomain.Day(16, 8).AddMinutes(20));
        await using var ctx = Context(HostUser);
        var dialogs = ctx.Render<MudDialogProvider>();
        var cut = ctx.Render<CheckInRosterPage>(p => p.Add(x => x.RoomSessionId, _s.TheorySessionId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=roster-close]"));

        cut.Find("[data-testid=roster-close]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("2名未签到考生将记为缺考", dialogs.Find("[data-testid=confirm-message]").TextContent, StringComparison.Ordinal));
        dialogs.Find("[data-testid=confirm-yes]").Click();

        cut.WaitForAssertion(() => Assert.Equal("缺考 2", cut.Find("[data-testid=count-absent]").TextContent));
        Assert.Equal("签到已关闭", cut.Find("[data-testid=roster-status]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=roster-close]"));
        Assert.Empty(cut.FindAll("[data-testid=roster-correct-1]"));
    }

    [Fact]
    public async Task RosterPage_Should_ShowNotFound_When_AnotherOrganization()
    {
        await using var ctx = Context(new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: _s.OtherOrganizationId));

        var cut = ctx.Render<CheckInRosterPage>(p => p.Add(x => x.RoomSessionId, _s.TheorySessionId));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=roster-table]")));
        Assert.Empty(cut.FindAll("[data-testid=roster-title]"));
    }
}
