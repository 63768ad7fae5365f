using CertHub.Core.Common;
using CertHub.Core.Registrations;
using CertHub.Core.Scheduling;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Scheduling;

/// <summary>
/// SchedulingService on real SQLite, on a <see cref="SchedulingScenario"/> (one 30-seat room, two subjects, two invigilators).
/// </summary>
public sealed class SchedulingServiceTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private FakeTimeProvider _clock = new(ADomain.Day(12));
    private readonly SchedulingScenario _scenario;
    private readonly IssuanceCatalogSeed _catalog;
    private readonly ExamChainSeed _chain;
    private readonly RecordingChangeFeed _changes = new();

    public SchedulingServiceTests()
    {
        _scenario = SchedulingScenario.SaveIn(_db);
        _catalog = _scenario.Catalog;
        _chain = _scenario.Chain;
    }

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser Org => new(UserRole.OrgAdmin, OrganizationId: _catalog.OrganizationId, UserName: "wl", DisplayName: "物联网组织");

    private FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: _catalog.SchoolId, UserName: "bjtu", DisplayName: "北京交通大学");

    private FixedCurrentUser OtherSchool => new(UserRole.SchoolAdmin, SchoolId: _catalog.OtherSchoolId, UserName: "ncut", DisplayName: "北方工业大学");

    private SchedulingService Service(ICurrentUser user) => new(_db.FactoryFor(user), user, _changes, _clock);

    private List<int> Register(int count, bool paid = true) => _scenario.Register(count, paid);

    private List<RoomSession> Sessions()
    {
        using var context = _db.OpenAsSystem();
        return [.. context.Set<RoomSession>().Include(s => s.Seats).Include(s => s.Invigilators).AsNoTracking().OrderBy(s => s.SubjectId)];
    }

    [Fact]
    public async Task RunAsync_Should_PersistSessionsSeatsInvigilators_And_MarkScheduled()
    {
        var paid = Register(3);
        var unpaid = Register(1, paid: false);

        var report = await Service(Org).RunAsync(_chain.ExamPlanId, SchedulingOptions.Default, default);

        Assert.Equal((6, 6, 0), (report.Seated, report.SeatsAdded, report.SeatsRemoved));
        Assert.Empty(report.Problems);
        var sessions = Sessions();
        Assert.Equal([_chain.SubjectId, _chain.OtherSubjectId], sessions.Select(s => s.SubjectId));
        Assert.All(sessions, s =>
        {
            Assert.Equal(_chain.ExamRoomId, s.ExamRoomId);
            Assert.Equal(paid.Order(), s.Seats.Select(x => x.RegistrationId).Order());
            Assert.Equal(2, s.Invigilators.Count);
            Assert.All(s.Seats, x => Assert.Equal(AdmissionTicketNumber.Length, x.AdmissionTicketNo.Length));
        });
        using var context = _db.OpenAsSystem();
        Assert.All(context.Set<Registration>().Where(r => paid.Contains(r.Id)), r => Assert.True(r.IsScheduled));
        Assert.False(context.Set<Registration>().Single(r => r.Id == unpaid[0]).IsScheduled);
        Assert.Contains(_changes.Published, n => n.Topic == SchedulingTopics.Arrangements);
    }

    [Fact]
    public async Task ListSitesAsync_Should_ShowStatusAndCounts_BeforeAndAfterRun()
    {
        Register(3);

        var before = await Service(Org).ListSitesAsync(new SiteArrangementFilter(_chain.ExamPlanId), new PageRequest(), default);
        await Service(Org).RunAsync(_chain.ExamPlanId, SchedulingOptions.Default, default);
        var after = await Service(Org).ListSitesAsync(new SiteArrangementFilter(_chain.ExamPlanId), new PageRequest(), default);

        Assert.Equal(2, before.TotalCount);
        Assert.All(before.Items, r => Assert.Equal((SchedulingStatus.NotScheduled, 3, 0, 0), (r.Status, r.Registered, r.Seated, r.Rooms)));
        Assert.All(after.Items, r => Assert.Equal((SchedulingStatus.Completed, 3, 3, 1), (r.Status, r.Registered, r.Seated, r.Rooms)));
        var counts = await Service(Org).CountsAsync(new SiteArrangementFilter(_chain.ExamPlanId), default);
        Assert.Equal(2, counts[SchedulingStatus.Completed]);
    }

    [Fact]
    public async Task GetSiteAndExport_Should_ListRoomsWithInvigilators()
    {
        Register(2);
        await Service(Org).RunAsync(_chain.ExamPlanId, SchedulingOptions.Default, default);
        var row = (await Service(Org).ListSitesAsync(new SiteArrangementFilter(_chain.ExamPlanId), new PageRequest(), default)).Items[0];

        var detail = await Service(Org).GetSiteAsync(row.ExamPlanId, row.SubjectId, row.SiteId, default);
        var export = await Service(Org).ExportRoomsAsync(new SiteArrangementFilter(_chain.ExamPlanId), null, default);
        var selected = await Service(Org).ExportRoomsAsync(new SiteArrangementFilter(_chain.ExamPlanId), [row], default);

        var room = Assert.Single(detail!.Rooms);
        Assert.Equal(("第一考场", 30, 2), (room.RoomName, room.SeatCount, room.Seated));
        Assert.Equal(2, room.Invigilators.Split('、').Length);
        Assert.Contains("(JK", room.Invigilators, StringComparison.Ordinal);
        Assert.Equal(2, export.Count);
        Assert.Single(selected);
    }

    [Fact]
    public async Task RunAsync_Should_KeepPlacedSeats_When_NewRegistrationPaidLater()
    {
        Register(2);
        await Service(Org).RunAsync(_chain.ExamPlanId, SchedulingOptions.Default, default);
        var before = Sessions().SelectMany(s => s.Seats.Select(x => (x.RegistrationId, x.SeatNo, x.AdmissionTicketNo))).ToHashSet();
        var late = Register(1);

        var report = await Service(Org).RunAsync(_chain.ExamPlanId, SchedulingOptions.Default, default);

        var after = Sessions().SelectMany(s => s.Seats.Select(x => (x.RegistrationId, x.SeatNo, x.AdmissionTicketNo))).ToHashSet();
        Assert.Subset(after, before);
        Assert.Equal((2, 0, 2), (report.SeatsAdded, report.SeatsRemoved, report.SeatsChanged));
        Assert.Contains(after, s => s.RegistrationId == late[0]);
    }

    [Fact]
    public async Task RescheduleAsync_Should_RebuildEverySeat_When_Confirmed()
    {
        Register(2);
        await Service(Org).RunAsync(_chain.ExamPlanId, SchedulingOptions.Default, default);

        var report = await Service(Org).RescheduleAsync(_chain.ExamPlanId, new SchedulingOptions(AlternateSeats: true), default);

        Assert.Equal((4, 4), (report.SeatsAdded, report.SeatsRemoved));
        Assert.All(Sessions().SelectMany(s => s.Seats), s => Assert.Equal(1, s.SeatNo % 2));
    }

    [Fact]
    public async Task RunAsync_Should_ReportSeatShortfall_When_UsableSeatsRunOut()
    {
        Register(4);

        var report = await Service(Org).RunAsync(_chain.ExamPlanId, new SchedulingOptions(AlternateSeats: true, ReservePercent: 50), default);

        // 30 seats, every other one: 15, half of them kept free: 7 usable; 4 fit, then 5 more leave 2 without a seat.
        Assert.Empty(report.Problems);
        Register(5);
        var second = await Service(Org).RunAsync(_chain.ExamPlanId, new SchedulingOptions(AlternateSeats: true, ReservePercent: 50), default);
        Assert.Contains(second.Problems, p => p.EndsWith("考位不足: 还差 2 个座位", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(15)]
    [InlineData(16)]
    public async Task RunAsync_Should_Refuse_When_OutsideSchedulingWindow(int day)
    {
        Register(1);
        _clock = new FakeTimeProvider(ADomain.Day(day));

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).RunAsync(_chain.ExamPlanId, SchedulingOptions.Default, default));

        Assert.Equal(SchedulingService.OutsideWindow, ex.Message);
        Assert.Empty(Sessions());
    }

    [Fact]
    public async Task RunAsync_Should_Refuse_When_AnotherOrganizationOrASchool()
    {
        Register(1);
        var otherOrg = new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: _catalog.OrganizationId + 1000, UserName: "tedu", DisplayName: "其他组织");

        var notFound = await Assert.ThrowsAsync<DomainRuleException>(() => Service(otherOrg).RunAsync(_chain.ExamPlanId, SchedulingOptions.Default, default));
        var school = await Assert.ThrowsAsync<DomainRuleException>(() => Service(School).RunAsync(_chain.ExamPlanId, SchedulingOptions.Default, default));
        var move = await Assert.ThrowsAsync<DomainRuleException>(() => Service(School).MoveSeatAsync(_chain.ExamPlanId, 1, _chain.SubjectId, _chain.ExamRoomId, 1, default));

        Assert.Equal(SchedulingService.PlanNotFound, notFound.Message);
        Assert.Equal(SchedulingService.OnlyOrganization, school.Message);
        Assert.Equal(SchedulingService.OnlyOrganization, move.Message);
        Assert.False(Service(School).CanSchedule);
        Assert.Empty(Sessions());
        Assert.Empty((await Service(otherOrg).ListSitesAsync(new SiteArrangementFilter(), new PageRequest(), default)).Items);
    }

    [Fact]
    public async Task ListSitesAsync_Should_ShowSchoolItsOwnSitesOnly()
    {
        Register(2);
        await Service(Org).RunAsync(_chain.ExamPlanId, SchedulingOptions.Default, default);

        var own = await Service(School).ListSitesAsync(new SiteArrangementFilter(), new PageRequest(), default);
        var other = await Service(OtherSchool).ListSitesAsync(new SiteArrangementFilter(), new PageRequest(), default);

        Assert.Equal(2, own.TotalCount);
        Assert.All(own.Items, r => Assert.Equal(2, r.Seated));
        Assert.Equal(0, other.TotalCount);
        Assert.False((await Service(School).PlansAsync(default)).Single().CanSchedule);
        Assert.True((await Service(Org).PlansAsync(default)).Single().CanSchedule);
    }

    [Fact]
    public async Task MoveSeatAsync_Should_SaveMove_Or_RefuseWithSuggestions()
    {
        var registrations = Register(2);
        await Service(Org).RunAsync(_chain.ExamPlanId, SchedulingOptions.Default, default);
        var taken = Sessions()[0].Seats.Single(s => s.RegistrationId == registrations[1]).SeatNo;

        var refused = await Service(Org).MoveSeatAsync(_chain.ExamPlanId, registrations[0], _chain.SubjectId, _chain.ExamRoomId, taken, default);
        var done = await Service(Org).MoveSeatAsync(_chain.ExamPlanId, registrations[0], _chain.SubjectId, _chain.ExamRoomId, 20, default);

        Assert.False(refused.Done);
        Assert.Equal($"座位号{taken}已被占用", refused.Refusal);
        Assert.NotEmpty(refused.SeatSuggestions);
        Assert.True(done.Done);
        var seat = Sessions()[0].Seats.Single(s => s.RegistrationId == registrations[0]);
        Assert.Equal(20, seat.SeatNo);
        Assert.EndsWith("020", seat.AdmissionTicketNo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplaceInvigilatorAsync_Should_Refuse_When_IncomingNotCertified()
    {
        Register(1);
        await Service(Org).RunAsync(_chain.ExamPlanId, SchedulingOptions.Default, default);
        var uncertified = ExamChainSeed.SaveInvigilator(_db, _catalog.OtherSchoolId);
        var outgoing = Sessions()[0].Invigilators[0].InvigilatorId;

        var edit = await Service(Org).ReplaceInvigilatorAsync(_chain.ExamPlanId, _chain.ExamRoomId, _chain.SubjectId, outgoing, uncertified, default);

        Assert.Equal("该监考人员未获得该证书等级的监考认证", edit.Refusal);
        Assert.Contains(Sessions()[0].Invigilators, i => i.InvigilatorId == outgoing);
    }

    [Fact]
    public async Task ManualAdjustments_Should_BeRefusedAndChangeNothing_When_SchedulingEnded()
    {
        var registrations = Register(2);
        await Service(Org).RunAsync(_chain.ExamPlanId, SchedulingOptions.Default, default);
        var before = Sessions();
        var outgoing = before[0].Invigilators[0].InvigilatorId;
        var incoming = before[1].Invigilators[0].InvigilatorId;
        _clock = new FakeTimeProvider(ADomain.Day(15));

        var move = await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).MoveSeatAsync(_chain.ExamPlanId, registrations[0], _chain.SubjectId, _chain.ExamRoomId, 20, default));
        var replace = await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).ReplaceInvigilatorAsync(_chain.ExamPlanId, _chain.ExamRoomId, _chain.SubjectId, outgoing, incoming, default));
        var swap = await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).SwapInvigilatorsAsync(
            _chain.ExamPlanId, (_chain.ExamRoomId, _chain.SubjectId), outgoing, (_chain.ExamRoomId, _chain.OtherSubjectId), incoming, default));

        Assert.All([move, replace, swap], ex => Assert.Equal("排考时间已结束，不能调整", ex.Message));
        var after = Sessions();
        Assert.Equal(before.SelectMany(s => s.Seats).Select(x => (x.RegistrationId, x.SeatNo)).Order(), after.SelectMany(s => s.Seats).Select(x => (x.RegistrationId, x.SeatNo)).Order());
        Assert.Equal(before.SelectMany(s => s.Invigilators).Select(i => (i.RoomSessionId, i.InvigilatorId)).Order(), after.SelectMany(s => s.Invigilators).Select(i => (i.RoomSessionId, i.InvigilatorId)).Order());
    }

    [Fact]
    public async Task MoveSeatAsync_Should_Refuse_When_SchedulingNotStarted()
    {
        var registrations = Register(1);
        await Service(Org).RunAsync(_chain.ExamPlanId, SchedulingOptions.Default, default);
        _clock = new FakeTimeProvider(ADomain.Day(9));

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).MoveSeatAsync(_chain.ExamPlanId, registrations[0], _chain.SubjectId, _chain.ExamRoomId, 20, default));

        Assert.Equal("排考时间未开始，不能调整", ex.Message);
    }

    [Fact]
    public async Task AdjustabilityAsync_Should_AllowOnlyTheOrganizationInsideTheWindow_And_HintOutside()
    {
        var otherOrg = new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: _catalog.OrganizationId + 1000, UserName: "tedu", DisplayName: "其他组织");

        var inside = await Service(Org).AdjustabilityAsync(_chain.ExamPlanId, default);
        var school = await Service(School).AdjustabilityAsync(_chain.ExamPlanId, default);
        var other = await Service(otherOrg).AdjustabilityAsync(_chain.ExamPlanId, default);
        _clock = new FakeTimeProvider(ADomain.Day(16));
        var after = await Service(Org).AdjustabilityAsync(_chain.ExamPlanId, default);

        Assert.Equal(new ScheduleAdjustability(true, null), inside);
        Assert.Equal(ScheduleAdjustability.None, school);
        Assert.Equal(ScheduleAdjustability.None, other);
        Assert.Equal(new ScheduleAdjustability(false, "排考时间已结束，不能调整"), after);
    }

    [Fact]
    public async Task SwapInvigilatorsAsync_Should_SwapBetweenRoomsAtTheSameTime_And_SwapChoicesListOnlyThoseRooms()
    {
        var secondRoom = _scenario.SaveSecondRoom();
        _scenario.SaveCertifiedInvigilators(_catalog.OtherSchoolId, 2);
        Register(16);
        await Service(Org).RunAsync(_chain.ExamPlanId, new SchedulingOptions(AlternateSeats: true), default);
        var sessions = Sessions();
        var first = sessions.Single(s => s.ExamRoomId == _chain.ExamRoomId && s.SubjectId == _chain.SubjectId);
        var second = sessions.Single(s => s.ExamRoomId == secondRoom && s.SubjectId == _chain.SubjectId);
        var queries = new ScheduleQueries(_db.FactoryFor(Org), Org, new MemoryFileStore());

        var choices = await queries.SwapChoicesAsync(first.Id, default);
        var schoolChoices = await new ScheduleQueries(_db.FactoryFor(School), School, new MemoryFileStore()).SwapChoicesAsync(first.Id, default);

        Assert.Equal(first.Invigilators.Select(i => i.InvigilatorId).Order(), choices.Own.Select(c => c.InvigilatorId).Order());
        Assert.Equal(second.Invigilators.Select(i => i.InvigilatorId).Order(), choices.Others.Select(c => c.Invigilator.InvigilatorId).Order());
        Assert.All(choices.Others, o => Assert.Equal((secondRoom, _chain.SubjectId, "第二考场"), (o.RoomId, o.SubjectId, o.RoomName)));
        Assert.Empty(schoolChoices.Own);
        Assert.Empty(schoolChoices.Others);

        var a = choices.Own[0].InvigilatorId;
        var b = choices.Others[0].Invigilator.InvigilatorId;
        var edit = await Service(Org).SwapInvigilatorsAsync(_chain.ExamPlanId, (_chain.ExamRoomId, _chain.SubjectId), a, (secondRoom, _chain.SubjectId), b, default);

        Assert.True(edit.Done, edit.Refusal);
        var after = Sessions();
        Assert.Contains(b, after.Single(s => s.Id == first.Id).Invigilators.Select(i => i.InvigilatorId));
        Assert.Contains(a, after.Single(s => s.Id == second.Id).Invigilators.Select(i => i.InvigilatorId));
        Assert.DoesNotContain(a, after.Single(s => s.Id == first.Id).Invigilators.Select(i => i.InvigilatorId));
        Assert.Contains(_changes.Published, n => n.Topic == SchedulingTopics.Arrangements);
    }
}
