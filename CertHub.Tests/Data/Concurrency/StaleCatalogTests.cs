using CertHub.Core.Applications;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Ledger;
using CertHub.Tests.Support;
using CertHub.Web.Imaging;

namespace CertHub.Tests.Data.Concurrency;

/// <summary>
/// 平台管理 catalogue dialogs (省份, 院校, 培训评价组织, 证书, 职业技能等级标准, 考核站点建设标准): two platform admins open the
/// same row's 编辑 dialog, the first saves, the second's 保存 carries the version it loaded and is refused with the
/// concurrency message while the first one's values stay; after reloading, the second saves (SQLite, and PostgreSQL in CI).
/// </summary>
public sealed class StaleCatalogTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly CatalogTestData _data;

    public StaleCatalogTests() => _data = CatalogTestData.Seed(_db);

    public void Dispose() => _db.Dispose();

    private static FixedCurrentUser Platform => FixedCurrentUser.System;

    private CatalogAdminService Admin() =>
        new(_db.FactoryFor(Platform), Platform, new NoAccounts(), new RecordingChangeFeed(), new LedgerService(_db.FactoryFor(Platform), TimeProvider.System), TimeProvider.System);

    private SchoolService Schools() => new(_db.FactoryFor(Platform), Platform, new MemoryFileStore(), new SkiaImageInspector(), new RecordingChangeFeed(), TimeProvider.System);

    private OrganizationQueries Organizations() => new(_db.FactoryFor(Platform), Platform, new PilotedCertificates(_db.FactoryFor(Platform)));

    private CertificateQueries Certificates() =>
        new(_db.FactoryFor(Platform), Platform, new PilotedCertificates(_db.FactoryFor(Platform)), new FixedLedgerReader(null));

    private async Task<ProvinceListItem> ProvinceAsync(int id) => Assert.Single((await Admin().ProvincesAsync(new PageRequest(), default)).Items, p => p.Id == id);

    [Fact]
    public async Task SaveProvince_Should_RefuseTheStaleDialog_And_SaveAfterReloading()
    {
        var seen = await ProvinceAsync(_data.BeijingId);
        ProvinceInput Form(ProvinceListItem p, string authority) => new(p.Id, p.Code, p.Name, authority, p.ReportingCycle) { Version = p.Version };

        await Admin().SaveProvinceAsync(Form(seen, "北京市教委"), default);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Admin().SaveProvinceAsync(Form(seen, "北京市教育局"), default));

        Assert.Equal(ConcurrencyConflict.Message, refused.Message);
        var current = await ProvinceAsync(_data.BeijingId);
        Assert.Equal(("北京市教委", seen.Version + 1), (current.AuthorityName, current.Version));
        await Admin().SaveProvinceAsync(Form(current, "北京市教育局"), default);
        Assert.Equal("北京市教育局", (await ProvinceAsync(_data.BeijingId)).AuthorityName);
    }

    [Fact]
    public async Task SaveSchool_Should_RefuseTheStaleDialog_And_SaveAfterReloading()
    {
        var seen = (await Schools().GetAsync(_data.SchoolAId, default))!;
        SchoolInput Form(SchoolDetail s, string name, SchoolType type) => new(s.Id, name, s.Code, s.ProvinceId, type) { Version = s.Version };

        await Admin().SaveSchoolAsync(Form(seen, "北京科技大学（本部）", seen.SchoolType), default);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Admin().SaveSchoolAsync(Form(seen, seen.Name, SchoolType.HigherVocational), default));

        Assert.Equal(ConcurrencyConflict.Message, refused.Message);
        var current = (await Schools().GetAsync(_data.SchoolAId, default))!;
        Assert.Equal(("北京科技大学（本部）", SchoolType.Undergraduate), (current.Name, current.SchoolType));
        await Admin().SaveSchoolAsync(Form(current, current.Name, SchoolType.HigherVocational), default);
        Assert.Equal(SchoolType.HigherVocational, (await Schools().GetAsync(_data.SchoolAId, default))!.SchoolType);
    }

    [Fact]
    public async Task SaveOrganization_Should_RefuseTheStaleDialog_And_SaveAfterReloading()
    {
        var seen = (await Organizations().GetAsync(_data.OrgWlId, default))!;
        OrganizationInput Form(OrganizationDetail o, string contact) =>
            new(o.Id, o.Name, o.CreditCode, contact, o.ContactPhone, o.Address, o.Website, o.Introduction) { Version = o.Version };

        await Admin().SaveOrganizationAsync(Form(seen, "李老师"), default);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Admin().SaveOrganizationAsync(Form(seen, "王老师"), default));

        Assert.Equal(ConcurrencyConflict.Message, refused.Message);
        var current = (await Organizations().GetAsync(_data.OrgWlId, default))!;
        Assert.Equal("李老师", current.ContactName);
        await Admin().SaveOrganizationAsync(Form(current, "王老师"), default);
        Assert.Equal("王老师", (await Organizations().GetAsync(_data.OrgWlId, default))!.ContactName);
    }

    [Fact]
    public async Task SaveCertificate_Should_RefuseTheStaleDialog_When_TheOtherAdminChangedOnlyItsLevels()
    {
        var seen = (await Certificates().GetAsync(_data.XxhId, default))!;
        CertificateInput Form(CertificateDetail c, IReadOnlyCollection<CertificateLevel> levels, string? field) =>
            new(c.Id, c.Name, c.Code, c.OrganizationId, levels, [.. c.Majors.Select(m => m.Id)], c.Description, field, c.Status) { Version = c.Version };

        // The first admin removes a level (a child row): the certificate's version still moves.
        await Admin().SaveCertificateAsync(Form(seen, [CertificateLevel.Junior, CertificateLevel.Intermediate], seen.Field), default);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Admin().SaveCertificateAsync(Form(seen, seen.Levels, "电子信息"), default));

        Assert.Equal(ConcurrencyConflict.Message, refused.Message);
        var current = (await Certificates().GetAsync(_data.XxhId, default))!;
        Assert.Equal([CertificateLevel.Junior, CertificateLevel.Intermediate], current.Levels);
        Assert.NotEqual("电子信息", current.Field);
        await Admin().SaveCertificateAsync(Form(current, current.Levels, "电子信息"), default);
        Assert.Equal("电子信息", (await Certificates().GetAsync(_data.XxhId, default))!.Field);
    }

    [Fact]
    public async Task SaveSkillStandard_Should_RefuseTheStaleDialog_And_SaveAfterReloading()
    {
        var id = await Admin().SaveSkillStandardAsync(new SkillStandardInput(null, _data.XxhId, "信息化标准", "STD-X1", "1.0", new DateOnly(2021, 1, 1), null, EnablementStatus.Enabled), default);
        var seen = (await Admin().SkillStandardInputAsync(id, default))!;

        await Admin().SaveSkillStandardAsync(seen with { Version = "2.0" }, default);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Admin().SaveSkillStandardAsync(seen with { Content = "旧版本上的修改" }, default));

        Assert.Equal(ConcurrencyConflict.Message, refused.Message);
        var current = (await Admin().SkillStandardInputAsync(id, default))!;
        Assert.Equal(("2.0", (string?)null, seen.RowVersion + 1), (current.Version, current.Content, current.RowVersion));
        await Admin().SaveSkillStandardAsync(current with { Content = "修订内容" }, default);
        Assert.Equal("修订内容", (await Admin().SkillStandardInputAsync(id, default))!.Content);
    }

    [Fact]
    public async Task SaveSiteStandard_Should_RefuseTheStaleDialog_When_TheStandardWasDisabledMeanwhile()
    {
        var id = await Admin().SaveSiteStandardAsync(new SiteStandardInput(null, _data.XxhId, CertificateLevel.Senior, "高级站点标准", "1.0", 20,
            new DateOnly(2021, 1, 1), null, null, EnablementStatus.Enabled), default);
        var seen = (await Admin().SiteStandardInputAsync(id, default))!;

        // The other admin 停用 the standard from the list; the open dialog would have enabled it again.
        await Admin().SetSiteStandardStatusAsync(id, EnablementStatus.Disabled, default);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Admin().SaveSiteStandardAsync(seen with { MinimumSeats = 45 }, default));

        Assert.Equal(ConcurrencyConflict.Message, refused.Message);
        var current = (await Admin().SiteStandardInputAsync(id, default))!;
        Assert.Equal((20, EnablementStatus.Disabled), (current.MinimumSeats, current.Status));
        await Admin().SaveSiteStandardAsync(current with { MinimumSeats = 45 }, default);
        var saved = (await Admin().SiteStandardInputAsync(id, default))!;
        Assert.Equal((45, EnablementStatus.Disabled), (saved.MinimumSeats, saved.Status));
    }
}
