using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Imports;
using CertHub.Core.Registrations;
using CertHub.Core.Registrations.Import;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Documents.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Faults;

/// <summary>
/// Issue 10, 批量导入报考 that fails as a whole: a wrong template, an unreadable file, a refused plan or the database failing
/// after the rows were bulk-inserted keeps no registration and leaves one 导入失败 record of the school with the reason.
/// </summary>
public sealed class RegistrationImportFaultTests : IDisposable
{
    private static readonly ImportFailureRetry ShortRetry = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50));
    private readonly SqliteTestDb _db = new();
    private readonly MemoryFileStore _files = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(2));
    private readonly RecordingChangeFeed _changes = new();
    private readonly RegistrationScenario _s;

    public RegistrationImportFaultTests() => _s = RegistrationScenario.SaveIn(_db);

    public void Dispose() => _db.Dispose();

    private RegistrationImportRequest ByCertificate => new(_s.ByCertificatePlanId, RegistrationMode.ByCertificate);

    private RegistrationImportService Imports(DatabaseOutage? outage = null) =>
        new(outage is null ? _db.FactoryFor(_s.School) : _db.FactoryFor(_s.School, outage), _s.School, new RegistrationSheet(), _files, _changes, _clock, ShortRetry);

    private async Task<ImportRecord> SingleRecordAsync()
    {
        await using var db = _db.OpenAsSystem();
        Assert.Equal(0, await db.Set<Registration>().CountAsync());
        return await db.Set<ImportRecord>().AsNoTracking().SingleAsync();
    }

    [Fact]
    public async Task ImportAsync_Should_RecordFailure_NamingMissingColumns_When_TemplateIsWrong()
    {
        using var file = ImportFaultFiles.WrongTemplate();

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Imports().ImportAsync(ByCertificate, file, "旧报考模板.xlsx", null, default));

        Assert.StartsWith(ImportFaultFiles.WrongTemplatePrefix, ex.Message, StringComparison.Ordinal);
        Assert.Contains(RegistrationImportTemplate.IdNumber, ex.Message, StringComparison.Ordinal);
        var record = await SingleRecordAsync();
        Assert.Equal((ImportKind.RegistrationImport, "旧报考模板.xlsx", 0, ex.Message, (int?)_s.SchoolId),
            (record.Kind, record.FileName, record.SucceededRows, record.FailureReason, record.SchoolId));
        Assert.Contains(_changes.Published, n => n.Topic == "imports" && n.SchoolId == _s.SchoolId);
    }

    [Fact]
    public async Task ImportAsync_Should_RecordFailure_When_FileIsUnreadable()
    {
        using var file = ImportFaultFiles.Garbage();

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Imports().ImportAsync(ByCertificate, file, "报考.xlsx", null, default));

        Assert.Equal(ImportSheets.UnreadableFile, ex.Message);
        Assert.Equal(ImportSheets.UnreadableFile, (await SingleRecordAsync()).FailureReason);
    }

    [Fact]
    public async Task ImportAsync_Should_RecordFailure_When_PlanIsRefused()
    {
        using var file = RegistrationScenario.Sheet(RegistrationMode.ByCertificate, _s.CertificateRow("good"));

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Imports().ImportAsync(new RegistrationImportRequest(_s.BySubjectPlanId, RegistrationMode.ByCertificate), file, "报考.xlsx", null, default));

        Assert.Contains("按科目导入", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ex.Message, (await SingleRecordAsync()).FailureReason);
    }

    [Fact]
    public async Task ImportAsync_Should_KeepNoRegistration_AndRecordFailure_When_DatabaseFailsAfterTheRowsWereWritten()
    {
        var outage = new DatabaseOutage { WritesBeforeOutage = 0, Persistent = false }; // bulk INSERTs went through; the 导入记录 meets the outage
        using var file = RegistrationScenario.Sheet(RegistrationMode.ByCertificate, _s.CertificateRow("good"), _s.CertificateRow("public"), _s.CertificateRow("uncovered"));

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Imports(outage).ImportAsync(ByCertificate, file, "报考.xlsx", null, default));

        Assert.Equal(RegistrationImportService.DatabaseFailed, ex.Message);
        Assert.Equal(1, outage.Failures);
        var record = await SingleRecordAsync();
        Assert.Equal((0, 3, RegistrationImportService.DatabaseFailed, (int?)_s.SchoolId, (string?)null),
            (record.SucceededRows, record.FailedRows, record.FailureReason, record.SchoolId, record.FailedRowsFilePath));
    }

    [Fact]
    public async Task ImportAsync_Should_KeepNoRegistration_AndRecordFailure_When_CommitFails()
    {
        var outage = ImportFaultFiles.CommitFailsOnce();
        using var file = RegistrationScenario.Sheet(RegistrationMode.ByCertificate, _s.CertificateRow("good"), _s.CertificateRow("public"));

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Imports(outage).ImportAsync(ByCertificate, file, "报考.xlsx", null, default));

        Assert.Equal(RegistrationImportService.DatabaseFailed, ex.Message);
        Assert.True(outage.Writes > 0, "the registrations were written inside the transaction before the commit failed");
        var record = await SingleRecordAsync();
        Assert.Equal((0, 2, true), (record.SucceededRows, record.FailedRows, record.HasFailed));
    }
}
