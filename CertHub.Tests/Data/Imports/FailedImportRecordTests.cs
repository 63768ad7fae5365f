using CertHub.Core.Candidates;
using CertHub.Core.Candidates.Import;
using CertHub.Core.Common;
using CertHub.Core.Imports;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Documents.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;

namespace CertHub.Tests.Data.Imports;

/// <summary>
/// An import that fails as a whole (wrong template, unreadable file) keeps nothing and leaves a 导入记录 marked 导入失败 with
/// the Chinese reason the user was shown; 导入记录 lists it with the reason, to its own school only.
/// </summary>
public sealed class FailedImportRecordTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(2));
    private readonly ACatalog _catalog;

    public FailedImportRecordTests() => _catalog = ACatalogSeed.SeedAsync(_db).GetAwaiter().GetResult();

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: _catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学", UserId: "u-1");

    private FixedCurrentUser OtherSchool => new(UserRole.SchoolAdmin, SchoolId: _catalog.OtherSchool.Id, UserName: "ncut", DisplayName: "北方工业大学", UserId: "u-2");

    private CandidateImportService Imports() =>
        new(_db.FactoryFor(School), School, new CandidateSheet(), new MemoryFileStore(), new RecordingChangeFeed(), _clock);

    private static MemoryStream WrongTemplate()
    {
        var stream = new MemoryStream();
        stream.SaveAs(new[] { new Dictionary<string, object?> { ["姓名"] = "张三", ["电话"] = "13812345678" } }, sheetName: "考生信息");
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public async Task ImportAsync_Should_RecordFailureReason_When_TemplateIsWrong()
    {
        using var sheet = WrongTemplate();

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Imports().ImportAsync(sheet, "旧模板.xlsx", CandidateImportMode.Create, null, default));

        Assert.StartsWith("导入文件与模板不符，缺少列：", ex.Message, StringComparison.Ordinal);
        await using var db = _db.OpenAsSystem();
        Assert.Equal(0, await db.Set<Candidate>().CountAsync(c => c.SchoolId == _catalog.School.Id));
        var record = await db.Set<ImportRecord>().AsNoTracking().SingleAsync();
        Assert.Equal((ImportKind.CandidateImport, "旧模板.xlsx", 0, true, ex.Message, (int?)_catalog.School.Id),
            (record.Kind, record.FileName, record.SucceededRows, record.HasFailed, record.FailureReason, record.SchoolId));
    }

    [Fact]
    public async Task ImportAsync_Should_RecordFailureReason_When_FileIsUnreadable()
    {
        using var garbage = new MemoryStream("这不是一个xlsx文件"u8.ToArray());

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Imports().ImportAsync(garbage, "考生.xlsx", CandidateImportMode.Update, null, default));

        Assert.Equal(ImportSheets.UnreadableFile, ex.Message);
        await using var db = _db.OpenAsSystem();
        var record = await db.Set<ImportRecord>().AsNoTracking().SingleAsync();
        Assert.Equal((ImportKind.CandidateUpdate, ImportSheets.UnreadableFile), (record.Kind, record.FailureReason));
    }

    [Fact]
    public async Task ListAsync_Should_ShowFailureReason_ToOwnSchoolOnly()
    {
        using (var sheet = WrongTemplate())
        {
            await Assert.ThrowsAsync<DomainRuleException>(() => Imports().ImportAsync(sheet, "旧模板.xlsx", CandidateImportMode.Create, null, default));
        }

        using (var sheet = CandidateTestFiles.Sheet(CandidateTestFiles.Row("张三", ADomain.ValidIdNumber)))
        {
            Assert.Equal(1, (await Imports().ImportAsync(sheet, "好.xlsx", CandidateImportMode.Create, null, default)).Succeeded);
        }

        var own = await new ImportRecordQueries(_db.FactoryFor(School), School).ListAsync(null, new PageRequest(1, 20), default);
        var other = await new ImportRecordQueries(_db.FactoryFor(OtherSchool), OtherSchool).ListAsync(null, new PageRequest(1, 20), default);

        Assert.Equal(["好.xlsx", "旧模板.xlsx"], own.Items.Select(i => i.FileName));
        Assert.Null(own.Items[0].FailureReason);
        Assert.StartsWith("导入文件与模板不符", own.Items[1].FailureReason, StringComparison.Ordinal);
        Assert.Empty(other.Items);
    }
}
