using System.Text;
using CertHub.Core.CheckIn;
using CertHub.Core.Common;
using CertHub.Core.Scheduling;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.CheckIn;

public sealed class CheckInOverviewTests : IDisposable
{
    private static readonly CheckInTokenSigner Signer = new(Encoding.ASCII.GetBytes("checkin-test-key-checkin-test-key"));
    private readonly SqliteTestDb _db = new();
    private readonly MemoryFileStore _files = new();
    private readonly RecordingChangeFeed _changes = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(16, 7).AddMinutes(40));
    private readonly AScheduledRoom _s;

    public CheckInOverviewTests() => _s = AScheduledRoom.SaveIn(_db, _files);

    public void Dispose() => _db.Dispose();

    private CheckInService As(ICurrentUser user) =>
        new(_db.FactoryFor(user), user, _files, _changes, _clock, Signer, new CheckInOptions { GraceMinutes = 15 });

    private CheckInService Host => As(new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: _s.HostSchoolId, UserName: "ustb", DisplayName: "北科大"));

    private CheckInService Org => As(new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: _s.Catalog.OrganizationId));

    private string Ticket(int sessionId, int seatNo)
    {
        using var context = _db.OpenAsSystem();
        return context.Set<SeatAssignment>().Single(s => s.RoomSessionId == sessionId && s.SeatNo == seatNo).AdmissionTicketNo;
    }

    [Fact]
    public async Task Overview_Should_CountEveryStatePerRoomAndInTotal()
    {
        _clock.SetUtcNow(ADomain.Day(16, 7).AddMinutes(50));
        await Host.CheckInAsync(_s.TheorySessionId, Ticket(_s.TheorySessionId, 1), CancellationToken.None);
        _clock.SetUtcNow(ADomain.Day(16, 8).AddMinutes(5));
        await Org.CheckInAsync(_s.TheorySessionId, Ticket(_s.TheorySessionId, 2), CancellationToken.None);
        _clock.SetUtcNow(ADomain.Day(16, 10).AddMinutes(20));
        await Host.CloseAsync(_s.PracticeSessionId, CancellationToken.None);

        var theory = await Org.OverviewAsync(_s.Chain.ExamPlanId, ADomain.Day(16, 8), CancellationToken.None);
        var practice = await Org.OverviewAsync(_s.Chain.ExamPlanId, ADomain.Day(16, 10), CancellationToken.None);

        Assert.Equal((_s.Chain.ExamPlanId, ADomain.Day(16, 8)), (theory.Slot!.ExamPlanId, theory.Slot.StartUtc));
        var room = Assert.Single(theory.Rooms);
        Assert.Equal((_s.TheorySessionId, "第一考场", RosterStatus.Open), (room.RoomSessionId, room.RoomName, room.Status));
        Assert.Equal(new RosterCounts(2, 2, 0, 0, 1), room.Counts);
        Assert.Equal(100, room.Percent);
        Assert.Equal(new RosterCounts(2, 2, 0, 0, 1), theory.Totals);
        var closed = Assert.Single(practice.Rooms);
        Assert.Equal((_s.PracticeSessionId, RosterStatus.Closed, new RosterCounts(1, 0, 0, 1, 0)), (closed.RoomSessionId, closed.Status, closed.Counts));
        Assert.Equal(0, closed.Percent);
    }

    [Fact]
    public async Task Overview_Should_CountNotCheckedIn_When_NoRosterYet()
    {
        var overview = await Host.OverviewAsync(null, null, CancellationToken.None);

        var room = Assert.Single(overview.Rooms);
        Assert.Equal(new RosterCounts(2, 0, 2, 0, 0), room.Counts);
        Assert.Equal(0, room.Percent);
        Assert.Equal([ADomain.Day(16, 8), ADomain.Day(16, 10)], overview.Slots.Select(s => s.StartUtc));
    }

    [Theory]
    [InlineData(10, 30, 10)]
    [InlineData(9, 30, 10)]
    [InlineData(12, 0, 10)]
    [InlineData(8, 59, 8)]
    public async Task Overview_Should_DefaultToTheTimeRunningNowElseNextElseLatest(int hour, int minute, int expectedStartHour)
    {
        _clock.SetUtcNow(ADomain.Day(16, hour).AddMinutes(minute));

        var overview = await Org.OverviewAsync(null, null, CancellationToken.None);

        Assert.Equal(ADomain.Day(16, expectedStartHour), overview.Slot!.StartUtc);
    }

    [Fact]
    public async Task Overview_Should_TakeThePlansDefaultTime_When_TheChosenTimeIsNotOneOfItsTimes()
    {
        var overview = await Org.OverviewAsync(_s.Chain.ExamPlanId, ADomain.Day(16, 13), CancellationToken.None);

        Assert.Equal((_s.Chain.ExamPlanId, ADomain.Day(16, 8)), (overview.Slot!.ExamPlanId, overview.Slot.StartUtc));
        Assert.Equal(_s.TheorySessionId, Assert.Single(overview.Rooms).RoomSessionId);
    }

    [Fact]
    public async Task Overview_Should_ShowNothingOfThePlan_When_AnotherOrganizationOrSchool()
    {
        var otherOrg = As(new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: _s.OtherOrganizationId));
        var third = As(new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: _s.ThirdSchoolId));
        var borrower = As(new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: _s.BorrowerSchoolId));

        foreach (var outsider in new[] { otherOrg, third })
        {
            var overview = await outsider.OverviewAsync(_s.Chain.ExamPlanId, ADomain.Day(16, 8), CancellationToken.None);
            Assert.Equal(_s.OtherPlanId, Assert.Single(overview.Slots).ExamPlanId);
            Assert.Equal(_s.OtherSessionId, Assert.Single(overview.Rooms).RoomSessionId);
            Assert.Equal(new RosterCounts(1, 0, 1, 0, 0), overview.Totals);
        }

        var none = await borrower.OverviewAsync(_s.Chain.ExamPlanId, ADomain.Day(16, 8), CancellationToken.None);
        Assert.Empty(none.Slots);
        Assert.Null(none.Slot);
        Assert.Empty(none.Rooms);
        Assert.Equal(new RosterCounts(0, 0, 0, 0, 0), none.Totals);
    }

    [Fact]
    public async Task Overview_Should_BeRefused_When_NoTenant()
    {
        var nobody = As(new FixedCurrentUser(UserRole.SchoolAdmin));

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => nobody.OverviewAsync(null, null, CancellationToken.None));

        Assert.Equal(CheckInService.NotFound, ex.Message);
    }
}
