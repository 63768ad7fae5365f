using System.Globalization;
using CertHub.Core.Audit;
using CertHub.Core.Candidates;
using CertHub.Core.Candidates.Import;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Imports;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Documents.Excel;
using CertHub.Web.Imaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Candidates;

/// <summary>批量导入考生信息 at volume on SQLite: the bulk path (prepared raw INSERTs + audit rows) against the change-tracker path.</summary>
public sealed class CandidateBulkImportTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly MemoryFileStore _files = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(2));
    private readonly ACatalog _catalog;

    public CandidateBulkImportTests() => _catalog = ACatalogSeed.SeedAsync(_db).GetAwaiter().GetResult();

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: _catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学", UserId: "u-1");

    private FixedCurrentUser Other => new(UserRole.SchoolAdmin, SchoolId: _catalog.OtherSchool.Id, UserName: "ncut", DisplayName: "北方工业大学", UserId: "u-2");

    private CandidateImportService Imports(ICurrentUser user, ICertHubDbFactory? factory = null) =>
        new(factory ?? _db.FactoryFor(user), user, new CandidateSheet(), _files, new RecordingChangeFeed(), _clock);

    /// <summary>A valid, distinct 居民身份证 number for <paramref name="i"/>.</summary>
    private static string IdFor(int i)
    {
        var first17 = string.Create(CultureInfo.InvariantCulture, $"110101{new DateOnly(1999, 1, 1).AddDays(i / 1000):yyyyMMdd}{i % 1000:D3}");
        return first17 + IdNumber.CheckCharacter(first17);
    }

    private static string WrongCheckDigit(string id) => id[..17] + (id[17] == '0' ? '1' : '0');

    [Fact]
    public async Task ImportAsync_Should_BulkInsert5000Rows_WithAuditRows_AndFailedRowsFile()
    {
        Assert.IsAssignableFrom<IBulkInsert>(_db.OpenAsSystem()); // SQLite takes the bulk path
        var existing = await new CandidateService(_db.FactoryFor(School), School, _files, new SkiaImageInspector(), new BuiltInIdentityVerifier(_clock),
            new RecordingChangeFeed(), _clock).CreateAsync(CandidateType.SchoolCandidate,
            new CandidateDetails("老考生", null, IdType.ResidentIdCard, IdFor(0), MajorId: _catalog.Major.Id, EnrollmentYear: 2020), default);
        const int total = 5_000;
        var rows = Enumerable.Range(0, total).Select(i => i switch
        {
            10 => CandidateTestFiles.Row("重复", IdFor(9)),
            _ when i % 1000 == 999 => CandidateTestFiles.Row("校验位", WrongCheckDigit(IdFor(i))),
            _ => CandidateTestFiles.Row($"考生{i}", IdFor(i)),
        }).ToArray();
        using var sheet = CandidateTestFiles.Sheet(rows);

        var result = await Imports(School).ImportAsync(sheet, "五千.xlsx", CandidateImportMode.Create, null, default);

        const int failed = 1 + 1 + 5; // 已存在 (row 2), duplicate (row 12), 5 wrong check digits
        Assert.Equal((total - failed, failed), (result.Succeeded, result.Failed));
        Assert.Equal([2, 12, 1001, 2001, 3001, 4001, 5001], result.Errors.Select(e => e.RowNumber));
        Assert.Equal(CandidateMessages.IdExists, result.Errors[0].Reason);
        Assert.Equal("与第11行的证件号码重复", result.Errors[1].Reason);
        Assert.All(result.Errors.Skip(2), e => Assert.Contains("校验位", e.Reason));

        var failedRows = CandidateTestFiles.ReadBack(new MemoryStream(_files.Files[result.FailedRowsPath!]));
        Assert.Equal(["考生0", "重复", "校验位", "校验位", "校验位", "校验位", "校验位"], failedRows.Select(r => r.Name));

        await using var db = _db.OpenAsSystem();
        var record = await db.Set<ImportRecord>().SingleAsync();
        Assert.Equal((ImportKind.CandidateImport, total - failed, failed, result.FailedRowsPath), (record.Kind, record.SucceededRows, record.FailedRows, record.FailedRowsFilePath));
        var candidates = await db.Set<Candidate>().Where(c => c.SchoolId == _catalog.School.Id && c.Id != existing).ToListAsync();
        Assert.Equal(total - failed, candidates.Count);
        Assert.Equal(candidates.Count, candidates.Select(c => c.CandidateNo).Distinct().Count());
        var one = candidates.Single(c => c.IdNumber == IdFor(1));
        Assert.Equal(("考生1", "pin yin", IdType.ResidentIdCard, CandidateType.SchoolCandidate, CandidateInfoStatus.NoPhoto), (one.Name, one.Pinyin, one.IdType, one.CandidateType, one.InfoStatus));
        Assert.Equal((Gender.Male, new DateOnly(1999, 1, 1), "13812345678", _catalog.Major.Id, MajorLevel.HigherVocational, 2021),
            (one.Gender, one.BirthDate, one.Phone, one.MajorId, one.MajorLevel, one.EnrollmentYear));
        Assert.Equal(_clock.GetUtcNow(), one.CreatedUtc);
        Assert.Null(one.StatusChangedUtc);
        Assert.True(CandidateNoGenerator.IsValid(one.CandidateNo));

        var audits = await db.Set<AuditEntry>().Where(a => a.EntityType == nameof(Candidate)).ToListAsync();
        Assert.Equal(total - failed + 1, audits.Count); // one 创建 per candidate, the first written by SaveChangesAsync
        var byEntity = audits.ToDictionary(a => a.EntityId);
        Assert.All(candidates, c => Assert.True(byEntity.ContainsKey(c.Id.ToString(CultureInfo.InvariantCulture))));
        var reference = byEntity[existing.ToString(CultureInfo.InvariantCulture)];
        Assert.All(audits, a => Assert.Equal(Shape(reference), Shape(a)));
        Assert.Equal(("bjtu", "u-1", "创建", null, "无照片", _catalog.School.Id), (reference.UserName, reference.UserId, reference.Action, reference.FromStatus, reference.ToStatus, reference.SchoolId));
    }

    [Fact]
    public async Task BulkPath_Should_WriteTheSameRowsAndAudit_As_TheChangeTrackerPath()
    {
        var rows = Enumerable.Range(0, 50).Select(i => CandidateTestFiles.Row($"考生{i}", IdFor(i), phone: i % 2 == 0 ? "13812345678" : "", type: i % 3 == 0 ? "社会考生" : "院校考生")).ToArray();
        using (var sheet = CandidateTestFiles.Sheet(rows))
        {
            Assert.Equal(50, (await Imports(School).ImportAsync(sheet, "bulk.xlsx", CandidateImportMode.Create, null, default)).Succeeded);
        }

        _clock.Advance(TimeSpan.FromSeconds(1)); // its own second, so its CandidateNo sequences start again
        using (var sheet = CandidateTestFiles.Sheet(rows))
        {
            var tracked = new NoBulkFactory(_db.FactoryFor(Other));
            Assert.Equal(50, (await Imports(Other, tracked).ImportAsync(sheet, "tracked.xlsx", CandidateImportMode.Create, null, default)).Succeeded);
        }

        await using var db = _db.OpenAsSystem();
        var all = await db.Set<Candidate>().OrderBy(c => c.Id).ToListAsync();
        var bulk = all.Where(c => c.SchoolId == _catalog.School.Id).ToList();
        var tracker = all.Where(c => c.SchoolId == _catalog.OtherSchool.Id).ToList();
        Assert.Equal(50, bulk.Count);
        Assert.Equal(bulk.Select(Fields), tracker.Select(Fields));
        Assert.Equal(bulk.Select(c => c.CandidateNo[..10] + c.CandidateNo[20..]), tracker.Select(c => c.CandidateNo[..10] + c.CandidateNo[20..]));
        var audits = await db.Set<AuditEntry>().Where(a => a.EntityType == nameof(Candidate)).ToListAsync();
        Assert.Equal(bulk.Select(c => c.Id), audits.Where(a => a.SchoolId == _catalog.School.Id).Select(a => int.Parse(a.EntityId, CultureInfo.InvariantCulture)).Order());
        Assert.Equal(tracker.Select(c => c.Id), audits.Where(a => a.SchoolId == _catalog.OtherSchool.Id).Select(a => int.Parse(a.EntityId, CultureInfo.InvariantCulture)).Order());
        Assert.Single(audits.Where(a => a.SchoolId == _catalog.School.Id).Select(a => (a.Action, a.FromStatus, a.ToStatus, a.UserId, a.Detail)).Distinct());
        Assert.Equal(audits.Where(a => a.SchoolId == _catalog.School.Id).Select(a => (a.Action, a.FromStatus, a.ToStatus, a.Detail)).Distinct(),
            audits.Where(a => a.SchoolId == _catalog.OtherSchool.Id).Select(a => (a.Action, a.FromStatus, a.ToStatus, a.Detail)).Distinct());
    }

    private static object Shape(AuditEntry a) => (a.UserName, a.UserId, a.EntityType, a.Action, a.FromStatus, a.ToStatus, a.Detail, a.SchoolId, a.OrganizationId, a.ProvinceId);

    private static object Fields(Candidate c) =>
        (c.CandidateType, c.Name, c.Pinyin, c.IdType, c.IdNumber, c.Gender, c.BirthDate, c.Phone, c.MajorId, c.MajorLevel, c.EnrollmentYear, c.PhotoPath, c.InfoStatus,
            c.VerificationNote, c.StatusChangedBy, c.StatusChangedUtc, c.CreatedUtc.UtcTicks / TimeSpan.TicksPerMinute);

    /// <summary>Hands out the same units of work hidden behind a wrapper that does not offer <see cref="IBulkInsert"/> (as other providers).</summary>
    private sealed class NoBulkFactory(ICertHubDbFactory inner) : ICertHubDbFactory
    {
        public async Task<ICertHubDb> CreateAsync(CancellationToken cancellationToken = default) => new Wrapper(await inner.CreateAsync(cancellationToken));

        private sealed class Wrapper(ICertHubDb db) : ICertHubDb
        {
            public DatabaseFacade Database => db.Database;

            public DbSet<TEntity> Set<TEntity>() where TEntity : class => db.Set<TEntity>();

            public Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => db.SaveChangesAsync(cancellationToken);

            public void Dispose() => db.Dispose();

            public ValueTask DisposeAsync() => db.DisposeAsync();
        }
    }
}
