using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Exams.RoomImport;
using CertHub.Core.Imports;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Documents.Excel;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Data.Faults;

/// <summary>
/// Issue 10, 批量导入考场信息 that fails as a whole: a wrong template, an unreadable file or the database failing at the
/// commit keeps no room and leaves one 导入失败 record (成功 0) of the importing school with the Chinese reason.
/// </summary>
public sealed class RoomImportFaultTests : IAsyncLifetime
{
    private const string CertificateName = "信息化应用职业技能等级证书";
    private static readonly ImportFailureRetry ShortRetry = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50));
    private readonly MemoryFileStore _files = new();
    private ARoomScenario _s = default!;

    public async Task InitializeAsync() => _s = await ARoomScenario.CreateAsync();

    public Task DisposeAsync()
    {
        _s.Dispose();
        return Task.CompletedTask;
    }

    private ExamRoomImportService Imports(ICurrentUser user, DatabaseOutage? outage = null, IFileStore? files = null) =>
        new(outage is null ? _s.Db.FactoryFor(user) : _s.Db.FactoryFor(user, outage), user, new ExamRoomSheet(), files ?? _files, _s.Changes, _s.Clock, ShortRetry);

    private async Task<ImportRecord> SingleRecordAsync()
    {
        await using var db = _s.Db.OpenAsSystem();
        Assert.Equal(0, await db.Set<ExamRoom>().CountAsync());
        return await db.Set<ImportRecord>().AsNoTracking().SingleAsync();
    }

    [Fact]
    public async Task ImportAsync_Should_RecordFailure_NamingMissingColumns_When_TemplateIsWrong()
    {
        using var file = ImportFaultFiles.WrongTemplate();

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Imports(_s.School).ImportAsync(file, "旧考场模板.xlsx", null, default));

        Assert.StartsWith(ImportFaultFiles.WrongTemplatePrefix, ex.Message, StringComparison.Ordinal);
        Assert.Contains(ExamRoomImportTemplate.Name, ex.Message, StringComparison.Ordinal);
        var record = await SingleRecordAsync();
        Assert.Equal((ImportKind.RoomImport, "旧考场模板.xlsx", 0, true, ex.Message, (int?)_s.Catalog.School.Id, (int?)null),
            (record.Kind, record.FileName, record.SucceededRows, record.HasFailed, record.FailureReason, record.SchoolId, record.OrganizationId));
        Assert.Contains(_s.Changes.Published, n => n.Topic == "imports" && n.SchoolId == _s.Catalog.School.Id);
    }

    [Fact]
    public async Task ImportAsync_Should_RecordFailure_When_FileIsUnreadable()
    {
        using var file = ImportFaultFiles.Garbage();

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Imports(_s.School).ImportAsync(file, "考场.xlsx", null, default));

        Assert.Equal(ImportSheets.UnreadableFile, ex.Message);
        Assert.Equal(ImportSheets.UnreadableFile, (await SingleRecordAsync()).FailureReason);
    }

    [Fact]
    public async Task ImportAsync_Should_KeepNoRoom_AndRecordFailure_When_DatabaseFailsAtCommit()
    {
        var subject = await _s.SubjectAsync("KM001");
        var plan = await _s.PlanAsync(subject);
        var site = await _s.SiteAsync();
        var outage = ImportFaultFiles.CommitFailsOnce();
        using var file = ExamRoomSheetFile(
            [plan.Name, site.Name, CertificateName, "初级", "KM001", "第一考场", "主楼301", "40"],
            [plan.Name, site.Name, CertificateName, "初级", "KM001", "第二考场", "主楼302", "30"]);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Imports(_s.School, outage).ImportAsync(file, "考场.xlsx", null, default));

        Assert.Equal(ExamRoomImportService.DatabaseFailed, ex.Message);
        Assert.Equal(1, outage.Failures);
        Assert.True(outage.Writes > 0, "the rooms were written inside the transaction before the commit failed");
        var record = await SingleRecordAsync();
        Assert.Equal((0, 2, ExamRoomImportService.DatabaseFailed, (int?)_s.Catalog.School.Id), (record.SucceededRows, record.FailedRows, record.FailureReason, record.SchoolId));

        var other = await new ImportRecordQueries(_s.Db.FactoryFor(_s.OtherSchool), _s.OtherSchool).ListAsync(null, new PageRequest(), default);
        Assert.Empty(other.Items);
        var own = await new ImportRecordQueries(_s.Db.FactoryFor(_s.School), _s.School).ListAsync(ImportKind.RoomImport, new PageRequest(), default);
        Assert.Equal(ExamRoomImportService.DatabaseFailed, Assert.Single(own.Items).FailureReason);
    }

    [Fact]
    public async Task ImportAsync_Should_KeepNoRoom_AndRecordFailure_When_FailedRowsFileDoesNotFit()
    {
        var subject = await _s.SubjectAsync("KM001");
        var plan = await _s.PlanAsync(subject);
        var site = await _s.SiteAsync();
        var full = new FullDiskFileStore(_files) { SavesBeforeFull = 0 };
        using var file = ExamRoomSheetFile(
            [plan.Name, site.Name, CertificateName, "初级", "KM001", "第一考场", "主楼301", "40"],
            [plan.Name, site.Name, CertificateName, "初级", "KM999", "第二考场", "主楼302", "30"]);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Imports(_s.School, files: full).ImportAsync(file, "考场.xlsx", null, default));

        Assert.Equal(StorageFaults.StorageFull, ex.Message);
        Assert.Equal(1, full.Refused);
        var record = await SingleRecordAsync();
        Assert.Equal((0, 2, StorageFaults.StorageFull), (record.SucceededRows, record.FailedRows, record.FailureReason));
    }

    [Fact]
    public async Task ImportAsync_Should_RecordNothing_When_Cancelled()
    {
        using var file = ImportFaultFiles.WrongTemplate();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Imports(_s.School).ImportAsync(file, "考场.xlsx", null, cancelled.Token));

        await using var db = _s.Db.OpenAsSystem();
        Assert.Equal(0, await db.Set<ImportRecord>().CountAsync());
    }

    private static MemoryStream ExamRoomSheetFile(params string?[][] rows)
    {
        var stream = new MemoryStream();
        ExamRoomSheet.WriteRowsAsync(stream, rows).GetAwaiter().GetResult();
        stream.Position = 0;
        return stream;
    }
}
