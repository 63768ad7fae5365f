using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.ExamSites;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.ExamSites;

public sealed class ExamSiteServiceTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(2));
    private readonly ACatalog _catalog;
    private readonly Organization _otherOrg;

    public ExamSiteServiceTests()
    {
        _catalog = ACatalogSeed.SeedAsync(_db).GetAwaiter().GetResult();
        using var ctx = _db.OpenAsSystem();
        _otherOrg = Organization.Create("达内教育", "91110000MA01ABCD2X");
        ctx.Add(_otherOrg);
        ctx.Add(SiteStandard.Create(_catalog.Certificate.Id, CertificateLevel.Junior, "信息化应用初级考核站点建设标准", "1.0", 30, new DateOnly(2021, 1, 1), "机房面积不少于80平方米", "计算机30台"));
        ctx.SaveChanges();
    }

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: _catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学");

    private FixedCurrentUser OtherSchool => new(UserRole.SchoolAdmin, SchoolId: _catalog.OtherSchool.Id, UserName: "ncut", DisplayName: "北方工业大学");

    private FixedCurrentUser Org => new(UserRole.OrgAdmin, OrganizationId: _catalog.Organization.Id, UserName: "org", DisplayName: "中物联");

    private FixedCurrentUser OtherOrg => new(UserRole.OrgAdmin, OrganizationId: _otherOrg.Id, UserName: "tarena", DisplayName: "达内");

    private ExamSiteService Service(ICurrentUser? user = null)
    {
        user ??= School;
        return new ExamSiteService(_db.FactoryFor(user), user, new RecordingChangeFeed(), _clock);
    }

    private ExamSiteInput Input(int seats = 60) =>
        new(_catalog.Certificate.Id, [CertificateLevel.Intermediate, CertificateLevel.Junior], "北京市海淀区上园村3号", seats, "计算机60台", "李老师", "13812345678");

    [Fact]
    public async Task CreateAsync_Should_GenerateNameAndSaveDraft()
    {
        var id = await Service().CreateAsync(Input(), default);

        var detail = await Service().GetAsync(id, default);
        Assert.Equal("北京交通大学信息化应用职业技能等级证书(初级、中级)考核站点", detail!.Site.Name);
        Assert.Equal(ExamSiteStatus.Draft, detail.Site.Status);
        Assert.Equal("计算机60台", detail.Equipment);
        Assert.Equal("信息化应用初级考核站点建设标准", Assert.Single(detail.Standards).Name);
    }

    [Fact]
    public async Task CreateAsync_Should_Refuse_When_AlreadyDeclared()
    {
        await Service().CreateAsync(Input(), default);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service().CreateAsync(Input(), default));

        Assert.Equal(ExamSiteService.AlreadyDeclared, ex.Message);
        await Service(OtherSchool).CreateAsync(Input(), default);
    }

    [Fact]
    public async Task Workflow_Should_SubmitWithdrawSubmitAndApprove()
    {
        var id = await Service().CreateAsync(Input(), default);
        Assert.Equal(0, (await Service(Org).ListAsync(new(), new(), default)).TotalCount); // drafts are not shown to the organisation

        await Service().SubmitAsync(id, default);
        await Service().WithdrawAsync(id, default);
        await Service().UpdateAsync(id, Input(80), default);
        await Service().SubmitAsync(id, default);
        await Assert.ThrowsAsync<DomainRuleException>(() => Service().UpdateAsync(id, Input(90), default));
        await Assert.ThrowsAsync<DomainRuleException>(() => Service(OtherOrg).ApproveAsync(id, null, default));
        await Service(Org).ApproveAsync(id, "符合标准", default);

        var detail = await Service(Org).GetAsync(id, default);
        Assert.Equal(ExamSiteStatus.Approved, detail!.Site.Status);
        Assert.Equal(80, detail.Site.SeatCount);
        Assert.Equal([ExamSiteAction.Submit, ExamSiteAction.Withdraw, ExamSiteAction.Submit, ExamSiteAction.Approve], detail.Reviews.Select(r => r.Action));
        Assert.Equal("中物联(org)", detail.Reviews[^1].ActorName);
    }

    [Fact]
    public async Task ReturnAsync_Should_AllowEditAndResubmit()
    {
        var id = await Service().CreateAsync(Input(), default);
        await Service().SubmitAsync(id, default);

        await Service(Org).ReturnAsync(id, "考位数不足", default);
        await Service().UpdateAsync(id, Input(70), default);
        await Service().SubmitAsync(id, default);

        Assert.Equal(ExamSiteStatus.Pending, (await Service().GetAsync(id, default))!.Site.Status);
    }

    [Fact]
    public async Task DeleteManyAsync_Should_DeleteDraftsAndReportOthers()
    {
        var draft = await Service().CreateAsync(Input(), default);
        var pending = await Service().CreateAsync(Input() with { CertificateId = await SecondCertificateAsync() }, default);
        await Service().SubmitAsync(pending, default);
        var foreign = await Service(OtherSchool).CreateAsync(Input(), default);

        var result = await Service().DeleteManyAsync([draft, pending, foreign], default);

        Assert.Equal(1, result.Succeeded);
        Assert.Equal(2, result.Failures.Count);
        Assert.Null(await Service().GetAsync(draft, default));
        Assert.NotNull(await Service(OtherSchool).GetAsync(foreign, default));
    }

    [Fact]
    public async Task ListAsync_Should_ShowOnlyOwnSites_When_School()
    {
        await Service().CreateAsync(Input(), default);
        var other = await Service(OtherSchool).CreateAsync(Input(), default);
        await Service(OtherSchool).SubmitAsync(other, default);

        Assert.Single((await Service().ListAsync(new(), new(), default)).Items);
        Assert.Null(await Service().GetAsync(other, default));
        Assert.Single((await Service(Org).ListAsync(new(), new(), default)).Items);
        Assert.Empty((await Service(OtherOrg).ListAsync(new(), new(), default)).Items);
        var counts = await Service().CountsAsync(new(), default);
        Assert.Equal(1, counts[ExamSiteStatus.Draft]);
    }

    private async Task<int> SecondCertificateAsync()
    {
        await using var ctx = _db.OpenAsSystem();
        var certificate = Certificate.Create("JAVA应用开发职业技能等级证书", "1+X-JAVA", _otherOrg.Id, [CertificateLevel.Junior, CertificateLevel.Intermediate], ADomain.T0);
        ctx.Add(certificate);
        await ctx.SaveChangesAsync();
        return certificate.Id;
    }
}
