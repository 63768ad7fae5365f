using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Data.Exams;

public sealed class ExamSubjectServiceTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly ACatalog _catalog;
    private readonly Organization _otherOrg;
    private readonly Certificate _otherCertificate;

    public ExamSubjectServiceTests()
    {
        _catalog = ACatalogSeed.SeedAsync(_db).GetAwaiter().GetResult();
        using var ctx = _db.OpenAsSystem();
        _otherOrg = Organization.Create("达内教育", "91110108MA01TD002K");
        ctx.Add(_otherOrg);
        ctx.SaveChanges();
        _otherCertificate = Certificate.Create("JAVA应用开发职业技能等级证书", "1+X-JAVA", _otherOrg.Id, [CertificateLevel.Junior], ADomain.T0);
        ctx.Add(_otherCertificate);
        ctx.SaveChanges();
    }

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser Org => new(UserRole.OrgAdmin, OrganizationId: _catalog.Organization.Id, UserName: "wl", DisplayName: "中物联物流");

    private FixedCurrentUser OtherOrg => new(UserRole.OrgAdmin, OrganizationId: _otherOrg.Id, UserName: "tedu", DisplayName: "达内教育");

    private FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: _catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学");

    private ExamSubjectService Service(ICurrentUser user) => new(_db.FactoryFor(user), user, new RecordingChangeFeed());

    private ExamSubjectInput Input(string code = "KM101", CertificateLevel level = CertificateLevel.Junior, int? certificateId = null, ExamMode mode = ExamMode.Practical,
        CandidateScope scope = CandidateScope.SchoolCandidates) =>
        new(certificateId ?? _catalog.Certificate.Id, level, code, "实操技能考试", mode, scope, 100, 60, 120);

    [Fact]
    public async Task CreateAsync_Should_SaveSubjectWithDerivedRoomType_When_Organization()
    {
        var id = await Service(Org).CreateAsync(Input(), default);

        var subject = await Service(Org).GetAsync(id, default);
        Assert.Equal(("KM101", RoomType.PracticalRoom, CandidateScope.SchoolCandidates, "信息化应用职业技能等级证书(初级)", "中物联物流"),
            (subject!.Code, subject.RoomType, subject.CandidateScope, subject.CertificateText, subject.OrganizationName));
    }

    [Fact]
    public async Task CreateAsync_Should_Refuse_When_CodeExistsForTheCertificateLevel()
    {
        await Service(Org).CreateAsync(Input(), default);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).CreateAsync(Input(" KM101 "), default));

        Assert.Equal(ExamSubjectService.DuplicateCode, ex.Message);
        await Service(Org).CreateAsync(Input(level: CertificateLevel.Intermediate), default); // the same code at another level is another subject
    }

    [Fact]
    public async Task CreateAsync_Should_Refuse_When_CertificateOfAnotherOrganization()
    {
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).CreateAsync(Input(certificateId: _otherCertificate.Id), default));

        Assert.Equal("该证书不属于本培训评价组织", ex.Message);
    }

    [Fact]
    public async Task CreateAsync_Should_Refuse_When_LevelNotOfferedByCertificate()
    {
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Service(OtherOrg).CreateAsync(Input(certificateId: _otherCertificate.Id, level: CertificateLevel.Senior), default));

        Assert.Equal("该证书没有高级等级", ex.Message);
    }

    [Fact]
    public async Task CreateAsync_Should_Refuse_When_School()
    {
        await Assert.ThrowsAsync<DomainRuleException>(() => Service(School).CreateAsync(Input(), default));
        Assert.False(Service(School).CanEdit);
    }

    [Fact]
    public async Task OtherOrganization_Should_NeitherSeeNorEdit_When_SubjectIsNotItsOwn()
    {
        var id = await Service(Org).CreateAsync(Input(), default);

        Assert.Null(await Service(OtherOrg).GetAsync(id, default));
        Assert.Equal(0, (await Service(OtherOrg).ListAsync(new(), new(), default)).TotalCount);
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service(OtherOrg).UpdateAsync(id, Input("KM999"), default));
        Assert.Equal(ExamSubjectService.NotFound, ex.Message);
        Assert.Equal("KM101", (await Service(Org).GetAsync(id, default))!.Code);
    }

    [Fact]
    public async Task School_Should_ReadSubjectsOfEveryOrganizationWithFilters()
    {
        await Service(Org).CreateAsync(Input(), default);
        await Service(Org).CreateAsync(Input("KM102", mode: ExamMode.Computer, scope: CandidateScope.All), default);
        await Service(OtherOrg).CreateAsync(Input("JV001", certificateId: _otherCertificate.Id, mode: ExamMode.Computer, scope: CandidateScope.All), default);
        var school = Service(School);

        Assert.Equal(3, (await school.ListAsync(new(), new(), default)).TotalCount);
        Assert.Equal(["KM101"], (await school.ListAsync(new(CandidateScope: CandidateScope.SchoolCandidates), new(), default)).Items.Select(s => s.Code));
        Assert.Equal(["KM102", "JV001"], (await school.ListAsync(new(ExamMode: ExamMode.Computer), new(), default)).Items.Select(s => s.Code).OrderByDescending(c => c));
        Assert.Equal(["JV001"], (await school.ListAsync(new(CertificateName: "JAVA"), new(), default)).Items.Select(s => s.Code));
        Assert.Empty((await school.ListAsync(new(Level: CertificateLevel.Senior), new(), default)).Items);
    }

    [Fact]
    public async Task ListAsync_Should_Refuse_When_Province()
    {
        var province = new FixedCurrentUser(UserRole.ProvinceAdmin, ProvinceId: _catalog.Province.Id);

        await Assert.ThrowsAsync<DomainRuleException>(() => Service(province).ListAsync(new(), new(), default));
    }

    [Fact]
    public async Task UpdateAsync_Should_AllowOnlyRename_When_SubjectInPublishedPlan()
    {
        var id = await Service(Org).CreateAsync(Input(mode: ExamMode.Computer, scope: CandidateScope.All), default);
        var unused = await Service(Org).CreateAsync(Input("KM102"), default);
        await using (var ctx = _db.OpenAsSystem())
        {
            var subject = ctx.Set<ExamSubject>().Single(s => s.Id == id);
            await ACatalogSeed.SeedPlanAsync(_db, _catalog, subject);
        }

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Service(Org).UpdateAsync(id, Input(mode: ExamMode.Written, scope: CandidateScope.All), default));
        Assert.Equal(ExamSubject.InPublishedPlanMessage, ex.Message);

        await Service(Org).UpdateAsync(id, Input(mode: ExamMode.Computer, scope: CandidateScope.All) with { Name = "理论知识考试" }, default);
        await Service(Org).UpdateAsync(unused, Input("KM102", mode: ExamMode.Written), default);
        Assert.Equal("理论知识考试", (await Service(Org).GetAsync(id, default))!.Name);
        Assert.Equal(RoomType.Ordinary, (await Service(Org).GetAsync(unused, default))!.RoomType);
    }

    [Fact]
    public async Task UpdateAsync_Should_Refuse_When_CertificateLevelChanges()
    {
        var id = await Service(Org).CreateAsync(Input(), default);

        await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).UpdateAsync(id, Input(level: CertificateLevel.Senior), default));
    }

    [Fact]
    public async Task CertificateOptionsAsync_Should_ListOnlyOwnCertificates()
    {
        var options = await Service(OtherOrg).CertificateOptionsAsync(default);

        var option = Assert.Single(options);
        Assert.Equal("JAVA应用开发职业技能等级证书", option.Name);
        Assert.Equal([CertificateLevel.Junior], option.Levels);
    }
}
