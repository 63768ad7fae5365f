using CertHub.Core.Candidates;
using CertHub.Core.Candidates.Import;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Imports;
using CertHub.Core.Registrations;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Documents.Excel;
using CertHub.Web.Imaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Candidates;

public sealed class CandidateServiceTests : IDisposable
{
    private const string IdA = "110101199003074477";
    private const string IdB = "11010519491231002X";
    private const string IdC = "110101200001010010";

    private readonly SqliteTestDb _db = new();
    private readonly MemoryFileStore _files = new();
    private readonly RecordingChangeFeed _changes = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(2));
    private readonly ACatalog _catalog;

    public CandidateServiceTests() => _catalog = ACatalogSeed.SeedAsync(_db).GetAwaiter().GetResult();

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: _catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学");

    private FixedCurrentUser Other => new(UserRole.SchoolAdmin, SchoolId: _catalog.OtherSchool.Id, UserName: "ncut", DisplayName: "北方工业大学");

    private CandidateService Service(ICurrentUser? user = null)
    {
        user ??= School;
        return new CandidateService(_db.FactoryFor(user), user, _files, new SkiaImageInspector(), new BuiltInIdentityVerifier(_clock), _changes, _clock);
    }

    private CandidateImportService Imports(ICurrentUser? user = null)
    {
        user ??= School;
        return new CandidateImportService(_db.FactoryFor(user), user, new CandidateSheet(), _files, _changes, _clock);
    }

    private PhotoZipImport Photos() =>
        new(_db.FactoryFor(School), School, _files, new SkiaImageInspector(), new SkiaPhotoBackgroundCheck(), _changes, new CandidateSheet(), _clock);

    private CandidateDetails Details(string id = IdA, string name = "张三") =>
        new(name, "zhang san", IdType.ResidentIdCard, id, Phone: "13812345678", MajorId: _catalog.Major.Id, MajorLevel: MajorLevel.HigherVocational, EnrollmentYear: 2021);

    [Fact]
    public async Task CreateAsync_Should_DeriveGenderAndNumber_When_IdIsValid()
    {
        var id = await Service().CreateAsync(CandidateType.SchoolCandidate, Details(IdB), default);

        var detail = await Service().GetAsync(id, default);
        Assert.Equal(Gender.Female, detail!.Gender);
        Assert.Equal(new DateOnly(1949, 12, 31), detail.BirthDate);
        Assert.Equal(CandidateInfoStatus.NoPhoto, detail.InfoStatus);
        Assert.StartsWith("110105" + "2021" + _clock.GetUtcNow().ToUnixTimeSeconds(), detail.CandidateNo, StringComparison.Ordinal);
        Assert.EndsWith("000001", detail.CandidateNo, StringComparison.Ordinal);
        Assert.Contains(_changes.Published, n => n.Topic == CandidateTopics.Candidates);
    }

    [Fact]
    public async Task CreateAsync_Should_Refuse_When_IdExistsInSchool()
    {
        await Service().CreateAsync(CandidateType.SchoolCandidate, Details(), default);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service().CreateAsync(CandidateType.PublicCandidate, Details(), default));

        Assert.Equal(CandidateMessages.IdExists, ex.Message);
        await Service(Other).CreateAsync(CandidateType.SchoolCandidate, Details(), default); // another school may hold the same person
    }

    [Fact]
    public async Task EditAsync_Should_RefuseNameChange_When_InfoIsAccurate()
    {
        var id = await AccurateCandidateAsync();

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service().EditAsync(id, Details(name: "李四"), default));
        await Service().EditAsync(id, Details() with { Phone = "13900001111" }, default);

        Assert.Contains("信息准确", ex.Message);
        Assert.Equal("13900001111", (await Service().GetAsync(id, default))!.Phone);
    }

    [Fact]
    public async Task VerifyAsync_Should_MoveToAccurate_When_PhotoAndIdGood()
    {
        var id = await Service().CreateAsync(CandidateType.SchoolCandidate, Details(), default);
        await Service().UploadPhotoAsync(id, CandidateTestFiles.Photo(), default);

        Assert.Equal(CandidateInfoStatus.PendingVerification, (await Service().GetAsync(id, default))!.InfoStatus);
        Assert.Equal(CandidateInfoStatus.Accurate, await Service().VerifyAsync(id, default));
        Assert.StartsWith($"photos/{_catalog.School.Id}/", Assert.Single(_files.Files.Keys), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyManyAsync_Should_SendToManualCheck_When_PassportThenConfirmManually()
    {
        var id = await Service().CreateAsync(CandidateType.PublicCandidate, Details() with { IdType = IdType.Passport, IdNumber = "E12345678" }, default);
        await Service().UploadPhotoAsync(id, CandidateTestFiles.Photo(), default);
        var noPhoto = await Service().CreateAsync(CandidateType.SchoolCandidate, Details(IdC), default);

        var result = await Service().VerifyManyAsync([id, noPhoto], default);

        Assert.Equal(1, result.Succeeded);
        Assert.Contains("无照片", Assert.Single(result.Failures).Reason);
        var detail = await Service().GetAsync(id, default);
        Assert.Equal(CandidateInfoStatus.NeedsManualCheck, detail!.InfoStatus);
        Assert.Contains("护照需人工核对", detail.VerificationNote);
        await Service().ConfirmManuallyAsync(id, default);
        Assert.Equal(CandidateInfoStatus.Accurate, (await Service().GetAsync(id, default))!.InfoStatus);
    }

    [Fact]
    public async Task UploadPhotoAsync_Should_Refuse_When_SizeOrFormatWrong()
    {
        var id = await Service().CreateAsync(CandidateType.SchoolCandidate, Details(), default);

        var small = await Assert.ThrowsAsync<DomainRuleException>(() => Service().UploadPhotoAsync(id, CandidateTestFiles.Photo(100, 100), default));
        var text = await Assert.ThrowsAsync<DomainRuleException>(() => Service().UploadPhotoAsync(id, TestImages.TextPretendingToBePng(), default));

        Assert.Contains("295*413", small.Message);
        Assert.Equal("照片格式应为jpg或png", text.Message);
        Assert.Empty(_files.Files);
    }

    [Fact]
    public async Task DeleteManyAsync_Should_KeepRegistered_When_CandidateHasRegistrations()
    {
        var registered = await Service().CreateAsync(CandidateType.SchoolCandidate, Details(), default);
        var free = await Service().CreateAsync(CandidateType.SchoolCandidate, Details(IdB), default);
        await RegisterAsync(registered);

        var result = await Service().DeleteManyAsync([registered, free], default);

        Assert.Equal(1, result.Succeeded);
        Assert.Equal(CandidateMessages.HasRegistrations, Assert.Single(result.Failures).Reason);
        Assert.Null(await Service().GetAsync(free, default));
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service().DeleteAsync(registered, default));
        Assert.Equal(CandidateMessages.HasRegistrations, ex.Message);
    }

    [Fact]
    public async Task ListAndCounts_Should_FilterByTypeStatusAndName()
    {
        await Service().CreateAsync(CandidateType.SchoolCandidate, Details(), default);
        var withPhoto = await Service().CreateAsync(CandidateType.SchoolCandidate, Details(IdB, "李四"), default);
        await Service().CreateAsync(CandidateType.PublicCandidate, Details(IdC, "王五"), default);
        await Service().UploadPhotoAsync(withPhoto, CandidateTestFiles.Photo(), default);

        var counts = await Service().CountsAsync(new CandidateFilter(), default);
        var pending = await Service().ListAsync(new CandidateFilter(Status: CandidateInfoStatus.PendingVerification), new PageRequest(), default);
        var byName = await Service().ListAsync(new CandidateFilter(CandidateType.PublicCandidate, Name: "王"), new PageRequest(), default);

        Assert.Equal(1, counts[CandidateInfoStatus.NoPhoto]);
        Assert.Equal(1, counts[CandidateInfoStatus.PendingVerification]);
        var row = Assert.Single(pending.Items);
        Assert.True(row.HasPhoto && row.CanVerify && row.CanDelete);
        Assert.Equal("110*****002X", row.MaskedIdNumber);
        Assert.Equal("计算机应用技术", row.MajorName);
        Assert.Equal("王五", Assert.Single(byName.Items).Name);
    }

    [Fact]
    public async Task Tenancy_Should_HideAndRefuse_When_AnotherSchoolAsks()
    {
        var id = await Service().CreateAsync(CandidateType.SchoolCandidate, Details(), default);
        await Service().UploadPhotoAsync(id, CandidateTestFiles.Photo(), default);
        var other = Service(Other);

        Assert.Empty((await other.ListAsync(new CandidateFilter(), new PageRequest(), default)).Items);
        Assert.Null(await other.GetAsync(id, default));
        Assert.Null(await other.GetPhotoPathAsync(id, default));
        Assert.NotNull(await Service().GetPhotoPathAsync(id, default));
        Assert.Equal(CandidateMessages.NotFound, (await Assert.ThrowsAsync<DomainRuleException>(() => other.EditAsync(id, Details(), default))).Message);
        Assert.Equal(1, (await other.DeleteManyAsync([id], default)).Failed);
        Assert.Empty(await other.ExportRowsAsync(new CandidateFilter(), [id], default));
        var province = new FixedCurrentUser(UserRole.ProvinceAdmin, ProvinceId: _catalog.Province.Id);
        await Assert.ThrowsAsync<DomainRuleException>(() => Service(province).CreateAsync(CandidateType.SchoolCandidate, Details(IdB), default));
        Assert.NotNull(await Service().GetAsync(id, default));
    }

    [Fact]
    public async Task ImportAsync_Should_KeepGoodRows_When_OneRowIsBad()
    {
        using var sheet = CandidateTestFiles.Sheet(
            CandidateTestFiles.Row("张三", IdA), CandidateTestFiles.Row("李四", IdB), CandidateTestFiles.Row("王五", "110101199003074478"));
        var progress = new List<int>();

        var result = await Imports().ImportAsync(sheet, "考生.xlsx", CandidateImportMode.Create, new SyncProgress(progress), default);

        Assert.Equal((2, 1), (result.Succeeded, result.Failed));
        var error = Assert.Single(result.Errors);
        Assert.Equal(4, error.RowNumber);
        Assert.Contains("校验位", error.Reason);
        Assert.Equal(3, progress.Last());
        var failedRows = CandidateTestFiles.ReadBack(new MemoryStream(_files.Files[result.FailedRowsPath!]));
        Assert.Equal("王五", Assert.Single(failedRows).Name);
        await using var db = _db.OpenAsSystem();
        var record = await db.Set<ImportRecord>().SingleAsync();
        Assert.Equal((ImportKind.CandidateImport, 2, 1, "考生.xlsx"), (record.Kind, record.SucceededRows, record.FailedRows, record.FileName));
        Assert.Equal(2, await db.Set<Candidate>().CountAsync());
        Assert.Equal(2, (await db.Set<Candidate>().Select(c => c.CandidateNo).ToListAsync()).Distinct().Count());
    }

    [Fact]
    public async Task ImportAsync_Should_ReportExistingAndDuplicateRows()
    {
        await Service().CreateAsync(CandidateType.SchoolCandidate, Details(), default);
        using var sheet = CandidateTestFiles.Sheet(
            CandidateTestFiles.Row("张三", IdA), CandidateTestFiles.Row("李四", IdB), CandidateTestFiles.Row("李四", IdB), CandidateTestFiles.Row("赵六", IdC, major: "火星专业"));

        var result = await Imports().ImportAsync(sheet, "考生.xlsx", CandidateImportMode.Create, null, default);

        Assert.Equal(1, result.Succeeded);
        Assert.Equal(["该证件号码已存在", "与第3行的证件号码重复", "就读专业“火星专业”不在专业目录中"], result.Errors.Select(e => e.Reason));
    }

    [Fact]
    public async Task UpdateImport_Should_RefuseFrozenName_And_UpdatePhone()
    {
        var accurate = await AccurateCandidateAsync();
        await Service().CreateAsync(CandidateType.SchoolCandidate, Details(IdB, "李四"), default);
        using var sheet = CandidateTestFiles.Sheet(
            CandidateTestFiles.Row("张三改", IdA), CandidateTestFiles.Row("李四", IdB, phone: "13900002222"), CandidateTestFiles.Row("王五", IdC));

        var result = await Imports().ImportAsync(sheet, "修改.xlsx", CandidateImportMode.Update, null, default);

        Assert.Equal((1, 2), (result.Succeeded, result.Failed));
        Assert.Contains("信息准确", result.Errors[0].Reason);
        Assert.Equal("未找到该证件号码的考生", result.Errors[1].Reason);
        Assert.Equal("张三", (await Service().GetAsync(accurate, default))!.Name);
        var list = await Service().ExportRowsAsync(new CandidateFilter(Name: "李四"), null, default);
        Assert.Equal("13900002222", Assert.Single(list).Phone);
    }

    [Fact]
    public async Task PhotoZip_Should_AttachGoodPhotos_And_ListProblems()
    {
        var a = await Service().CreateAsync(CandidateType.SchoolCandidate, Details(), default);
        await Service().CreateAsync(CandidateType.SchoolCandidate, Details(IdB), default);
        using var zip = CandidateTestFiles.Zip(
            ($"照片/{IdA}.jpg", CandidateTestFiles.Photo()),
            ($"{IdB}.png", CandidateTestFiles.Photo(red: false, format: SkiaSharp.SKEncodedImageFormat.Png)),
            ($"{IdC}.jpg", CandidateTestFiles.Photo()),
            ("readme.txt", "hello"u8.ToArray()),
            ($"{IdA}x.jpg", TestImages.TextPretendingToBePng()));

        var result = await Photos().ImportAsync(zip, "照片.zip", PhotoZipLimits.Default, null, default);

        Assert.Equal(2, result.Succeeded);
        Assert.Equal(3, result.Failures.Count);
        var record = Assert.Single((await new ImportRecordQueries(_db.FactoryFor(School), School).ListAsync(null, new PageRequest(), default)).Items);
        Assert.Equal((ImportKind.PhotoImport, "照片.zip", 2, 3), (record.Kind, record.FileName, record.SucceededRows, record.FailedRows));
        Assert.NotNull(result.FailedRowsPath);
        Assert.Equal(result.FailedRowsPath, await new ImportRecordQueries(_db.FactoryFor(School), School).FailedRowsPathAsync(result.ImportRecordId, default));
        Assert.Contains(result.Failures, f => f.FileName == $"{IdC}.jpg" && f.Reason == "未找到该证件号码的考生");
        Assert.Equal($"{IdB}.png", Assert.Single(result.Warnings).FileName);
        Assert.Equal(CandidateInfoStatus.PendingVerification, (await Service().GetAsync(a, default))!.InfoStatus);
    }

    [Fact]
    public async Task ImportRecords_Should_ShowOwnTenantOnly()
    {
        using var sheet = CandidateTestFiles.Sheet(CandidateTestFiles.Row("张三", "bad"));
        var result = await Imports().ImportAsync(sheet, "a.xlsx", CandidateImportMode.Create, null, default);

        var own = new ImportRecordQueries(_db.FactoryFor(School), School);
        var other = new ImportRecordQueries(_db.FactoryFor(Other), Other);

        Assert.Single((await own.ListAsync(null, new PageRequest(), default)).Items);
        Assert.NotNull(await own.FailedRowsPathAsync(result.ImportRecordId, default));
        Assert.Empty((await other.ListAsync(null, new PageRequest(), default)).Items);
        Assert.Null(await other.FailedRowsPathAsync(result.ImportRecordId, default));
    }

    private async Task<int> AccurateCandidateAsync()
    {
        var id = await Service().CreateAsync(CandidateType.SchoolCandidate, Details(), default);
        await Service().UploadPhotoAsync(id, CandidateTestFiles.Photo(), default);
        Assert.Equal(CandidateInfoStatus.Accurate, await Service().VerifyAsync(id, default));
        return id;
    }

    private async Task RegisterAsync(int candidateId)
    {
        var subject = await ACatalogSeed.SeedSubjectAsync(_db, _catalog);
        var plan = await ACatalogSeed.SeedPlanAsync(_db, _catalog, subject);
        await using var ctx = _db.OpenAsSystem();
        var candidate = await ctx.Set<Candidate>().SingleAsync(c => c.Id == candidateId);
        var tracked = await ctx.Set<ExamPlan>().Include(p => p.Certificates).Include(p => p.Schools).Include(p => p.Subjects).SingleAsync(p => p.Id == plan.Id);
        ctx.Add(Registration.Create(tracked, candidate, _catalog.Certificate.Id, CertificateLevel.Junior, null, null, ADomain.Day(2)));
        await ctx.SaveChangesAsync();
    }

    private sealed class SyncProgress(List<int> values) : IProgress<int>
    {
        public void Report(int value) => values.Add(value);
    }
}
