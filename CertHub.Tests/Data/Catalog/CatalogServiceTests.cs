using CertHub.Core.Accounts;
using CertHub.Core.Applications;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Ledger;
using CertHub.Tests.Support;
using CertHub.Web.Imaging;

namespace CertHub.Tests.Data.Catalog;

public sealed class CatalogServiceTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly CatalogTestData _data;
    private readonly MemoryFileStore _files = new();
    private readonly RecordingChangeFeed _changes = new();

    public CatalogServiceTests() => _data = CatalogTestData.Seed(_db);

    public void Dispose() => _db.Dispose();

    private SchoolService Schools(ICurrentUser user) =>
        new(_db.FactoryFor(user), user, _files, new SkiaImageInspector(), _changes, TimeProvider.System);

    private PilotedCertificates Piloted(ICurrentUser user) => new(_db.FactoryFor(user));

    private CertificateQueries Certificates(ICurrentUser user, CertificateLedgerInfo? ledger = null) =>
        new(_db.FactoryFor(user), user, Piloted(user), new FixedLedgerReader(ledger));

    [Fact]
    public async Task ListAsync_Should_ReturnOnlyOwnSchool_When_UserIsSchool()
    {
        var page = await Schools(_data.SchoolA).ListAsync(new SchoolFilter(), new PageRequest(), default);

        var row = Assert.Single(page.Items);
        Assert.Equal("北京科技大学", row.Name);
        Assert.Equal(1, page.TotalCount);
    }

    [Fact]
    public async Task GetAsync_Should_ReturnNull_When_SchoolReadsAnotherSchool()
    {
        Assert.Null(await Schools(_data.SchoolB).GetAsync(_data.SchoolAId, default));
        Assert.NotNull(await Schools(_data.SchoolB).GetAsync(_data.SchoolBId, default));
    }

    [Fact]
    public async Task UpdateDetailsAsync_Should_Throw_When_SchoolUpdatesAnotherSchool()
    {
        var service = Schools(_data.SchoolB);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() =>
            service.UpdateDetailsAsync(_data.SchoolAId, new SchoolDetailsInput("改", null, null, null, null, null), default));

        Assert.Equal("无权修改该院校信息", ex.Message);
        Assert.Null((await Schools(FixedCurrentUser.System).GetAsync(_data.SchoolAId, default))!.Address);
    }

    [Fact]
    public async Task UpdateDetailsAsync_Should_SaveAndPublish_When_SchoolUpdatesItself()
    {
        await Schools(_data.SchoolA).UpdateDetailsAsync(_data.SchoolAId, new SchoolDetailsInput("北京市海淀区学院路30号", "李明", "010-62332312", "a@ustb.edu.cn", null, null), default);

        var detail = await Schools(_data.SchoolA).GetAsync(_data.SchoolAId, default);
        Assert.Equal("李明", detail!.ContactName);
        Assert.Contains(_changes.Published, n => n.Topic == CatalogTopics.Schools);
    }

    [Fact]
    public async Task UploadSealAsync_Should_Throw_When_SchoolUploadsForAnotherSchool()
    {
        await Assert.ThrowsAsync<DomainRuleException>(() => Schools(_data.SchoolB).UploadSealAsync(_data.SchoolAId, TestImages.Png(), default));
        Assert.Empty(_files.Files);
    }

    [Fact]
    public async Task UpdateDetailsAsync_Should_Throw_When_ProvinceEditsItsSchool()
    {
        await Assert.ThrowsAsync<DomainRuleException>(() =>
            Schools(_data.Beijing).UpdateDetailsAsync(_data.SchoolAId, new SchoolDetailsInput(null, null, null, null, null, null), default));
    }

    [Fact]
    public async Task ListAsync_Should_ReturnProvinceSchoolsOnly_When_UserIsProvince()
    {
        var page = await Schools(_data.Beijing).ListAsync(new SchoolFilter(), new PageRequest(), default);

        Assert.Equal(["4111010008", "4111010009"], page.Items.Select(s => s.Code));
        Assert.Null(await Schools(_data.Beijing).GetAsync(_data.SchoolCId, default));
    }

    [Fact]
    public async Task UploadSealAsync_Should_Refuse_When_PngFileIsReallyText()
    {
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Schools(_data.SchoolA).UploadSealAsync(_data.SchoolAId, TestImages.TextPretendingToBePng(), default));

        Assert.Equal("电子签章仅支持PNG或JPG格式的图片", ex.Message);
        Assert.Empty(_files.Files);
    }

    [Fact]
    public async Task UploadSealAsync_Should_Refuse_When_FileIsOverOneMegabyte()
    {
        var big = new byte[SealImageRules.MaxBytes + 1];
        TestImages.Png().CopyTo(big, 0);

        await Assert.ThrowsAsync<DomainRuleException>(() => Schools(_data.SchoolA).UploadSealAsync(_data.SchoolAId, big, default));
    }

    [Fact]
    public async Task UploadSealAsync_Should_StoreImage_When_ContentIsRealPng()
    {
        var service = Schools(_data.SchoolA);

        var path = await service.UploadSealAsync(_data.SchoolAId, TestImages.Png(), default);

        Assert.EndsWith(".png", path, StringComparison.Ordinal);
        Assert.True(_files.Files.ContainsKey(path));
        Assert.Equal(path, await service.GetSealPathAsync(_data.SchoolAId, default));
        Assert.Null(await Schools(_data.SchoolB).GetSealPathAsync(_data.SchoolAId, default));
    }

    [Fact]
    public async Task CertificateList_Should_ShowPilotedOnly_When_ScopeIsPilotedForSchool()
    {
        var piloted = await Certificates(_data.SchoolA).ListAsync(new CertificateFilter(CertificateScope.Piloted), new PageRequest(), default);
        var all = await Certificates(_data.SchoolA).ListAsync(new CertificateFilter(CertificateScope.All), new PageRequest(), default);

        Assert.Equal(["1+X-JAVA", "1+X-XXH"], piloted.Items.Select(c => c.Code).Order());
        Assert.Equal(3, all.TotalCount);
        Assert.Equal(CertificateScope.Piloted, Certificates(_data.SchoolA).DefaultScope);
    }

    [Fact]
    public async Task CertificateList_Should_Filter_When_NameAndLevelGiven()
    {
        var service = Certificates(FixedCurrentUser.System);

        var byName = await service.ListAsync(new CertificateFilter(Name: "JAVA"), new PageRequest(), default);
        var senior = await service.ListAsync(new CertificateFilter(Level: CertificateLevel.Senior), new PageRequest(), default);

        Assert.Equal("1+X-JAVA", Assert.Single(byName.Items).Code);
        Assert.Equal("1+X-XXH", Assert.Single(senior.Items).Code);
    }

    [Fact]
    public async Task CertificateDetail_Should_IncludeLevelsAndMajors()
    {
        var detail = await Certificates(_data.SchoolA).GetAsync(_data.XxhId, default);

        Assert.Equal([CertificateLevel.Junior, CertificateLevel.Intermediate, CertificateLevel.Senior], detail!.Levels);
        Assert.Equal("计算机应用技术", Assert.Single(detail.Majors).Name);
        Assert.Equal("中物联物流", detail.OrganizationName);
    }

    [Fact]
    public async Task OrganizationList_Should_ShowOrgsOfPilotedCertificates_When_UserIsSchool()
    {
        var user = _data.SchoolB;
        var queries = new OrganizationQueries(_db.FactoryFor(user), user, Piloted(user));

        var page = await queries.ListAsync(new OrganizationFilter(), new PageRequest(), default);
        var detail = await queries.GetAsync(_data.OrgTeduId, default);

        Assert.Equal("达内教育", Assert.Single(page.Items).Name);
        Assert.Equal("1+X-WEB", Assert.Single(detail!.Certificates).Code);
        Assert.Null(await queries.GetAsync(_data.OrgWlId, default));
    }

    [Fact]
    public async Task SiteStandards_Should_CountByStatus_And_FilterByStatus()
    {
        var user = FixedCurrentUser.System;
        var queries = new StandardQueries(_db.FactoryFor(user), user, Piloted(user));

        var counts = await queries.SiteStandardCountsAsync(new SiteStandardFilter(), default);
        var disabled = await queries.SiteStandardsAsync(new SiteStandardFilter(Status: EnablementStatus.Disabled), new PageRequest(), default);

        Assert.Equal(1, counts[EnablementStatus.Enabled]);
        Assert.Equal(1, counts[EnablementStatus.Disabled]);
        Assert.Equal(CertificateLevel.Intermediate, Assert.Single(disabled.Items).Level);
    }

    [Fact]
    public async Task SkillStandards_Should_ShowPilotedCertificatesOnly_When_UserIsSchool()
    {
        var user = _data.SchoolB;
        var queries = new StandardQueries(_db.FactoryFor(user), user, Piloted(user));

        var page = await queries.SkillStandardsAsync(new SkillStandardFilter(), new PageRequest(), default);

        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task CatalogAdmin_Should_Refuse_When_UserIsNotPlatform()
    {
        var user = _data.SchoolA;
        var admin = new CatalogAdminService(_db.FactoryFor(user), user, new NoAccounts(), _changes, new LedgerService(_db.FactoryFor(user), TimeProvider.System), TimeProvider.System);

        await Assert.ThrowsAsync<DomainRuleException>(() => admin.SaveProvinceAsync(new ProvinceInput(null, "31", "上海市", "上海市教育委员会", ReportingCycle.Weekly), default));
    }

    [Fact]
    public async Task CatalogAdmin_Should_CreateCertificateWithLevelsAndMajors_When_Platform()
    {
        var user = FixedCurrentUser.System;
        var admin = new CatalogAdminService(_db.FactoryFor(user), user, new NoAccounts(), _changes, new LedgerService(_db.FactoryFor(user), TimeProvider.System), TimeProvider.System);

        var id = await admin.SaveCertificateAsync(new CertificateInput(null, "物流管理职业技能等级证书", "1+X-WLGL", _data.OrgWlId,
            [CertificateLevel.Junior, CertificateLevel.Senior], [], null, "现代物流", EnablementStatus.Enabled), default);

        var detail = await Certificates(user).GetAsync(id, default);
        Assert.Equal([CertificateLevel.Junior, CertificateLevel.Senior], detail!.Levels);
        var ledger = new LedgerService(_db.FactoryFor(user), TimeProvider.System);
        var proof = await new CertificateLedgerReader(ledger).GetAsync(id, default);
        Assert.NotNull(proof);
        Assert.Equal(64, proof.BlockHash.Length);
        Assert.True((await ledger.VerifyAllAsync(default)).IsValid);
        await Assert.ThrowsAsync<DomainRuleException>(() => admin.SaveCertificateAsync(new CertificateInput(null, "重复", "1+X-WLGL", _data.OrgWlId,
            [CertificateLevel.Junior], [], null, null, EnablementStatus.Enabled), default));
    }

    [Fact]
    public async Task CatalogAdmin_Should_EditExistingStandards_When_Platform()
    {
        var user = FixedCurrentUser.System;
        var admin = new CatalogAdminService(_db.FactoryFor(user), user, new NoAccounts(), _changes, new LedgerService(_db.FactoryFor(user), TimeProvider.System), TimeProvider.System);
        var skillId = await admin.SaveSkillStandardAsync(new SkillStandardInput(null, _data.XxhId, "信息化标准", "STD-X1", "1.0", new DateOnly(2021, 1, 1), null, EnablementStatus.Enabled), default);
        var siteId = await admin.SaveSiteStandardAsync(new SiteStandardInput(null, _data.XxhId, CertificateLevel.Senior, "高级站点标准", "1.0", 20,
            new DateOnly(2021, 1, 1), null, null, EnablementStatus.Enabled), default);

        var skill = await admin.SkillStandardInputAsync(skillId, default);
        var site = await admin.SiteStandardInputAsync(siteId, default);
        await admin.SaveSkillStandardAsync(skill! with { Version = "2.0", Content = "修订内容" }, default);
        await admin.SaveSiteStandardAsync(site! with { MinimumSeats = 45 }, default);

        var edited = await admin.SkillStandardInputAsync(skillId, default);
        Assert.Equal("2.0", edited!.Version);
        Assert.Equal("修订内容", edited.Content);
        Assert.Equal(45, (await admin.SiteStandardInputAsync(siteId, default))!.MinimumSeats);
        Assert.Null(await admin.SkillStandardInputAsync(99_999, default));
    }

    [Fact]
    public async Task CatalogAdmin_Should_RefuseReadingStandardInputs_When_UserIsNotPlatform()
    {
        var user = _data.SchoolA;
        var admin = new CatalogAdminService(_db.FactoryFor(user), user, new NoAccounts(), _changes, new LedgerService(_db.FactoryFor(user), TimeProvider.System), TimeProvider.System);

        await Assert.ThrowsAsync<DomainRuleException>(() => admin.SkillStandardInputAsync(1, default));
    }

    [Fact]
    public async Task CatalogAdmin_Should_RefuseSchoolAccounts()
    {
        var user = FixedCurrentUser.System;
        var admin = new CatalogAdminService(_db.FactoryFor(user), user, new NoAccounts(), _changes, new LedgerService(_db.FactoryFor(user), TimeProvider.System), TimeProvider.System);

        await Assert.ThrowsAsync<DomainRuleException>(() => admin.CreateAccountAsync(new NewAccount("x", "x", UserRole.SchoolAdmin, _data.SchoolAId, null, null, "Demo@12345"), default));
        await Assert.ThrowsAsync<DomainRuleException>(() => admin.CreateAccountAsync(new NewAccount("x", "x", UserRole.OrgAdmin, null, null, null, "Demo@12345"), default));
    }
}
