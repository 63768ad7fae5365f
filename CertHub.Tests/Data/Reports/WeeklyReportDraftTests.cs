using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Reports;
using CertHub.Core.Scheduling;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.RichText;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Reports;

/// <summary>生成草稿 counts the exams held in the school's rooms and its candidates' seats in the period.</summary>
public sealed class WeeklyReportDraftTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly MemoryFileStore _files = new();
    private readonly AScheduledRoom _room;

    public WeeklyReportDraftTests() => _room = AScheduledRoom.SaveIn(_db, _files);

    public void Dispose() => _db.Dispose();

    private WeeklyReportService Service(int schoolId)
    {
        var user = new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: schoolId, UserName: "school", DisplayName: "院校");
        return new WeeklyReportService(_db.FactoryFor(user), user, _files, new HtmlRichTextSanitizer(), new RecordingChangeFeed(), new FakeTimeProvider(ADomain.T0));
    }

    [Fact]
    public async Task DraftWorkProgressAsync_Should_CountExamsHeldAndSeatedCandidates_When_ThePeriodHoldsTheExams()
    {
        using var ctx = _db.OpenAsSystem();
        var examDay = ctx.Set<RoomSession>().Where(s => s.ExamPlanId == _room.Chain.ExamPlanId).Min(s => s.StartUtc);
        var period = ReportPeriod.For(examDay, ReportingCycle.Weekly);

        var host = await Service(_room.HostSchoolId).DraftWorkProgressAsync(period, default);
        var borrower = await Service(_room.BorrowerSchoolId).DraftWorkProgressAsync(period, default);
        var before = await Service(_room.HostSchoolId).DraftWorkProgressAsync(ReportPeriod.For(examDay.AddDays(-14), ReportingCycle.Weekly), default);

        Assert.Contains("本校考场组织考试2场次，本校考生参加考试2人次", host, StringComparison.Ordinal);
        Assert.Contains("本校考场组织考试0场次，本校考生参加考试1人次", borrower, StringComparison.Ordinal);
        Assert.Contains("本校考场组织考试0场次，本校考生参加考试0人次", before, StringComparison.Ordinal);
    }
}
