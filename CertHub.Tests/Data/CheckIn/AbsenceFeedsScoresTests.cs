using System.Text;
using CertHub.Core.CheckIn;
using CertHub.Core.Common;
using CertHub.Core.Registrations;
using CertHub.Core.Scheduling;
using CertHub.Core.Scores;
using CertHub.Core.Statistics;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Documents.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.CheckIn;

/// <summary>缺考 at 考场签到 feeds the score import (refused unless 缺考更正) and 证书通过率统计 (实考人数).</summary>
public sealed class AbsenceFeedsScoresTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly MemoryFileStore _files = new();
    private readonly RecordingChangeFeed _changes = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(16, 7).AddMinutes(50));
    private readonly AScoredPlan _plan;
    private readonly int _firstSessionId;

    public AbsenceFeedsScoresTests()
    {
        _plan = AScoredPlan.SaveIn(_db);
        using var context = _db.OpenAsSystem();
        _firstSessionId = context.Set<RoomSession>().Single(s => s.SubjectId == _plan.Chain.SubjectId).Id;
        // 已排考 without the payment chain (the statistics count scheduled registrations as 应考 and 实考).
        context.Set<Registration>().IgnoreQueryFilters().ExecuteUpdate(set => set.SetProperty(r => r.IsScheduled, true)); // portable: SQLite and PostgreSQL
    }

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser Org => new(UserRole.OrgAdmin, OrganizationId: _plan.Seed.OrganizationId, UserName: "wl", DisplayName: "中物联物流");

    private CheckInService CheckIns => new(_db.FactoryFor(Org), Org, _files, _changes, _clock,
        new CheckInTokenSigner(Encoding.ASCII.GetBytes("checkin-test-key-checkin-test-key")), new CheckInOptions());

    private ScoreService Scores => new(_db.FactoryFor(Org), Org, new ScoreSheet(), _files, _changes, _clock);

    /// <summary>A checks in to the first subject, B does not; the roster is closed 20 minutes after the start (B 缺考).</summary>
    private async Task CloseWithBAbsentAsync()
    {
        await CheckIns.CheckInAsync(_firstSessionId, _plan.A1.Ticket, CancellationToken.None);
        _clock.SetUtcNow(ADomain.Day(16, 8).AddMinutes(20));
        Assert.Equal(1, await CheckIns.CloseAsync(_firstSessionId, CancellationToken.None));
        _clock.SetUtcNow(AScoredPlan.InEntry);
    }

    [Fact]
    public async Task ApplyRows_Should_RefuseAScoreForAnAbsentee_But_AcceptTheAbsenceAndOtherSeats()
    {
        await CloseWithBAbsentAsync();

        var result = await Scores.ApplyRowsAsync(_plan.Chain.ExamPlanId,
            [_plan.A1.Row(1, "80"), _plan.B1.Row(2, "70"), _plan.B2.Row(3, "65")], CancellationToken.None);

        Assert.Equal(2, result.Recorded);
        var failure = Assert.Single(result.Failures);
        Assert.Equal((3, Absences.ScoreRefused), (failure.Row.RowNumber, failure.Reason));
        var absence = await Scores.ApplyRowsAsync(_plan.Chain.ExamPlanId, [_plan.B1.Row(2, "缺考")], CancellationToken.None);
        Assert.Equal((1, 0), (absence.Recorded, absence.Failures.Count));
    }

    [Fact]
    public async Task ApplyRows_Should_AcceptTheScore_When_AbsenceWasCorrectedWithAReason()
    {
        await CloseWithBAbsentAsync();
        await CheckIns.CorrectAbsenceAsync(_firstSessionId, _plan.B1.Registration.Id, "考生在备用考场参加考试", CancellationToken.None);

        var result = await Scores.ApplyRowsAsync(_plan.Chain.ExamPlanId, [_plan.B1.Row(1, "70")], CancellationToken.None);

        Assert.Equal((1, 0), (result.Recorded, result.Failures.Count));
    }

    [Fact]
    public async Task PassRate_Should_CountAbsenteesInRegisteredButNotInAttended()
    {
        var queries = new PassRateQueries(_db.FactoryFor(Org), Org);
        var before = (await queries.GetAsync(PassRateGrouping.ByCertificate, new PassRateFilter(), CancellationToken.None)).Rows
            .Single(r => r.CertificateId == _plan.Seed.CertificateId);
        await CloseWithBAbsentAsync();

        var after = (await queries.GetAsync(PassRateGrouping.ByCertificate, new PassRateFilter(), CancellationToken.None)).Rows
            .Single(r => r.CertificateId == _plan.Seed.CertificateId);

        Assert.Equal((2, 2), (before.RegisteredCount, before.AttendedCount));
        Assert.Equal((2, 1), (after.RegisteredCount, after.AttendedCount));
    }
}
