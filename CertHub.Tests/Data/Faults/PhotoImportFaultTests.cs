using CertHub.Core.Candidates;
using CertHub.Core.Candidates.Import;
using CertHub.Core.Common;
using CertHub.Core.Imports;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Documents.Excel;
using CertHub.Web.Imaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Faults;

/// <summary>
/// Issue 10, 批量导入考生照片 that fails as a whole: a file that is no zip, a zip refused by its limits or the database failing
/// at the one save attaches no photo and leaves one 导入失败 record of the school with the reason.
/// </summary>
public sealed class PhotoImportFaultTests : IDisposable
{
    private const string IdA = "110101199003074477";
    private const string IdB = "11010519491231002X";
    private static readonly ImportFailureRetry ShortRetry = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50));
    private readonly SqliteTestDb _db = new();
    private readonly MemoryFileStore _files = new();
    private readonly RecordingChangeFeed _changes = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(2));
    private readonly ACatalog _catalog;

    public PhotoImportFaultTests() => _catalog = ACatalogSeed.SeedAsync(_db).GetAwaiter().GetResult();

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: _catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学");

    private PhotoZipImport Photos(DatabaseOutage? outage = null) =>
        new(outage is null ? _db.FactoryFor(School) : _db.FactoryFor(School, outage), School, _files, new SkiaImageInspector(), new SkiaPhotoBackgroundCheck(),
            _changes, new CandidateSheet(), _clock, ShortRetry);

    private Task<int> CreateAsync(string id) =>
        new CandidateService(_db.FactoryFor(School), School, _files, new SkiaImageInspector(), new BuiltInIdentityVerifier(_clock), new RecordingChangeFeed(), _clock)
            .CreateAsync(CandidateType.SchoolCandidate,
                new CandidateDetails("张三", null, IdType.ResidentIdCard, id, Phone: "13812345678", MajorId: _catalog.Major.Id, EnrollmentYear: 2021), default);

    private async Task<ImportRecord> SingleRecordAsync()
    {
        await using var db = _db.OpenAsSystem();
        Assert.Equal(0, await db.Set<Candidate>().CountAsync(c => c.PhotoPath != null));
        return await db.Set<ImportRecord>().AsNoTracking().SingleAsync();
    }

    [Fact]
    public async Task ImportAsync_Should_RecordFailure_When_FileIsNoZip()
    {
        using var file = ImportFaultFiles.Garbage();

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Photos().ImportAsync(file, "照片.zip", PhotoZipLimits.Default, null, default));

        Assert.Equal("文件不是有效的zip压缩包", ex.Message);
        var record = await SingleRecordAsync();
        Assert.Equal((ImportKind.PhotoImport, "照片.zip", 0, ex.Message, (int?)_catalog.School.Id), (record.Kind, record.FileName, record.SucceededRows, record.FailureReason, record.SchoolId));
        Assert.Contains(_changes.Published, n => n.Topic == "imports" && n.SchoolId == _catalog.School.Id);
    }

    [Fact]
    public async Task ImportAsync_Should_RecordFailure_When_ZipHasTooManyFiles()
    {
        await CreateAsync(IdA);
        using var zip = CandidateTestFiles.Zip(($"{IdA}.jpg", CandidateTestFiles.Photo()), ($"{IdB}.jpg", CandidateTestFiles.Photo()));

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Photos().ImportAsync(zip, "照片.zip", new PhotoZipLimits(MaxEntries: 1), null, default));

        Assert.Equal("压缩包内文件过多（最多1个）", ex.Message);
        Assert.Equal(ex.Message, (await SingleRecordAsync()).FailureReason);
    }

    [Fact]
    public async Task ImportAsync_Should_AttachNoPhoto_AndRecordFailure_When_DatabaseFailsAtTheSave()
    {
        await CreateAsync(IdA);
        await CreateAsync(IdB);
        var outage = ImportFaultFiles.CommitFailsOnce();
        using var zip = CandidateTestFiles.Zip(($"{IdA}.jpg", CandidateTestFiles.Photo()), ($"{IdB}.jpg", CandidateTestFiles.Photo()));

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Photos(outage).ImportAsync(zip, "照片.zip", PhotoZipLimits.Default, null, default));

        Assert.Equal(PhotoZipImport.DatabaseFailed, ex.Message);
        Assert.Equal(1, outage.Failures);
        var record = await SingleRecordAsync();
        Assert.Equal((0, 2, PhotoZipImport.DatabaseFailed), (record.SucceededRows, record.FailedRows, record.FailureReason));
        await using var db = _db.OpenAsSystem();
        Assert.All(await db.Set<Candidate>().ToListAsync(), c => Assert.Equal(CandidateInfoStatus.NoPhoto, c.InfoStatus));
    }
}
