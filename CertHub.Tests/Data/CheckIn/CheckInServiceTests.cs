using System.Text;
using CertHub.Core.Accounts;
using CertHub.Core.Audit;
using CertHub.Core.CheckIn;
using CertHub.Core.Common;
using CertHub.Core.Scheduling;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.CheckIn;

public sealed class CheckInServiceTests : IDisposable
{
    private static readonly CheckInTokenSigner Signer = new(Encoding.ASCII.GetBytes("checkin-test-key-checkin-test-key"));
    private readonly SqliteTestDb _db = new();
    private readonly MemoryFileStore _files = new();
    private readonly RecordingChangeFeed _changes = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(16, 7).AddMinutes(40));
    private readonly AScheduledRoom _s;

    public CheckInServiceTests() => _s = AScheduledRoom.SaveIn(_db, _files);

    public void Dispose() => _db.Dispose();

    private CheckInService As(ICurrentUser user) =>
        new(_db.FactoryFor(user), user, _files, _changes, _clock, Signer, new CheckInOptions { GraceMinutes = 15 });

    private CheckInService Host => As(new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: _s.HostSchoolId, UserName: "ustb", DisplayName: "北科大"));

    private CheckInService Borrower => As(new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: _s.BorrowerSchoolId));

    private CheckInService Third => As(new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: _s.ThirdSchoolId));

    private CheckInService Org => As(new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: _s.Catalog.OrganizationId, UserName: "wl", DisplayName: "中物联"));

    private CheckInService OtherOrg => As(new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: _s.OtherOrganizationId));

    private CheckInService Platform => As(new FixedCurrentUser(UserRole.PlatformAdmin));

    private SeatAssignment SeatOf(int sessionId, int seatNo)
    {
        using var context = _db.OpenAsSystem();
        return context.Set<SeatAssignment>().Single(s => s.RoomSessionId == sessionId && s.SeatNo == seatNo);
    }

    private string TokenOf(int sessionId, int seatNo, int subjectId)
    {
        var seat = SeatOf(sessionId, seatNo);
        return Signer.Sign(new CheckInTicket(seat.CandidateId, _s.Chain.ExamPlanId, subjectId, sessionId, seat.SeatNo));
    }

    private string TheoryToken(int seatNo = 1) => TokenOf(_s.TheorySessionId, seatNo, _s.Chain.SubjectId);

    [Fact]
    public async Task CheckIn_Should_RecordAndPublish_When_HostSchoolEntersTheAdmissionTicketNo()
    {
        var ticket = SeatOf(_s.TheorySessionId, 2).AdmissionTicketNo;

        var found = await Host.FindAsync(_s.TheorySessionId, ticket, CancellationToken.None);
        var done = await Host.CheckInAsync(_s.TheorySessionId, $" {ticket} ", CancellationToken.None);

        Assert.Equal((AScheduledRoom.BorrowerCandidate, 2, "第一考场", AttendanceStatus.NotCheckedIn), (found.CandidateName, found.SeatNo, found.RoomName, found.Status));
        Assert.Equal((AttendanceStatus.CheckedIn, _clock.GetUtcNow(), false), (done.Status, done.CheckedInUtc, done.IsLate));
        var notice = Assert.Single(_changes.Published);
        Assert.Equal((CheckInService.Topic, _s.HostSchoolId, _s.Catalog.OrganizationId), (notice.Topic, notice.SchoolId, notice.OrganizationId));
        var roster = await Host.RosterAsync(_s.TheorySessionId, CancellationToken.None);
        Assert.Equal(new RosterCounts(2, 1, 1, 0, 0), roster!.Counts);
        Assert.Equal("北科大(ustb)", roster.Rows.Single(r => r.SeatNo == 2).CheckedInBy);
    }

    [Fact]
    public async Task CheckIn_Should_ShowPhotoNameAndSeat_When_OrganizationScansTheToken()
    {
        var found = await Org.FindAsync(_s.TheorySessionId, TheoryToken(), CancellationToken.None);

        Assert.Equal((AScheduledRoom.HostCandidate, 1, "北京科技大学"), (found.CandidateName, found.SeatNo, found.SchoolName));
        Assert.Equal(AnExamDayDocument.Photo, found.Photo);
        Assert.Contains("*", found.MaskedIdNumber, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckIn_Should_BeAudited()
    {
        await Org.CheckInAsync(_s.TheorySessionId, TheoryToken(), CancellationToken.None);

        using var context = _db.OpenAsSystem();
        Assert.Contains(context.Set<AuditEntry>().ToList(), a => a.EntityType == nameof(Attendance) && a.ToStatus == "已签到" && a.UserName == "wl");
    }

    [Fact]
    public async Task CheckIn_Should_RefuseTheSecondCheckIn_When_TokenIsReplayed()
    {
        await Org.CheckInAsync(_s.TheorySessionId, TheoryToken(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(3));

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Host.CheckInAsync(_s.TheorySessionId, TheoryToken(), CancellationToken.None));

        Assert.Equal("该考生已于2021-09-17 15:40:00签到，请勿重复签到", ex.Message);
        Assert.Single(_changes.Published);
    }

    [Fact]
    public async Task CheckIn_Should_RefuseATamperedToken()
    {
        var token = TheoryToken();
        var tampered = string.Concat(token[..10], token[10] == 'A' ? 'B' : 'A', token[11..]);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Org.CheckInAsync(_s.TheorySessionId, tampered, CancellationToken.None));

        Assert.Equal(CheckInTokenSigner.InvalidMessage, ex.Message);
    }

    [Fact]
    public async Task CheckIn_Should_RefuseWithWhereToGo_When_TokenOfAnotherSession()
    {
        var practiceToken = TokenOf(_s.PracticeSessionId, 1, _s.Chain.OtherSubjectId);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Host.CheckInAsync(_s.TheorySessionId, practiceToken, CancellationToken.None));

        Assert.StartsWith("该考生不在本考场场次，应到：第一考场，座位号1，", ex.Message, StringComparison.Ordinal);
        Assert.Contains("考试时间2021-09-17 18:00~19:00", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckIn_Should_RefuseWithWhereToGo_When_TicketNoOfACandidateSeatedElsewhere()
    {
        var borrowerTicket = SeatOf(_s.TheorySessionId, 2).AdmissionTicketNo;

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Host.CheckInAsync(_s.PracticeSessionId, borrowerTicket, CancellationToken.None));

        Assert.StartsWith("该考生不在本考场场次，应到：第一考场，座位号2，", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckIn_Should_UseTheCandidatesSeatHere_When_TicketNoOfTheirOtherSubjectIsTyped()
    {
        var theoryTicket = SeatOf(_s.TheorySessionId, 1).AdmissionTicketNo;
        _clock.SetUtcNow(ADomain.Day(16, 9).AddMinutes(50));

        var done = await Host.CheckInAsync(_s.PracticeSessionId, theoryTicket, CancellationToken.None);

        Assert.Equal((_s.PracticeSessionId, AttendanceStatus.CheckedIn), (done.RoomSessionId, done.Status));
    }

    [Theory]
    [InlineData("99999999999999999999999999")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task CheckIn_Should_Refuse_When_CodeIsUnknown(string code)
    {
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Host.CheckInAsync(_s.TheorySessionId, code, CancellationToken.None));

        Assert.Contains(ex.Message, new[] { CheckInService.UnknownTicket, CheckInTokenSigner.InvalidMessage });
    }

    [Fact]
    public async Task CheckIn_Should_Refuse_When_TokenOfAnotherPlan()
    {
        var seat = SeatOf(_s.OtherSessionId, 1);
        var token = Signer.Sign(new CheckInTicket(seat.CandidateId, _s.OtherPlanId, 1, _s.OtherSessionId, 1));

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Host.CheckInAsync(_s.TheorySessionId, token, CancellationToken.None));

        Assert.Equal("该签到码不属于本考试计划", ex.Message);
    }

    [Fact]
    public async Task Tenancy_Should_HideTheRosterAndRefuseCheckIn_When_SchoolOnlyBorrowsOrIsAnotherTenant()
    {
        foreach (var outsider in new[] { Borrower, Third, OtherOrg })
        {
            Assert.Null(await outsider.RosterAsync(_s.TheorySessionId, CancellationToken.None));
            Assert.DoesNotContain(await outsider.SessionsAsync(CancellationToken.None), s => s.RoomSessionId == _s.TheorySessionId);
            var ex = await Assert.ThrowsAsync<DomainRuleException>(() => outsider.CheckInAsync(_s.TheorySessionId, TheoryToken(), CancellationToken.None));
            Assert.Equal(CheckInService.NotFound, ex.Message);
            await Assert.ThrowsAsync<DomainRuleException>(() => outsider.CloseAsync(_s.TheorySessionId, CancellationToken.None));
        }

        Assert.Empty(_changes.Published);
    }

    [Fact]
    public async Task Sessions_Should_ListTheHostsAndTheOrganizationsRooms()
    {
        var host = await Host.SessionsAsync(CancellationToken.None);
        var org = await Org.SessionsAsync(CancellationToken.None);
        var other = await OtherOrg.SessionsAsync(CancellationToken.None);

        Assert.Equal([_s.TheorySessionId, _s.PracticeSessionId], host.Select(s => s.RoomSessionId));
        Assert.Equal([_s.TheorySessionId, _s.PracticeSessionId], org.Select(s => s.RoomSessionId));
        Assert.Equal([_s.OtherSessionId], other.Select(s => s.RoomSessionId));
        Assert.Equal((2, 0, RosterStatus.Open), (host[0].SeatedCount, host[0].CheckedInCount, host[0].Status));
    }

    [Fact]
    public async Task SubAccount_Should_NeedTheCheckInPermission()
    {
        var without = As(new FixedCurrentUser(UserRole.SchoolUser, SchoolId: _s.HostSchoolId));
        var with = As(new FixedCurrentUser(UserRole.SchoolUser, SchoolId: _s.HostSchoolId) { Permissions = [Permissions.CheckIn] });

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => without.CheckInAsync(_s.TheorySessionId, TheoryToken(), CancellationToken.None));
        var done = await with.CheckInAsync(_s.TheorySessionId, TheoryToken(), CancellationToken.None);

        Assert.Equal("您没有“考生签到、关闭签到”的权限，请联系管理员", ex.Message);
        Assert.Equal(AttendanceStatus.CheckedIn, done.Status);
        Assert.False(without.CanAct);
        Assert.True(with.CanAct);
    }

    [Fact]
    public async Task Platform_Should_ReadTheRosterButNotCheckIn()
    {
        var roster = await Platform.RosterAsync(_s.TheorySessionId, CancellationToken.None);

        Assert.NotNull(roster);
        Assert.False(roster.CanCheckIn);
        await Assert.ThrowsAsync<DomainRuleException>(() => Platform.CheckInAsync(_s.TheorySessionId, TheoryToken(), CancellationToken.None));
    }

    [Fact]
    public async Task Close_Should_MarkAbsentees_When_AfterStartPlusGrace()
    {
        await Host.CheckInAsync(_s.TheorySessionId, TheoryToken(), CancellationToken.None);
        _clock.SetUtcNow(ADomain.Day(16, 8).AddMinutes(14));
        var early = await Host.RosterAsync(_s.TheorySessionId, CancellationToken.None);
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Host.CloseAsync(_s.TheorySessionId, CancellationToken.None));
        _clock.SetUtcNow(ADomain.Day(16, 8).AddMinutes(15));

        var absent = await Host.CloseAsync(_s.TheorySessionId, CancellationToken.None);

        Assert.False(early!.CanClose);
        Assert.Equal("考试开始15分钟后（2021-09-17 16:15:00）才能关闭签到", ex.Message);
        Assert.Equal(1, absent);
        var roster = await Org.RosterAsync(_s.TheorySessionId, CancellationToken.None);
        Assert.Equal(new RosterCounts(2, 1, 0, 1, 0), roster!.Counts);
        Assert.True(roster.IsClosed);
        Assert.False(roster.CanCheckIn);
        Assert.True(roster.CanCorrectAbsence);
        var late = await Assert.ThrowsAsync<DomainRuleException>(() => Host.CheckInAsync(_s.TheorySessionId, SeatOf(_s.TheorySessionId, 2).AdmissionTicketNo, CancellationToken.None));
        Assert.Equal(RoomRoster.ClosedMessage, late.Message);
    }

    [Fact]
    public async Task CheckIn_Should_CountLate_When_AfterTheStart()
    {
        _clock.SetUtcNow(ADomain.Day(16, 8).AddMinutes(5));

        await Host.CheckInAsync(_s.TheorySessionId, TheoryToken(), CancellationToken.None);

        var roster = await Host.RosterAsync(_s.TheorySessionId, CancellationToken.None);
        Assert.Equal(new RosterCounts(2, 1, 1, 0, 1), roster!.Counts);
        Assert.Equal("迟到", roster.Rows.Single(r => r.SeatNo == 1).StatusText);
    }

    [Fact]
    public async Task CorrectAbsence_Should_BeTheOrganizationsWithAReason()
    {
        _clock.SetUtcNow(ADomain.Day(16, 8).AddMinutes(30));
        await Host.CloseAsync(_s.TheorySessionId, CancellationToken.None);
        var registrationId = SeatOf(_s.TheorySessionId, 1).RegistrationId;

        var bySchool = await Assert.ThrowsAsync<DomainRuleException>(() => Host.CorrectAbsenceAsync(_s.TheorySessionId, registrationId, "原因", CancellationToken.None));
        await Assert.ThrowsAsync<DomainRuleException>(() => Org.CorrectAbsenceAsync(_s.TheorySessionId, registrationId, " ", CancellationToken.None));
        await Assert.ThrowsAsync<DomainRuleException>(() => OtherOrg.CorrectAbsenceAsync(_s.TheorySessionId, registrationId, "原因", CancellationToken.None));
        await Org.CorrectAbsenceAsync(_s.TheorySessionId, registrationId, "考生因座位调整在备用考场参加考试", CancellationToken.None);

        Assert.Equal("只有培训评价组织可以进行缺考更正", bySchool.Message);
        var row = (await Org.RosterAsync(_s.TheorySessionId, CancellationToken.None))!.Rows.Single(r => r.SeatNo == 1);
        Assert.Equal((AttendanceStatus.CheckedIn, "考生因座位调整在备用考场参加考试"), (row.Status, row.CorrectionReason));
    }
}
