using CertHub.Core.Common;
using CertHub.Core.Imports;
using CertHub.Core.Invigilators;
using CertHub.Core.Invigilators.Import;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Documents.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Faults;

/// <summary>
/// Issue 10, 批量导入监考人员 that fails as a whole: a wrong template, an unreadable file or the database failing between the
/// invigilators' and the applications' inserts keeps no invigilator and leaves one 导入失败 record of the school with the reason.
/// </summary>
public sealed class InvigilatorImportFaultTests : IDisposable
{
    private const string Certificate = "信息化应用职业技能等级证书";
    private static readonly ImportFailureRetry ShortRetry = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50));
    private readonly SqliteTestDb _db = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(2));
    private readonly MemoryFileStore _files = new();
    private readonly RecordingChangeFeed _changes = new();
    private readonly ACatalog _catalog;

    public InvigilatorImportFaultTests() => _catalog = ACatalogSeed.SeedAsync(_db).GetAwaiter().GetResult();

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: _catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学");

    private InvigilatorImportService Imports(DatabaseOutage? outage = null) =>
        new(outage is null ? _db.FactoryFor(School) : _db.FactoryFor(School, outage), School, new InvigilatorSheet(), _files, _changes, _clock, ShortRetry);

    private static Dictionary<string, string?> Row(string name, string id) => new()
    {
        [InvigilatorImportTemplate.Name] = name,
        [InvigilatorImportTemplate.IdNumber] = id,
        [InvigilatorImportTemplate.Phone] = "13812345678",
        [InvigilatorImportTemplate.Region] = "北京市海淀区",
        [InvigilatorImportTemplate.Title] = "讲师",
        [InvigilatorImportTemplate.Department] = "信息学院",
        [InvigilatorImportTemplate.Certificates] = $"{Certificate}(初级)",
    };

    private async Task<ImportRecord> SingleRecordAsync()
    {
        await using var db = _db.OpenAsSystem();
        Assert.Equal(0, await db.Set<Invigilator>().CountAsync());
        Assert.Equal(0, await db.Set<InvigilatorCertification>().CountAsync());
        return await db.Set<ImportRecord>().AsNoTracking().SingleAsync();
    }

    [Fact]
    public async Task ImportAsync_Should_RecordFailure_NamingMissingColumns_When_TemplateIsWrong()
    {
        using var file = ImportFaultFiles.WrongTemplate();

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Imports().ImportAsync(file, "旧监考模板.xlsx", null, default));

        Assert.StartsWith(ImportFaultFiles.WrongTemplatePrefix, ex.Message, StringComparison.Ordinal);
        Assert.Contains(InvigilatorImportTemplate.Certificates, ex.Message, StringComparison.Ordinal);
        var record = await SingleRecordAsync();
        Assert.Equal((ImportKind.InvigilatorImport, "旧监考模板.xlsx", 0, ex.Message, (int?)_catalog.School.Id),
            (record.Kind, record.FileName, record.SucceededRows, record.FailureReason, record.SchoolId));
        Assert.Contains(_changes.Published, n => n.Topic == "imports" && n.SchoolId == _catalog.School.Id);
    }

    [Fact]
    public async Task ImportAsync_Should_RecordFailure_When_FileIsUnreadable()
    {
        using var file = ImportFaultFiles.Garbage();

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Imports().ImportAsync(file, "监考人员.xlsx", null, default));

        Assert.Equal(ImportSheets.UnreadableFile, ex.Message);
        Assert.Equal(ImportSheets.UnreadableFile, (await SingleRecordAsync()).FailureReason);
    }

    [Fact]
    public async Task ImportAsync_Should_KeepNoInvigilator_AndRecordFailure_When_DatabaseFailsAfterTheInvigilatorsWereInserted()
    {
        var outage = new DatabaseOutage { WritesBeforeOutage = 1, Persistent = false };
        using var file = new MemoryStream();
        await InvigilatorSheet.WriteRowsAsync(file, [Row("王伟", "110101199003074477"), Row("李娜", "11010519491231002X")]);
        file.Position = 0;

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Imports(outage).ImportAsync(file, "监考人员.xlsx", null, default));

        Assert.Equal(InvigilatorImportService.DatabaseFailed, ex.Message);
        Assert.True(outage.Writes > 1, "a write after the first one met the outage");
        var record = await SingleRecordAsync();
        Assert.Equal((0, 2, InvigilatorImportService.DatabaseFailed, (int?)_catalog.School.Id), (record.SucceededRows, record.FailedRows, record.FailureReason, record.SchoolId));
    }
}
