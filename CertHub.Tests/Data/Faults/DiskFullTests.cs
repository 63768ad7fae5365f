using CertHub.Core.Candidates;
using CertHub.Core.Candidates.Import;
using CertHub.Core.Common;
using CertHub.Core.Imports;
using CertHub.Core.Issuance;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Documents.Excel;
using CertHub.Web.Imaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Faults;

/// <summary>
/// Issue 10, the file store's disk full (ENOSPC) during 上传照片, 批量导入照片, 确认签发 and certificate generation: the upload is
/// refused with 存储空间不足，上传失败, nothing points to a file that was not stored, and a certificate goes 证书生成失败 with the
/// reason 存储空间不足 and can be generated again once there is space.
/// </summary>
public sealed class DiskFullTests : IDisposable
{
    private const string IdA = "110101199003074477";
    private const string IdB = "11010519491231002X";
    private readonly SqliteTestDb _db = new();
    private readonly MemoryFileStore _memory = new();
    private readonly FullDiskFileStore _files;
    private readonly FakeTimeProvider _clock = new(ADomain.Day(2));
    private readonly ACatalog _catalog;

    public DiskFullTests()
    {
        _catalog = ACatalogSeed.SeedAsync(_db).GetAwaiter().GetResult();
        _files = new FullDiskFileStore(_memory) { SavesBeforeFull = int.MaxValue };
    }

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: _catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学");

    private CandidateService Candidates() =>
        new(_db.FactoryFor(School), School, _files, new SkiaImageInspector(), new BuiltInIdentityVerifier(_clock), new RecordingChangeFeed(), _clock);

    private PhotoZipImport Photos() =>
        new(_db.FactoryFor(School), School, _files, new SkiaImageInspector(), new SkiaPhotoBackgroundCheck(), new RecordingChangeFeed(), new CandidateSheet(), _clock);

    private Task<int> CreateAsync(string id) => Candidates().CreateAsync(CandidateType.SchoolCandidate,
        new CandidateDetails("张三", null, IdType.ResidentIdCard, id, Phone: "13812345678", MajorId: _catalog.Major.Id, EnrollmentYear: 2021), default);

    [Fact]
    public async Task UploadPhoto_Should_BeRefusedInChinese_AndChangeNothing_When_DiskIsFull()
    {
        var id = await CreateAsync(IdA);
        _files.SavesBeforeFull = 0;

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Candidates().UploadPhotoAsync(id, CandidateTestFiles.Photo(), default));

        Assert.Equal(StorageFaults.StorageFull, ex.Message);
        var detail = (await Candidates().GetAsync(id, default))!;
        Assert.Equal(CandidateInfoStatus.NoPhoto, detail.InfoStatus);
        Assert.Null(await Candidates().GetPhotoPathAsync(id, default));
        Assert.Empty(_memory.Files);
    }

    [Fact]
    public async Task PhotoZipImport_Should_KeepStoredPhotos_AndFailTheRestWithReason_When_DiskFillsUp()
    {
        var a = await CreateAsync(IdA);
        var b = await CreateAsync(IdB);
        _files.SavesBeforeFull = 1; // the first photo fits, then the disk is full (the failed-photos file does not fit either)
        using var zip = CandidateTestFiles.Zip(($"{IdA}.jpg", CandidateTestFiles.Photo()), ($"{IdB}.jpg", CandidateTestFiles.Photo()));

        var result = await Photos().ImportAsync(zip, "照片.zip", PhotoZipLimits.Default, null, default);

        Assert.Equal(1, result.Succeeded);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(($"{IdB}.jpg", StorageFaults.StorageFull), (failure.FileName, failure.Reason));
        Assert.Null(result.FailedRowsPath);
        await using var db = _db.OpenAsSystem();
        var record = await db.Set<ImportRecord>().AsNoTracking().SingleAsync();
        Assert.Equal((ImportKind.PhotoImport, 1, 1, (string?)null), (record.Kind, record.SucceededRows, record.FailedRows, record.FailedRowsFilePath));
        var stored = await db.Set<Candidate>().AsNoTracking().Where(c => c.Id == a || c.Id == b).ToDictionaryAsync(c => c.Id);
        Assert.True(_memory.Files.ContainsKey(stored[a].PhotoPath!)); // no candidate points to a file that is not there
        Assert.Null(stored[b].PhotoPath);
        Assert.Equal(CandidateInfoStatus.NoPhoto, stored[b].InfoStatus);
    }

    [Fact]
    public async Task SignAsync_Should_BeRefusedInChinese_AndSignNothing_When_SignatureCannotBeStored()
    {
        using var harness = new IssuanceHarness();
        var ids = await harness.GenerateAsync(3);
        var full = new FullDiskFileStore(harness.Files) { SavesBeforeFull = 0 };
        var service = new IssuanceService(harness.Db.FactoryFor(harness.Chain.Organization), harness.Chain.Organization, full, harness.Changes,
            harness.Clock, harness.Queue);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => service.SignAsync(ids, IssuanceHarness.Signature(), default));

        Assert.Equal(StorageFaults.StorageFull, ex.Message);
        Assert.All(ids, id => Assert.Equal(IssuanceStatus.OrgPendingSign, harness.StatusOf(id)));
    }

    [Fact]
    public async Task CertificateGeneration_Should_FailWithStorageReason_AndSucceedOnRetry_When_DiskIsFull()
    {
        using var scenario = new IssuingScenario();
        var id = scenario.SaveRecord();
        var full = new FullDiskFileStore(scenario.Files) { Under = "certificates/", SavesBeforeFull = 0 };
        var issuing = new CertificateIssuing(scenario.SystemFactory, full, scenario.Renderer, scenario.Changes, scenario.Clock,
            new CertificateIssuingOptions("https://certhub.example", 50) { WorkerId = "test-worker" });

        Assert.Equal(1, await issuing.ProcessPendingAsync(100, CancellationToken.None));

        var failed = scenario.Load(id);
        Assert.Equal(IssuanceStatus.SealFailed, failed.Status);
        Assert.Equal("证书生成失败：" + StorageFaults.StorageFullReason, failed.FailureReason);
        Assert.Null(failed.PdfPath);
        Assert.Null(failed.CertificateNo);
        Assert.DoesNotContain(scenario.Files.Files.Keys, k => k.StartsWith("certificates/", StringComparison.Ordinal));

        full.SavesBeforeFull = int.MaxValue; // space freed; 重新发放 retries later
        scenario.Clock.Advance(TimeSpan.FromDays(1));
        scenario.Reissue(id); // 盖章失败 → 证书待发放, then 发放 again
        Assert.Equal(IssuanceStatus.PendingIssue, scenario.Load(id).Status);
        using (var db = scenario.Db.OpenAsSystem())
        {
            db.Set<IssuanceRecord>().Single(r => r.Id == id).Issue(IssueMethod.Electronic, "中物联(wl)", scenario.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await issuing.ProcessPendingAsync(100, CancellationToken.None));

        var issued = scenario.Load(id);
        Assert.Equal(IssuanceStatus.Issued, issued.Status);
        Assert.True(scenario.Files.Files.ContainsKey(issued.PdfPath!));
    }
}
