using System.Text;
using CertHub.Core.CheckIn;
using CertHub.Core.Common;
using CertHub.Core.Scheduling;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.CheckIn;

/// <summary>The exam-day documents and 考场签到: the 准考证 names its seat for the 签到码, the 签到表 is pre-filled.</summary>
public sealed class CheckInDocumentsTests : IDisposable
{
    private static readonly CheckInTokenSigner Signer = new(Encoding.ASCII.GetBytes("checkin-test-key-checkin-test-key"));
    private readonly SqliteTestDb _db = new();
    private readonly MemoryFileStore _files = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(16, 7).AddMinutes(40));
    private readonly AScheduledRoom _s;

    public CheckInDocumentsTests() => _s = AScheduledRoom.SaveIn(_db, _files);

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser Host => new(UserRole.SchoolAdmin, SchoolId: _s.HostSchoolId, UserName: "ustb", DisplayName: "北科大");

    private CheckInService CheckIns => new(_db.FactoryFor(Host), Host, _files, new RecordingChangeFeed(), _clock, Signer, new CheckInOptions());

    private ScheduleQueries Queries => new(_db.FactoryFor(Host), Host, _files);

    [Fact]
    public async Task AdmissionTicket_Should_CarryASeatWhoseTokenChecksIn()
    {
        var ticket = (await Queries.AdmissionTicketsAsync([_s.TheorySessionId], CancellationToken.None)).Single(t => t.CandidateName == AScheduledRoom.HostCandidate);

        var seat = ticket.CheckIn!;
        var done = await CheckIns.CheckInAsync(_s.TheorySessionId, Signer.Sign(seat), CancellationToken.None);

        Assert.Equal((_s.TheorySessionId, _s.Chain.SubjectId, 1, _s.HostCandidateId), (seat.RoomSessionId, seat.SubjectId, seat.SeatNo, seat.CandidateId));
        Assert.Equal(AttendanceStatus.CheckedIn, done.Status);
    }

    [Fact]
    public async Task AdmissionTicket_Should_CarryEachLinesOwnSeat_When_TheCandidateSitsSeveralSessions()
    {
        var ticket = (await Queries.AdmissionTicketsAsync([_s.TheorySessionId], CancellationToken.None)).Single(t => t.CandidateName == AScheduledRoom.HostCandidate);
        Assert.Equal([_s.TheorySessionId, _s.PracticeSessionId], ticket.Lines.Select(l => l.CheckIn!.RoomSessionId));
        var practice = ticket.Lines[1];

        var wrongRoom = await Assert.ThrowsAsync<DomainRuleException>(() => CheckIns.CheckInAsync(_s.TheorySessionId, Signer.Sign(practice.CheckIn!), CancellationToken.None));
        _clock.SetUtcNow(practice.StartUtc.AddMinutes(-20));
        var done = await CheckIns.CheckInAsync(_s.PracticeSessionId, Signer.Sign(practice.CheckIn!), CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(wrongRoom.Message));
        Assert.Equal((_s.HostCandidateId, _s.Chain.OtherSubjectId), (practice.CheckIn!.CandidateId, practice.CheckIn.SubjectId));
        Assert.Equal(AttendanceStatus.CheckedIn, done.Status);
    }

    [Fact]
    public async Task SignInSheet_Should_BePreFilledWithCheckInTimesAndAbsences()
    {
        var open = (await Queries.SignInSheetsAsync([_s.TheorySessionId], CancellationToken.None)).Single();
        await CheckIns.CheckInAsync(_s.TheorySessionId, open.Rows[0].AdmissionTicketNo, CancellationToken.None);
        _clock.SetUtcNow(ADomain.Day(16, 8).AddMinutes(20));
        await CheckIns.CloseAsync(_s.TheorySessionId, CancellationToken.None);

        var sheet = (await Queries.SignInSheetsAsync([_s.TheorySessionId], CancellationToken.None)).Single();

        Assert.Equal((null, null), (open.PresentCount, open.AbsentCount));
        Assert.All(open.Rows, r => Assert.Null(r.AttendanceText));
        Assert.Equal(["已签到 15:40", "缺考"], sheet.Rows.Select(r => r.AttendanceText));
        Assert.Equal((1, 1), (sheet.PresentCount, sheet.AbsentCount));
    }
}
