using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Invigilators;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Invigilators;

public sealed class InvigilatorServiceTests : IDisposable
{
    private const string IdA = "110101199003074477";
    private const string IdB = "11010519491231002X";

    private readonly SqliteTestDb _db = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(2));
    private readonly ACatalog _catalog;
    private readonly Organization _otherOrg;

    public InvigilatorServiceTests()
    {
        _catalog = ACatalogSeed.SeedAsync(_db).GetAwaiter().GetResult();
        using var ctx = _db.OpenAsSystem();
        _otherOrg = Organization.Create("达内教育", "91110000MA01ABCD2X");
        ctx.Add(_otherOrg);
        ctx.SaveChanges();
    }

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: _catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学");

    private FixedCurrentUser OtherSchool => new(UserRole.SchoolAdmin, SchoolId: _catalog.OtherSchool.Id, UserName: "ncut", DisplayName: "北方工业大学");

    private FixedCurrentUser Org => new(UserRole.OrgAdmin, OrganizationId: _catalog.Organization.Id, UserName: "org", DisplayName: "中物联");

    private FixedCurrentUser OtherOrg => new(UserRole.OrgAdmin, OrganizationId: _otherOrg.Id, UserName: "tarena", DisplayName: "达内");

    private InvigilatorService Service(ICurrentUser? user = null)
    {
        user ??= School;
        return new InvigilatorService(_db.FactoryFor(user), user, new RecordingChangeFeed(), _clock);
    }

    private InvigilatorInput Input(string id = IdA, params CertificateLevel[] levels) =>
        new("王伟", id, "18300000544", "北京市北京市丰台区", "讲师", "信息工程学院",
            [.. (levels.Length == 0 ? [CertificateLevel.Junior] : levels).Select(l => new InvigilatorCertificateKey(_catalog.Certificate.Id, l))]);

    [Fact]
    public async Task CreateAsync_Should_GenerateSequentialTeacherNo()
    {
        var first = await Service().CreateAsync(Input(), default);
        var second = await Service(OtherSchool).CreateAsync(Input(IdB), default);

        Assert.Equal("JK000001", (await Service().GetAsync(first, default))!.TeacherNo);
        var detail = await Service(OtherSchool).GetAsync(second, default);
        Assert.Equal("JK000002", detail!.TeacherNo);
        Assert.Equal(CertificationStatus.Draft, Assert.Single(detail.Certifications).Status);
        Assert.Null(await Service().GetAsync(second, default)); // another school's
    }

    [Fact]
    public async Task StaleCertify_Should_BeRefused_When_TheSchoolChangedTheInvigilatorAfterTheListWasLoaded()
    {
        var id = await Service().CreateAsync(Input(), default);
        await Service().SubmitAsync(id, default);
        var seen = Assert.Single((await Service(Org).ReviewListAsync(new(), new(), default)).Items);
        var detail = (await Service().GetAsync(id, default))!;

        await Service().UpdateAsync(id, Input() with { Name = "王伟强", Version = detail.Version }, default);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).CertifyAsync(seen.Id, seen.Seen, default));

        Assert.Equal(ConcurrencyConflict.Message, refused.Message);
        var current = Assert.Single((await Service(Org).ReviewListAsync(new(), new(), default)).Items);
        Assert.Equal((CertificationStatus.Pending, "王伟强"), (current.Certification.Status, current.Name));
        await Service(Org).CertifyAsync(current.Id, current.Seen, default);
        Assert.Equal(CertificationStatus.Certified, Assert.Single((await Service(Org).ReviewListAsync(new(), new(), default)).Items).Certification.Status);
    }

    [Fact]
    public async Task StaleReturn_Should_BeRefused_When_TheApplicationWasReturnedAndResubmittedSince()
    {
        var id = await Service().CreateAsync(Input(), default);
        await Service().SubmitAsync(id, default);
        var seen = Assert.Single((await Service(Org).ReviewListAsync(new(), new(), default)).Items);

        await Service(Org).ReturnAsync(seen.Id, "未参加考评员培训", seen.Seen, default);
        await Service().SubmitAsync(id, default); // 认证退回 → 待认证 again
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).ReturnAsync(seen.Id, "重复退回", seen.Seen, default));

        Assert.Equal(ConcurrencyConflict.Message, refused.Message);
        var current = Assert.Single((await Service(Org).ReviewListAsync(new(), new(), default)).Items);
        Assert.Equal(CertificationStatus.Pending, current.Certification.Status);
        Assert.True(current.Seen!.Certification > seen.Seen!.Certification);
        await Service(Org).CertifyAsync(current.Id, current.Seen, default);
    }

    [Fact]
    public async Task Workflow_Should_SubmitAndCertify_When_OrganizationOfCertificate()
    {
        var id = await Service().CreateAsync(Input(IdA, CertificateLevel.Junior, CertificateLevel.Intermediate), default);
        await Service().SubmitAsync(id, default);

        var pending = await Service(Org).ReviewListAsync(new InvigilatorFilter(Status: CertificationStatus.Pending), new(), default);
        Assert.Equal(2, pending.TotalCount);
        Assert.Equal(0, (await Service(OtherOrg).ReviewListAsync(new(), new(), default)).TotalCount);
        await Assert.ThrowsAsync<DomainRuleException>(() => Service(OtherOrg).CertifyAsync(pending.Items[0].Id, default));

        await Service(Org).CertifyAsync(pending.Items[0].Id, default);
        await Service(Org).ReturnAsync(pending.Items[1].Id, "未参加考评员培训", default);

        var detail = await Service().GetAsync(id, default);
        Assert.Contains(detail!.Certifications, c => c.Status == CertificationStatus.Certified);
        Assert.Contains(detail.Certifications, c => c.Status == CertificationStatus.Returned && c.ReturnReason == "未参加考评员培训");
        var counts = await Service(Org).ReviewCountsAsync(new(), default);
        Assert.Equal(1, counts[CertificationStatus.Certified]);
        Assert.Equal(1, counts[CertificationStatus.Returned]);

        await Service().SubmitAsync(id, default); // resubmits the returned one
        Assert.Equal(1, (await Service(Org).ReviewCountsAsync(new(), default))[CertificationStatus.Pending]);
    }

    [Fact]
    public async Task UpdateAsync_Should_Refuse_When_RemovingCertifiedCertificate()
    {
        var id = await Service().CreateAsync(Input(IdA, CertificateLevel.Junior), default);
        await Service().SubmitAsync(id, default);
        var certification = (await Service(Org).ReviewListAsync(new(), new(), default)).Items[0];
        await Service(Org).CertifyAsync(certification.Id, default);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service().UpdateAsync(id, Input(IdA, CertificateLevel.Senior), default));
        Assert.Equal(InvigilatorService.CertifiedCannotBeRemoved, ex.Message);

        await Service().UpdateAsync(id, Input(IdA, CertificateLevel.Junior, CertificateLevel.Senior) with { Name = "王伟伟" }, default);
        var detail = await Service().GetAsync(id, default);
        Assert.Equal("王伟伟", detail!.Name);
        Assert.Equal(2, detail.Certifications.Count);
        await Assert.ThrowsAsync<DomainRuleException>(() => Service().DeleteAsync(id, default));
    }

    [Fact]
    public async Task DeleteAsync_Should_Delete_When_NothingCertified()
    {
        var id = await Service().CreateAsync(Input(), default);
        await Assert.ThrowsAsync<DomainRuleException>(() => Service(OtherSchool).DeleteAsync(id, default));

        await Service().DeleteAsync(id, default);

        Assert.Null(await Service().GetAsync(id, default));
    }

    [Fact]
    public async Task ExportRowsAsync_Should_WriteOneRowPerCertificate()
    {
        await Service().CreateAsync(Input(IdA, CertificateLevel.Junior, CertificateLevel.Senior), default);
        await Service().CreateAsync(Input(IdB), default);

        var rows = await Service().ExportRowsAsync(new InvigilatorFilter(), null, default);

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal("183****0544", r.MaskedPhone));
        Assert.Contains(rows, r => r.TeacherNo == "JK000001" && r.Level == CertificateLevel.Senior && r.CertificateCode == "1+X-XXH" && r.OrganizationName == "中物联物流");
    }

    [Fact]
    public async Task CreateAsync_Should_Refuse_When_SameIdNumberInSchool()
    {
        await Service().CreateAsync(Input(), default);

        await Assert.ThrowsAsync<DomainRuleException>(() => Service().CreateAsync(Input(), default));
    }
}
