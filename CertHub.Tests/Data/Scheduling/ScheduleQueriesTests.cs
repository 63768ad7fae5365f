using CertHub.Core.Common;
using CertHub.Core.Scheduling;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Data.Scheduling;

public sealed class ScheduleQueriesTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly MemoryFileStore _files = new();
    private readonly AScheduledRoom _s;

    public ScheduleQueriesTests() => _s = AScheduledRoom.SaveIn(_db, _files);

    public void Dispose() => _db.Dispose();

    private ScheduleQueries As(ICurrentUser user) => new(_db.FactoryFor(user), user, _files);

    private ScheduleQueries Host => As(new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: _s.HostSchoolId));

    private ScheduleQueries Borrower => As(new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: _s.BorrowerSchoolId));

    private ScheduleQueries Third => As(new FixedCurrentUser(UserRole.SchoolUser, SchoolId: _s.ThirdSchoolId));

    private ScheduleQueries Org => As(new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: _s.Catalog.OrganizationId));

    private ScheduleQueries OtherOrg => As(new FixedCurrentUser(UserRole.OrgUser, OrganizationId: _s.OtherOrganizationId));

    [Fact]
    public async Task ListRooms_Should_ShowTheManualsColumns_When_HostSchoolLists()
    {
        var rooms = await Host.ListRoomsAsync(new RoomArrangementFilter(), new PageRequest(), CancellationToken.None);

        Assert.Equal(2, rooms.TotalCount);
        var theory = rooms.Items.Single(r => r.RoomSessionId == _s.TheorySessionId);
        Assert.Equal(("2021年9月信息化应用考试", "第一考场", "北京科技大学", "北京市", "中物联物流", "理论知识", 2, true),
            (theory.PlanName, theory.RoomName, theory.SchoolName, theory.Region, theory.OrganizationName, theory.SubjectName, theory.SeatedCount, theory.IsHost));
        Assert.Contains("考核站点", theory.SiteName, StringComparison.Ordinal);
        Assert.Equal("信息化应用职业技能等级证书（初级）", theory.CertificateText);
        Assert.Matches(@"^王伟\(JK\d+\)$", theory.Invigilator1);
        Assert.Equal("", theory.Invigilator2);
        Assert.Equal("北京市北京市丰台区(北京科技大学)", theory.InvigilatorRegions);
        Assert.Equal("2021-09-17 16:00~17:00", theory.ExamTimeText);
    }

    [Fact]
    public async Task ListRooms_Should_ShowOnlyTheRoomsWithItsCandidatesAndCountThem_When_SchoolBorrowsTheSite()
    {
        var rooms = await Borrower.ListRoomsAsync(new RoomArrangementFilter(), new PageRequest(), CancellationToken.None);

        var room = Assert.Single(rooms.Items);
        Assert.Equal((_s.TheorySessionId, 1, false), (room.RoomSessionId, room.SeatedCount, room.IsHost));
    }

    [Fact]
    public async Task ListRooms_Should_ShowOnlyItsPlans_When_OrganizationLists()
    {
        var own = await Org.AllRoomsAsync(new RoomArrangementFilter(), CancellationToken.None);
        var other = await OtherOrg.AllRoomsAsync(new RoomArrangementFilter(), CancellationToken.None);
        var third = await Third.AllRoomsAsync(new RoomArrangementFilter(), CancellationToken.None);

        Assert.Equal([_s.TheorySessionId, _s.PracticeSessionId], own.Select(r => r.RoomSessionId).Order());
        Assert.Equal([_s.OtherSessionId], other.Select(r => r.RoomSessionId));
        Assert.Equal([_s.OtherSessionId], third.Select(r => r.RoomSessionId));
    }

    [Theory]
    [InlineData(null, "理论", null, 1)]
    [InlineData("第一", null, null, 2)]
    [InlineData("不存在", null, null, 0)]
    [InlineData(null, null, "北京科技大学", 2)]
    public async Task ListRooms_Should_Filter_When_FilterGiven(string? room, string? subject, string? site, int expected)
    {
        var rooms = await Org.ListRoomsAsync(new RoomArrangementFilter(null, room, subject, site), new PageRequest(), CancellationToken.None);

        Assert.Equal(expected, rooms.TotalCount);
    }

    [Fact]
    public async Task ListRooms_Should_FilterByPlan_When_PlanChosen()
    {
        var plans = await Third.PlanOptionsAsync(CancellationToken.None);
        var none = await Org.ListRoomsAsync(new RoomArrangementFilter(_s.OtherPlanId), new PageRequest(), CancellationToken.None);

        Assert.Equal([_s.OtherPlanId], plans.Select(p => p.Id));
        Assert.Equal(0, none.TotalCount);
    }

    [Fact]
    public async Task SeatMap_Should_ShowEverySeatWithItsCandidate_When_HostViews()
    {
        var map = await Host.SeatMapAsync(_s.TheorySessionId, CancellationToken.None);

        Assert.NotNull(map);
        Assert.Equal(30, map.Seats.Count);
        Assert.Equal([(1, AScheduledRoom.HostCandidate), (2, AScheduledRoom.BorrowerCandidate)],
            map.Seats.Where(s => s.IsTaken).Select(s => (s.SeatNo, s.CandidateName!)));
        Assert.False(map.Seats[2].IsTaken);
    }

    [Fact]
    public async Task SeatMap_Should_HideOtherSchoolsCandidates_When_BorrowerViews()
    {
        var map = await Borrower.SeatMapAsync(_s.TheorySessionId, CancellationToken.None);

        Assert.NotNull(map);
        Assert.True(map.Seats[0].IsTaken);
        Assert.Null(map.Seats[0].CandidateName);
        Assert.Equal(AScheduledRoom.BorrowerCandidate, map.Seats[1].CandidateName);
    }

    [Fact]
    public async Task SeatMap_Should_BeNull_When_AnotherSchoolOrOrganizationAsks()
    {
        Assert.Null(await Third.SeatMapAsync(_s.TheorySessionId, CancellationToken.None));
        Assert.Null(await OtherOrg.SeatMapAsync(_s.TheorySessionId, CancellationToken.None));
        Assert.Null(await Borrower.SeatMapAsync(_s.PracticeSessionId, CancellationToken.None));
    }

    [Fact]
    public async Task MoveTargets_Should_ListTheSubjectsRoomsOfThePlan_When_ItsOrganizationAsks()
    {
        var targets = await Org.MoveTargetsAsync(_s.TheorySessionId, CancellationToken.None);
        var map = await Org.SeatMapAsync(_s.TheorySessionId, CancellationToken.None);

        var target = Assert.Single(targets);
        Assert.Equal((_s.Chain.ExamRoomId, "第一考场", 2, 30), (target.RoomId, target.RoomName, target.SeatedCount, target.Capacity));
        Assert.Equal((_s.Chain.ExamRoomId, _s.Chain.SubjectId), (map!.RoomId, map.SubjectId));
        Assert.NotNull(map.Seats[0].RegistrationId);
    }

    [Fact]
    public async Task MoveTargets_Should_BeEmpty_When_ASchoolOrAnotherOrganizationAsks()
    {
        Assert.Empty(await Host.MoveTargetsAsync(_s.TheorySessionId, CancellationToken.None));
        Assert.Empty(await Borrower.MoveTargetsAsync(_s.TheorySessionId, CancellationToken.None));
        Assert.Empty(await OtherOrg.MoveTargetsAsync(_s.TheorySessionId, CancellationToken.None));
    }

    [Fact]
    public async Task InvigilatorChoices_Should_ListAssignedAndCertified_OnlyForThePlansOrganization()
    {
        var org = await Org.InvigilatorChoicesAsync(_s.TheorySessionId, CancellationToken.None);

        Assert.Single(org.Assigned);
        Assert.Empty(org.Certified);
        Assert.Empty((await Host.InvigilatorChoicesAsync(_s.TheorySessionId, CancellationToken.None)).Assigned);
        Assert.Empty((await OtherOrg.InvigilatorChoicesAsync(_s.TheorySessionId, CancellationToken.None)).Assigned);
    }

    [Fact]
    public async Task ListDetails_Should_ListOnlyTheSchoolsOwnCandidates_When_SchoolHostsOthers()
    {
        var host = await Host.AllDetailsAsync(new ScheduleDetailFilter(), CancellationToken.None);
        var borrower = await Borrower.AllDetailsAsync(new ScheduleDetailFilter(), CancellationToken.None);
        var org = await Org.AllDetailsAsync(new ScheduleDetailFilter(), CancellationToken.None);

        Assert.Equal([AScheduledRoom.HostCandidate, AScheduledRoom.HostCandidate], host.Select(d => d.CandidateName));
        Assert.Equal(["理论知识", "实操技能"], host.Select(d => d.SubjectName));
        var seat = Assert.Single(borrower);
        Assert.Equal((AScheduledRoom.BorrowerCandidate, "第一考场", 2, "110*****0010"), (seat.CandidateName, seat.RoomName, seat.SeatNo, seat.MaskedIdNumber));
        Assert.Equal(3, org.Count);
        Assert.DoesNotContain(org, d => d.CandidateName == AScheduledRoom.ThirdCandidate);
    }

    [Fact]
    public async Task ListDetails_Should_FilterByNameTicketRoomAndPlan_When_Given()
    {
        var ticket = (await Org.AllDetailsAsync(new ScheduleDetailFilter(), CancellationToken.None)).First(d => d.CandidateName == AScheduledRoom.BorrowerCandidate).AdmissionTicketNo;

        Assert.Equal(1, (await Org.ListDetailsAsync(new ScheduleDetailFilter(CandidateName: "李"), new PageRequest(), CancellationToken.None)).TotalCount);
        Assert.Equal(1, (await Org.ListDetailsAsync(new ScheduleDetailFilter(AdmissionTicketNo: ticket), new PageRequest(), CancellationToken.None)).TotalCount);
        Assert.Equal(3, (await Org.ListDetailsAsync(new ScheduleDetailFilter(RoomName: "第一"), new PageRequest(), CancellationToken.None)).TotalCount);
        Assert.Equal(0, (await Org.ListDetailsAsync(new ScheduleDetailFilter(ExamPlanId: _s.OtherPlanId), new PageRequest(), CancellationToken.None)).TotalCount);
        var page = await Org.ListDetailsAsync(new ScheduleDetailFilter(), new PageRequest(2, 10), CancellationToken.None);
        Assert.Equal((3, 0), (page.TotalCount, page.Items.Count));
    }

    [Fact]
    public async Task AdmissionTickets_Should_GiveOneTicketPerCandidateWithAllTheirSubjectsAndPhoto_When_HostExportsARoom()
    {
        var tickets = await Host.AdmissionTicketsAsync([_s.TheorySessionId], CancellationToken.None);

        Assert.Equal([AScheduledRoom.HostCandidate, AScheduledRoom.BorrowerCandidate], tickets.Select(t => t.CandidateName));
        var host = tickets[0];
        Assert.Equal(["理论知识", "实操技能"], host.Lines.Select(l => l.SubjectName));
        Assert.Equal([1, 1], host.Lines.Select(l => l.SeatNo));
        Assert.Equal(AnExamDayDocument.Photo, host.Photo);
        Assert.Equal("110*****4477", host.MaskedIdNumber);
        Assert.Equal("北京市海淀区学院路30号", host.SiteAddress);
        Assert.Null(tickets[1].Photo);
        Assert.Single(tickets[1].Lines);
    }

    [Fact]
    public async Task AdmissionTickets_Should_GiveOnlyItsOwnCandidates_When_BorrowerExports()
    {
        var tickets = await Borrower.AdmissionTicketsAsync([_s.TheorySessionId], CancellationToken.None);

        Assert.Equal([AScheduledRoom.BorrowerCandidate], tickets.Select(t => t.CandidateName));
    }

    [Fact]
    public async Task AdmissionTickets_Should_GiveOneTicketPerCandidate_When_SeveralSessionsOfTheSameCandidateAreSelected()
    {
        var tickets = await Org.AdmissionTicketsAsync([_s.PracticeSessionId, _s.TheorySessionId], CancellationToken.None);

        Assert.Equal([AScheduledRoom.HostCandidate, AScheduledRoom.BorrowerCandidate], tickets.Select(t => t.CandidateName));
        Assert.Equal("实操技能", tickets[0].Lines[0].SubjectName);
    }

    [Fact]
    public async Task AdmissionTickets_Should_BeRefused_When_AnotherSchoolOrOrganizationAsks()
    {
        var third = await Assert.ThrowsAsync<DomainRuleException>(() => Third.AdmissionTicketsAsync([_s.TheorySessionId], CancellationToken.None));
        var other = await Assert.ThrowsAsync<DomainRuleException>(() => OtherOrg.AdmissionTicketsAsync([_s.TheorySessionId, _s.OtherSessionId], CancellationToken.None));

        Assert.Equal(ScheduleQueries.NotFound, third.Message);
        Assert.Equal(ScheduleQueries.NotFound, other.Message);
    }

    [Fact]
    public async Task RoomDocuments_Should_DescribeTheRoomAndEverySeat_When_HostDownloads()
    {
        var door = Assert.Single(await Host.DoorStickersAsync([_s.TheorySessionId], CancellationToken.None));
        var desks = await Host.DeskStickersAsync([_s.TheorySessionId], CancellationToken.None);
        var sheet = Assert.Single(await Org.SignInSheetsAsync([_s.TheorySessionId], CancellationToken.None));

        Assert.Equal(("第一考场", "理论知识", "1-2号", 2), (door.Room.RoomName, door.Room.SubjectName, door.SeatRangeText, door.CandidateCount));
        Assert.Single(door.Room.Invigilators);
        Assert.Equal([(1, AScheduledRoom.HostCandidate, true), (2, AScheduledRoom.BorrowerCandidate, false)], desks.Select(d => (d.SeatNo, d.CandidateName, d.Photo is not null)));
        Assert.Equal([(1, "110*****4477", "北京科技大学"), (2, "110*****0010", "北方工业大学")], sheet.Rows.Select(r => (r.SeatNo, r.MaskedIdNumber, r.SchoolName)));
    }

    [Fact]
    public async Task RoomDocuments_Should_BeRefused_When_SchoolDoesNotHostTheRoom()
    {
        var borrower = await Assert.ThrowsAsync<DomainRuleException>(() => Borrower.DeskStickersAsync([_s.TheorySessionId], CancellationToken.None));
        var third = await Assert.ThrowsAsync<DomainRuleException>(() => Third.SignInSheetsAsync([_s.TheorySessionId], CancellationToken.None));
        var other = await Assert.ThrowsAsync<DomainRuleException>(() => OtherOrg.DoorStickersAsync([_s.TheorySessionId], CancellationToken.None));

        Assert.Equal(ScheduleQueries.HostOnly, borrower.Message);
        Assert.Equal(ScheduleQueries.NotFound, third.Message);
        Assert.Equal(ScheduleQueries.NotFound, other.Message);
    }

    [Fact]
    public async Task Queries_Should_BeRefused_When_UserIsNeitherSchoolNorOrganization()
    {
        var province = As(new FixedCurrentUser(UserRole.ProvinceAdmin, ProvinceId: _s.Catalog.ProvinceId));

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => province.ListRoomsAsync(new RoomArrangementFilter(), new PageRequest(), CancellationToken.None));

        Assert.Equal(ScheduleQueries.NotAllowed, error.Message);
    }
}
