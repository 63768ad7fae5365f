using System.Text;
using Bunit;
using CertHub.Core.CheckIn;
using CertHub.Core.Common;
using CertHub.Core.Scheduling;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Components.Pages.CheckIn;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace CertHub.Tests.Web.CheckIn;

public sealed class CheckInOverviewPageTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly MemoryFileStore _files = new();
    private readonly LoopbackChangeFeed _changes = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(16, 7).AddMinutes(40));
    private readonly CheckInTokenSigner _signer = new(Encoding.ASCII.GetBytes("checkin-test-key-checkin-test-key"));
    private readonly AScheduledRoom _s;

    public CheckInOverviewPageTests() => _s = AScheduledRoom.SaveIn(_db, _files);

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

    [Fact]
    public async Task OverviewPage_Should_SayNoSessions_When_SchoolHostsNoRoom()
    {
        await using var ctx = Context(new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: _s.BorrowerSchoolId));

        var cut = ctx.Render<CheckInOverviewPage>();

        cut.WaitForAssertion(() => Assert.Equal("暂无可查看的考场场次", cut.Find("[data-testid=overview-empty]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=overview-table]"));
    }

    [Fact]
    public async Task OverviewPage_Should_ShowEachRoomWithCountsAndTotals()
    {
        await Service(HostUser).CheckInAsync(_s.TheorySessionId, Ticket(_s.TheorySessionId, 1), CancellationToken.None);
        await using var ctx = Context(HostUser);

        var cut = ctx.Render<CheckInOverviewPage>();

        var id = _s.TheorySessionId;
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find($"[data-testid=room-checked-in-{id}]").TextContent));
        Assert.Equal("2", cut.Find($"[data-testid=room-expected-{id}]").TextContent);
        Assert.Equal("1", cut.Find($"[data-testid=room-not-checked-in-{id}]").TextContent);
        Assert.Equal("0", cut.Find($"[data-testid=room-absent-{id}]").TextContent);
        Assert.Equal("0", cut.Find($"[data-testid=room-late-{id}]").TextContent);
        Assert.Equal("50", cut.Find($"[data-testid=room-progress-{id}]").GetAttribute("aria-valuenow"));
        Assert.Equal(CheckInOptions.RosterPath(id), cut.Find($"[data-testid=room-roster-{id}]").GetAttribute("href"));
        Assert.Equal("应到 2", cut.Find("[data-testid=total-expected]").TextContent);
        Assert.Equal("已签到 1", cut.Find("[data-testid=total-checked-in]").TextContent);
        Assert.Equal("未签到 1", cut.Find("[data-testid=total-not-checked-in]").TextContent);
        Assert.Single(cut.FindAll("[data-testid=overview-table] tbody tr"));
        Assert.Empty(cut.FindAll($"[data-testid=room-expected-{_s.PracticeSessionId}]"));
    }

    [Fact]
    public async Task OverviewPage_Should_ReloadLive_When_SomeoneChecksIn()
    {
        await using var ctx = Context(HostUser);
        var cut = ctx.Render<CheckInOverviewPage>();
        cut.WaitForAssertion(() => Assert.Equal("已签到 0", cut.Find("[data-testid=total-checked-in]").TextContent));

        var org = new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: _s.Catalog.OrganizationId);
        await cut.InvokeAsync(() => Service(org).CheckInAsync(_s.TheorySessionId, Ticket(_s.TheorySessionId, 2), CancellationToken.None));

        cut.WaitForAssertion(() => Assert.Equal("已签到 1", cut.Find("[data-testid=total-checked-in]").TextContent));
        Assert.Equal("1", cut.Find($"[data-testid=room-checked-in-{_s.TheorySessionId}]").TextContent);
    }

    [Fact]
    public async Task CheckInPage_Should_LinkToTheOverview()
    {
        await using var ctx = Context(HostUser);

        var cut = ctx.Render<CheckInPage>();

        cut.WaitForAssertion(() => Assert.Equal("/checkin/overview", cut.Find("[data-testid=checkin-overview-link]").GetAttribute("href")));
    }
}
