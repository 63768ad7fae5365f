using CertHub.Core.Common;
using CertHub.Core.Imports;
using CertHub.Core.Scores;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Documents.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Faults;

/// <summary>
/// Issue 10, 成绩导入 that fails as a whole: a wrong template, an unreadable file, outside the 成绩登记时间 or the database
/// failing at the commit keeps no score and leaves one 导入失败 record of the organisation, which no other tenant lists.
/// </summary>
public sealed class ScoreImportFaultTests : IDisposable
{
    private static readonly ImportFailureRetry ShortRetry = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50));
    private readonly SqliteTestDb _db = new();
    private readonly MemoryFileStore _files = new();
    private readonly RecordingChangeFeed _changes = new();
    private readonly FakeTimeProvider _clock = new(AScoredPlan.InEntry);
    private readonly AScoredPlan _plan;

    public ScoreImportFaultTests() => _plan = AScoredPlan.SaveIn(_db);

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser Org => new(UserRole.OrgAdmin, OrganizationId: _plan.Seed.OrganizationId, UserName: "wl", DisplayName: "中物联物流");

    private FixedCurrentUser OtherOrg => new(UserRole.OrgAdmin, OrganizationId: _plan.Seed.OrganizationId + 1000, UserName: "tedu", DisplayName: "达内教育");

    private FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: _plan.Seed.SchoolId, UserName: "ustb", DisplayName: "北京科技大学");

    private ScoreService Scores(DatabaseOutage? outage = null) =>
        new(outage is null ? _db.FactoryFor(Org) : _db.FactoryFor(Org, outage), Org, new ScoreSheet(), _files, _changes, _clock, ShortRetry);

    private async Task<MemoryStream> GoodFileAsync()
    {
        var file = new MemoryStream();
        await ScoreSheet.WriteRowsAsync(file, [_plan.A1.Row(1, "88").Cells, _plan.A2.Row(2, "75").Cells, _plan.B1.Row(3, "59").Cells]);
        file.Position = 0;
        return file;
    }

    private async Task<ImportRecord> SingleRecordAsync()
    {
        await using var db = _db.OpenAsSystem();
        Assert.Equal(0, await db.Set<SubjectScore>().CountAsync());
        return await db.Set<ImportRecord>().AsNoTracking().SingleAsync();
    }

    [Fact]
    public async Task ImportAsync_Should_RecordFailure_NamingMissingColumns_When_TemplateIsWrong()
    {
        using var file = ImportFaultFiles.WrongTemplate();

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Scores().ImportAsync(_plan.Chain.ExamPlanId, file, "旧成绩模板.xlsx", null, default));

        Assert.StartsWith(ImportFaultFiles.WrongTemplatePrefix, ex.Message, StringComparison.Ordinal);
        var record = await SingleRecordAsync();
        Assert.Equal((ImportKind.ScoreImport, "旧成绩模板.xlsx", 0, ex.Message, (int?)_plan.Seed.OrganizationId, (int?)null),
            (record.Kind, record.FileName, record.SucceededRows, record.FailureReason, record.OrganizationId, record.SchoolId));
        Assert.Contains(_changes.Published, n => n.Topic == "imports" && n.OrganizationId == _plan.Seed.OrganizationId);
    }

    [Fact]
    public async Task ImportAsync_Should_RecordFailure_When_FileIsUnreadable()
    {
        using var file = ImportFaultFiles.Garbage();

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Scores().ImportAsync(_plan.Chain.ExamPlanId, file, "成绩.xlsx", null, default));

        Assert.Equal(ImportSheets.UnreadableFile, ex.Message);
        Assert.Equal(ImportSheets.UnreadableFile, (await SingleRecordAsync()).FailureReason);
    }

    [Fact]
    public async Task ImportAsync_Should_RecordFailure_WithRowsRead_When_OutsideScoreEntry()
    {
        _clock.SetUtcNow(AScoredPlan.AfterNotice);
        using var file = await GoodFileAsync();

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Scores().ImportAsync(_plan.Chain.ExamPlanId, file, "成绩.xlsx", null, default));

        var record = await SingleRecordAsync();
        Assert.Equal((0, 3, ex.Message), (record.SucceededRows, record.FailedRows, record.FailureReason));
    }

    [Fact]
    public async Task ImportAsync_Should_KeepNoScore_AndRecordFailure_OfTheOrganisationOnly_When_DatabaseFailsAtCommit()
    {
        var outage = ImportFaultFiles.CommitFailsOnce();
        using var file = await GoodFileAsync();

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Scores(outage).ImportAsync(_plan.Chain.ExamPlanId, file, "成绩.xlsx", null, default));

        Assert.Equal(ScoreService.ImportDatabaseFailed, ex.Message);
        Assert.True(outage.Writes > 0, "the scores were written inside the transaction before the commit failed");
        var record = await SingleRecordAsync();
        Assert.Equal((0, 3, ScoreService.ImportDatabaseFailed), (record.SucceededRows, record.FailedRows, record.FailureReason));

        var own = await new ImportRecordQueries(_db.FactoryFor(Org), Org).ListAsync(null, new PageRequest(), default);
        Assert.Equal(ScoreService.ImportDatabaseFailed, Assert.Single(own.Items).FailureReason);
        Assert.Empty((await new ImportRecordQueries(_db.FactoryFor(OtherOrg), OtherOrg).ListAsync(null, new PageRequest(), default)).Items);
        Assert.Empty((await new ImportRecordQueries(_db.FactoryFor(School), School).ListAsync(null, new PageRequest(), default)).Items);
    }
}
