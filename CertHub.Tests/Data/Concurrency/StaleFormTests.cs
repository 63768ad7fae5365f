using CertHub.Core.Accounts;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.ExamSites;
using CertHub.Core.Invigilators;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Imaging;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Concurrency;

/// <summary>
/// The lost update through an open dialog: user A opens 编辑 (loads version n), user B saves (n + 1), A clicks 保存. The
/// command carries the version A saw, so A is refused with the concurrency message and B's values stay (on SQLite, and on
/// PostgreSQL with CERTHUB_TEST_DB=postgres).
/// </summary>
public sealed class StaleFormTests : IDisposable
{
    private const string IdA = "110101199003074477";

    private readonly SqliteTestDb _db = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(2));
    private readonly ACatalog _catalog;

    public StaleFormTests() => _catalog = ACatalogSeed.SeedAsync(_db).GetAwaiter().GetResult();

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: _catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学");

    private FixedCurrentUser SchoolClerk => new(UserRole.SchoolAdmin, SchoolId: _catalog.School.Id, UserName: "bjtu-2", DisplayName: "北京交通大学教务");

    private FixedCurrentUser OtherSchool => new(UserRole.SchoolAdmin, SchoolId: _catalog.OtherSchool.Id, UserName: "ncut", DisplayName: "北方工业大学");

    private CandidateService Candidates(ICurrentUser user) =>
        new(_db.FactoryFor(user), user, new MemoryFileStore(), new SkiaImageInspector(), new BuiltInIdentityVerifier(_clock), new RecordingChangeFeed(), _clock);

    private ExamSiteService Sites(ICurrentUser user) => new(_db.FactoryFor(user), user, new RecordingChangeFeed(), _clock);

    private InvigilatorService Invigilators(ICurrentUser user) => new(_db.FactoryFor(user), user, new RecordingChangeFeed(), _clock);

    private CandidateDetails Details(string name = "张三") =>
        new(name, "zhang san", IdType.ResidentIdCard, IdA, Phone: "13812345678", MajorId: _catalog.Major.Id, MajorLevel: MajorLevel.HigherVocational, EnrollmentYear: 2021);

    [Fact]
    public async Task CandidateEdit_Should_RefuseTheSecondUser_When_TheFirstSavedAfterBothOpenedTheDialog()
    {
        var id = await Candidates(School).CreateAsync(CandidateType.SchoolCandidate, Details(), default);
        var seenByA = (await Candidates(School).GetAsync(id, default))!;
        var seenByB = (await Candidates(SchoolClerk).GetAsync(id, default))!;

        await Candidates(SchoolClerk).EditAsync(id, seenByB.ToDetails() with { Phone = "13900000002" }, default);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Candidates(School).EditAsync(id, seenByA.ToDetails() with { Phone = "13900000001", EnrollmentYear = 2020 }, default));

        Assert.Equal("数据已被其他用户修改，请刷新后重试", refused.Message);
        var saved = (await Candidates(School).GetAsync(id, default))!;
        Assert.Equal(("13900000002", 2021, seenByA.Version + 1), (saved.Phone, saved.EnrollmentYear, saved.Version));
    }

    [Fact]
    public async Task CandidateEdit_Should_Save_When_TheVersionIsCurrent_And_AgainWithTheNewVersion()
    {
        var id = await Candidates(School).CreateAsync(CandidateType.SchoolCandidate, Details(), default);

        var first = (await Candidates(School).GetAsync(id, default))!;
        await Candidates(School).EditAsync(id, first.ToDetails() with { Phone = "13900000001" }, default);
        var second = (await Candidates(School).GetAsync(id, default))!;
        await Candidates(School).EditAsync(id, second.ToDetails() with { Phone = "13900000003" }, default);

        var saved = (await Candidates(School).GetAsync(id, default))!;
        Assert.Equal(("13900000003", first.Version + 2), (saved.Phone, saved.Version));
        Assert.Equal(first.Version + 1, second.Version);
    }

    [Fact]
    public async Task CandidateEdit_Should_StillRefuseAnotherSchool_When_ItSendsTheCurrentVersion()
    {
        var id = await Candidates(School).CreateAsync(CandidateType.SchoolCandidate, Details(), default);
        var detail = (await Candidates(School).GetAsync(id, default))!;

        Assert.Null(await Candidates(OtherSchool).GetAsync(id, default));
        await Assert.ThrowsAsync<DomainRuleException>(() => Candidates(OtherSchool).EditAsync(id, detail.ToDetails() with { Name = "李四" }, default));
        Assert.Equal("张三", (await Candidates(School).GetAsync(id, default))!.Name);
    }

    [Fact]
    public async Task ExamSiteUpdate_Should_RefuseTheStaleForm_And_KeepTheFirstUsersValues()
    {
        var input = new ExamSiteInput(_catalog.Certificate.Id, [CertificateLevel.Junior], "北京市海淀区上园村3号", 60, "计算机60台", "李老师", "13812345678");
        var id = await Sites(School).CreateAsync(input, default);
        var seenByA = (await Sites(School).GetAsync(id, default))!;
        var seenByB = (await Sites(SchoolClerk).GetAsync(id, default))!;

        await Sites(SchoolClerk).UpdateAsync(id, input with { SeatCount = 80, Version = seenByB.Version }, default);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Sites(School).UpdateAsync(id, input with { SeatCount = 40, ContactName = "王老师", Version = seenByA.Version }, default));

        Assert.Equal(ConcurrencyConflict.Message, refused.Message);
        var saved = (await Sites(School).GetAsync(id, default))!;
        Assert.Equal((80, "李老师"), (saved.Site.SeatCount, saved.Site.ContactName));
    }

    [Fact]
    public async Task ExamSiteApprove_Should_BeRefused_When_TheSchoolChangedTheSiteAfterTheReviewerOpenedIt()
    {
        var org = new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: _catalog.Organization.Id, UserName: "wl", DisplayName: "中物联");
        var input = new ExamSiteInput(_catalog.Certificate.Id, [CertificateLevel.Junior], "北京市海淀区上园村3号", 60, "计算机60台", "李老师", "13812345678");
        var id = await Sites(School).CreateAsync(input, default);
        await Sites(School).SubmitAsync(id, default);
        var seenByReviewer = (await Sites(org).GetAsync(id, default))!;

        await Sites(School).WithdrawAsync(id, default);
        var draft = (await Sites(School).GetAsync(id, default))!;
        await Sites(School).UpdateAsync(id, input with { SeatCount = 20, Version = draft.Version }, default);
        await Sites(School).SubmitAsync(id, default);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Sites(org).ApproveAsync(id, "同意", seenByReviewer.Version, default));

        Assert.Equal(ConcurrencyConflict.Message, refused.Message);
        Assert.Equal(ExamSiteStatus.Pending, (await Sites(org).GetAsync(id, default))!.Site.Status);
        await Sites(org).ApproveAsync(id, "同意", (await Sites(org).GetAsync(id, default))!.Version, default); // after refreshing
        Assert.Equal(ExamSiteStatus.Approved, (await Sites(org).GetAsync(id, default))!.Site.Status);
    }

    [Fact]
    public async Task InvigilatorUpdate_Should_RefuseTheStaleForm_When_TheOtherUserChangedOnlyTheCertificates()
    {
        var input = new InvigilatorInput("王伟", IdA, "18300000544", "北京市北京市丰台区", "讲师", "信息工程学院",
            [new InvigilatorCertificateKey(_catalog.Certificate.Id, CertificateLevel.Junior)]);
        var id = await Invigilators(School).CreateAsync(input, default);
        var seenByA = (await Invigilators(School).GetAsync(id, default))!;
        var seenByB = (await Invigilators(SchoolClerk).GetAsync(id, default))!;

        // B adds a certificate (a child row) and changes nothing on the invigilator itself: its version still moves.
        await Invigilators(SchoolClerk).UpdateAsync(id, input with
        {
            Certificates = [.. input.Certificates, new InvigilatorCertificateKey(_catalog.Certificate.Id, CertificateLevel.Intermediate)],
            Version = seenByB.Version,
        }, default);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Invigilators(School).UpdateAsync(id, input with { Title = "副教授", Version = seenByA.Version }, default));

        Assert.Equal(ConcurrencyConflict.Message, refused.Message);
        var saved = (await Invigilators(School).GetAsync(id, default))!;
        Assert.Equal(seenByA.Version + 1, saved.Version);
        Assert.Equal(("讲师", 2), (saved.Title, saved.Certifications.Count));
    }

    [Fact]
    public async Task RoleUpdate_Should_RefuseTheStaleForm_And_KeepThePermissionsOfTheFirstSave()
    {
        using var accounts = new AccountsHarness();
        var admin = accounts.SchoolAAdmin;
        var id = await accounts.RoleAsync(admin, "考务专员", Permissions.CandidateEdit);
        var seen = Assert.Single(await accounts.As(admin).Roles.ListAsync(default), r => r.Id == id);

        await accounts.As(admin).Roles.UpdateAsync(id, new AccountRoleInput("考务专员", null, [Permissions.CandidateEdit, Permissions.CandidateImport]) { Version = seen.Version }, default);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            accounts.As(admin).Roles.UpdateAsync(id, new AccountRoleInput("考务专员", null, []) { Version = seen.Version }, default));

        Assert.Equal(ConcurrencyConflict.Message, refused.Message);
        var saved = Assert.Single(await accounts.As(admin).Roles.ListAsync(default), r => r.Id == id);
        Assert.Equal(new[] { Permissions.CandidateEdit, Permissions.CandidateImport }.Order(), saved.Permissions.Order());
    }
}
