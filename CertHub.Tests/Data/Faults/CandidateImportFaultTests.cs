using System.Globalization;
using CertHub.Core.Audit;
using CertHub.Core.Candidates;
using CertHub.Core.Candidates.Import;
using CertHub.Core.Common;
using CertHub.Core.Imports;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Documents.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Faults;

/// <summary>
/// Issue 10, the database gone mid-import (批量导入考生信息 / 批量修改考生信息): the import's one transaction is rolled back —
/// no candidate and no audit row of the file remain, no edit is kept — the user gets a clear Chinese message, and a failed
/// 导入记录 (成功 0) with the reason is written when the database answers again (retried within a bounded budget; here 0.5 s).
/// </summary>
public sealed class CandidateImportFaultTests : IDisposable
{
    private const int Rows = 3_000; // two flushes of CandidateImportService.BatchSize
    private readonly SqliteTestDb _db = SqliteTestDb.InFile();
    private readonly MemoryFileStore _files = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(2));
    private readonly DatabaseOutage _outage = new();
    private readonly ACatalog _catalog;

    public CandidateImportFaultTests() => _catalog = ACatalogSeed.SeedAsync(_db).GetAwaiter().GetResult();

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: _catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学", UserId: "u-1");

    private static readonly ImportFailureRetry ShortRetry = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50));

    private CandidateImportService Imports(bool faulty = true) =>
        new(faulty ? new FaultyDbFactory(_db, School, _outage) : _db.FactoryFor(School), School, new CandidateSheet(), _files, new RecordingChangeFeed(), _clock,
            ShortRetry);

    private static string IdFor(int i)
    {
        var first17 = string.Create(CultureInfo.InvariantCulture, $"110101{new DateOnly(1999, 1, 1).AddDays(i / 1000):yyyyMMdd}{i % 1000:D3}");
        return first17 + IdNumber.CheckCharacter(first17);
    }

    private static MemoryStream Sheet(string phone = "13812345678") =>
        CandidateTestFiles.Sheet([.. Enumerable.Range(0, Rows).Select(i => CandidateTestFiles.Row($"考生{i}", IdFor(i), phone: phone))]);

    [Fact]
    public async Task ImportAsync_Should_KeepNothing_AndRecordFailure_When_DatabaseFailsAfterTheRowsWereWritten_ThenComesBack()
    {
        _outage.WritesBeforeOutage = 0; // the bulk INSERTs went through; the next write (the 导入记录) meets the outage
        _outage.Persistent = false;
        using var sheet = Sheet();

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Imports().ImportAsync(sheet, "三千.xlsx", CandidateImportMode.Create, null, default));

        Assert.Equal(CandidateImportService.DatabaseFailed, ex.Message);
        Assert.Equal(1, _outage.Failures);
        await using var db = _db.OpenAsSystem();
        Assert.Equal(0, await db.Set<Candidate>().CountAsync(c => c.SchoolId == _catalog.School.Id));
        Assert.Equal(0, await db.Set<AuditEntry>().CountAsync(a => a.EntityType == nameof(Candidate)));
        var record = await db.Set<ImportRecord>().AsNoTracking().SingleAsync();
        Assert.Equal((ImportKind.CandidateImport, "三千.xlsx", 0, Rows, (string?)null, (int?)_catalog.School.Id),
            (record.Kind, record.FileName, record.SucceededRows, record.FailedRows, record.FailedRowsFilePath, record.SchoolId));
        Assert.Equal(CandidateImportService.DatabaseFailed, record.FailureReason);
    }

    [Fact]
    public async Task ImportAsync_Should_RetryWritingTheFailedRecord_Until_DatabaseIsBack()
    {
        _outage.FailCommit = true; // the commit fails, then the database stays away for three more attempts
        _outage.RestoreAfterFailures = 4;
        using var sheet = Sheet();

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Imports().ImportAsync(sheet, "三千.xlsx", CandidateImportMode.Create, null, default));

        Assert.Equal(CandidateImportService.DatabaseFailed, ex.Message);
        Assert.Equal(4, _outage.Failures);
        await using var db = _db.OpenAsSystem();
        Assert.Equal(0, await db.Set<Candidate>().CountAsync(c => c.SchoolId == _catalog.School.Id));
        var record = await db.Set<ImportRecord>().AsNoTracking().SingleAsync();
        Assert.Equal((0, Rows, true, CandidateImportService.DatabaseFailed), (record.SucceededRows, record.FailedRows, record.HasFailed, record.FailureReason));
    }

    [Fact]
    public async Task ImportAsync_Should_KeepNothing_AndGiveMessage_When_DatabaseStaysDownAtCommit_AndImportWholly_When_Retried()
    {
        _outage.FailCommit = true; // persistent: the failed 导入记录 cannot be written either
        using var sheet = Sheet();

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Imports().ImportAsync(sheet, "三千.xlsx", CandidateImportMode.Create, null, default));

        Assert.Equal(CandidateImportService.DatabaseFailed, ex.Message);
        Assert.True(_outage.Failures > 2, "the failed 导入记录 was retried within the budget");
        await using (var db = _db.OpenAsSystem())
        {
            Assert.Equal(0, await db.Set<Candidate>().CountAsync(c => c.SchoolId == _catalog.School.Id));
            Assert.Equal(0, await db.Set<AuditEntry>().CountAsync(a => a.EntityType == nameof(Candidate)));
            Assert.Equal(0, await db.Set<ImportRecord>().CountAsync());
        }

        _outage.Restore();
        using var again = Sheet();
        var result = await Imports().ImportAsync(again, "三千.xlsx", CandidateImportMode.Create, null, default);

        Assert.Equal((Rows, 0), (result.Succeeded, result.Failed));
        await using var after = _db.OpenAsSystem();
        Assert.Equal(Rows, await after.Set<Candidate>().CountAsync(c => c.SchoolId == _catalog.School.Id));
        Assert.Equal(Rows, await after.Set<AuditEntry>().CountAsync(a => a.EntityType == nameof(Candidate)));
    }

    [Fact]
    public async Task UpdateImport_Should_KeepNoEdit_When_DatabaseFailsBetweenFlushes()
    {
        using (var sheet = Sheet())
        {
            Assert.Equal(Rows, (await Imports(faulty: false).ImportAsync(sheet, "三千.xlsx", CandidateImportMode.Create, null, default)).Succeeded);
        }

        _outage.WritesBeforeOutage = 1; // the first flush's UPDATEs start; a later write meets the outage
        using var edits = Sheet(phone: "13900001111");

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Imports().ImportAsync(edits, "修改.xlsx", CandidateImportMode.Update, null, default));

        Assert.Equal(CandidateImportService.DatabaseFailed, ex.Message);
        Assert.True(_outage.Writes > 1);
        await using var db = _db.OpenAsSystem();
        Assert.Equal(Rows, await db.Set<Candidate>().CountAsync(c => c.SchoolId == _catalog.School.Id && c.Phone == "13812345678"));
        Assert.Equal(ImportKind.CandidateImport, (await db.Set<ImportRecord>().AsNoTracking().SingleAsync()).Kind); // down: no record of the failed edit
    }
}
