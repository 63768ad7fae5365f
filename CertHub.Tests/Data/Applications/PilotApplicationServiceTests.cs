using CertHub.Core.Applications;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.RichText;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Applications;

public sealed class PilotApplicationServiceTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly RecordingChangeFeed _changes = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(2));
    private readonly ACatalog _catalog;
    private readonly PilotSchool _farSchool;
    private readonly Organization _otherOrg;
    private readonly Certificate _otherCertificate;
    private readonly Major _secondMajor;
    private readonly int _planId;
    private readonly int _byMajorPlanId;
    private readonly int _cityPlanId;

    public PilotApplicationServiceTests()
    {
        _catalog = ACatalogSeed.SeedAsync(_db).GetAwaiter().GetResult();
        using var ctx = _db.OpenAsSystem();
        var hubei = Province.Create("42", "湖北省", "湖北省教育厅");
        _otherOrg = Organization.Create("达内教育", "91110000MA01ABCD2X");
        ctx.AddRange(hubei, _otherOrg);
        ctx.SaveChanges();
        _farSchool = PilotSchool.Create("武汉职业技术学院", "4142010001", hubei.Id, SchoolType.HigherVocational);
        _otherCertificate = Certificate.Create("JAVA应用开发职业技能等级证书", "1+X-JAVA", _otherOrg.Id, [CertificateLevel.Junior, CertificateLevel.Intermediate], ADomain.T0);
        _secondMajor = Major.Create("510203", "软件技术", MajorLevel.HigherVocational, "电子与信息大类");
        ctx.AddRange(_farSchool, _otherCertificate, _secondMajor);
        ctx.SaveChanges();
        var plan = ApplicationPlan.Create(_catalog.Province.Id, 2021, 6, "2021年第六批", ADomain.T0, ADomain.Day(10), false, false, OpenScope.All);
        var byMajor = ApplicationPlan.Create(_catalog.Province.Id, 2021, 7, "2021年第七批", ADomain.T0, ADomain.Day(10), true, false, OpenScope.Partial,
            [(_catalog.Certificate.Id, CertificateLevel.Intermediate)]);
        var hubeiPlan = ApplicationPlan.Create(hubei.Id, 2021, 1, "湖北第一批", ADomain.T0, ADomain.Day(10), false, false, OpenScope.All);
        var cityPlan = ApplicationPlan.Create(_catalog.Province.Id, 2021, 8, "2021年第八批", ADomain.T0, ADomain.Day(10), false, true, OpenScope.All);
        ctx.AddRange(plan, byMajor, hubeiPlan, cityPlan);
        ctx.SaveChanges();
        (_planId, _byMajorPlanId, _cityPlanId) = (plan.Id, byMajor.Id, cityPlan.Id);
    }

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: _catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学");

    private FixedCurrentUser OtherSchool => new(UserRole.SchoolAdmin, SchoolId: _catalog.OtherSchool.Id, UserName: "ncut", DisplayName: "北方工业大学");

    private FixedCurrentUser FarSchool => new(UserRole.SchoolAdmin, SchoolId: _farSchool.Id, UserName: "wh", DisplayName: "武汉职业技术学院");

    private FixedCurrentUser ProvinceUser => new(UserRole.ProvinceAdmin, ProvinceId: _catalog.Province.Id, UserName: "bj-edu", DisplayName: "北京市教育委员会");

    private FixedCurrentUser OtherProvince => new(UserRole.ProvinceAdmin, ProvinceId: _farSchool.ProvinceId, UserName: "hb-edu", DisplayName: "湖北省教育厅");

    private FixedCurrentUser Org => new(UserRole.OrgAdmin, OrganizationId: _catalog.Organization.Id, UserName: "org", DisplayName: "中物联");

    private FixedCurrentUser OtherOrg => new(UserRole.OrgAdmin, OrganizationId: _otherOrg.Id, UserName: "tarena", DisplayName: "达内");

    private PilotApplicationService Service(ICurrentUser? user = null)
    {
        user ??= School;
        return new PilotApplicationService(_db.FactoryFor(user), user, new HtmlRichTextSanitizer(), _changes, _clock);
    }

    private ApplicationInput Input(CertificateLevel level = CertificateLevel.Junior, int total = 40, IReadOnlyList<PilotApplicationMajorInput>? majors = null, string faculty = "<p>教师12人</p>") =>
        new(_catalog.Certificate.Id, level, total, majors ?? [], faculty, "<p>实训室3间</p>");

    [Fact]
    public async Task CreateAsync_Should_SaveDraft_When_Saved()
    {
        var id = await Service().CreateAsync(_planId, Input(), submit: false, default);

        var detail = await Service().GetAsync(id, default);
        Assert.Equal(PilotApplicationStatus.Draft, detail!.Item.Status);
        Assert.Equal(40, detail.Item.RequestedTotal);
        Assert.Equal("北京交通大学", detail.Item.SchoolName);
        Assert.Equal("中物联物流", detail.Item.OrganizationName);
        Assert.Contains(_changes.Published, n => n.Topic == ApplicationTopics.Applications);
    }

    [Fact]
    public async Task CreateAsync_Should_SubmitWithMajorSum_When_ByMajor()
    {
        var majors = new List<PilotApplicationMajorInput> { new(_catalog.Major.Id, 200, 10, 30), new(_secondMajor.Id, 100, 5, 12) };

        var id = await Service().CreateAsync(_byMajorPlanId, Input(CertificateLevel.Intermediate, total: 1, majors: majors), submit: true, default);

        var detail = await Service().GetAsync(id, default);
        Assert.Equal(PilotApplicationStatus.UnderReview, detail!.Item.Status);
        Assert.Equal(42, detail.Item.RequestedTotal);
        Assert.Equal(2, detail.Majors.Count);
        Assert.Equal("北京交通大学(bjtu)", detail.SubmittedBy);
    }

    [Fact]
    public async Task CreateAsync_Should_Refuse_When_CertificateNotInPlanScope()
    {
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service().CreateAsync(_byMajorPlanId, Input(CertificateLevel.Junior), false, default));

        Assert.Contains("开放的证书范围", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_Should_Refuse_When_SameYearCertificateAndLevelAgain()
    {
        await Service().CreateAsync(_planId, Input(), false, default);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service().CreateAsync(_planId, Input(), false, default));

        Assert.Equal(PilotApplicationService.Duplicate, ex.Message);
        await Service(OtherSchool).CreateAsync(_planId, Input(), false, default); // another school may
    }

    [Fact]
    public async Task CreateAsync_Should_Refuse_When_PlanEnded()
    {
        _clock.SetUtcNow(ADomain.Day(11));

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service().CreateAsync(_planId, Input(), false, default));

        Assert.Contains("已结束", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_Should_StoreSanitizedHtml_When_HtmlHasScript()
    {
        var id = await Service().CreateAsync(_planId, Input(faculty: "<p onclick=\"x()\"><b>教师</b><script>alert(1)</script></p>"), false, default);

        var detail = await Service().GetAsync(id, default);
        Assert.Equal("<p><b>教师</b></p>", detail!.FacultyHtml);
    }

    [Fact]
    public async Task UpdateAsync_Should_Refuse_When_UnderReview()
    {
        var id = await Service().CreateAsync(_planId, Input(), true, default);

        await Assert.ThrowsAsync<DomainRuleException>(() => Service().UpdateAsync(id, Input(total: 50), false, default));
    }

    [Fact]
    public async Task StaleReview_Should_RefuseApproving_When_TheApplicationWasReturnedAndResubmittedSinceTheListWasLoaded()
    {
        var id = await Service().CreateAsync(_planId, Input(total: 40), true, default);
        var seen = Assert.Single((await Service(ProvinceUser).ListAsync(new ApplicationFilter(), new PageRequest(), default)).Items);

        // Another reviewer returns it, the school raises the number and resubmits: 待审核 again, but not what was seen.
        await Service(ProvinceUser).ReturnAsync(id, "师资情况不完整", seen.Version, default);
        await Service().UpdateAsync(id, Input(total: 90), true, default);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Service(ProvinceUser).ApproveAsync(id, 40, "同意", seen.Version, default));
        var refusedReturn = await Assert.ThrowsAsync<DomainRuleException>(() => Service(ProvinceUser).ReturnAsync(id, "再退回", seen.Version, default));

        Assert.Equal((ConcurrencyConflict.Message, ConcurrencyConflict.Message), (refused.Message, refusedReturn.Message));
        var current = Assert.Single((await Service(ProvinceUser).ListAsync(new ApplicationFilter(), new PageRequest(), default)).Items);
        Assert.Equal((PilotApplicationStatus.UnderReview, 90, (int?)null), (current.Status, current.RequestedTotal, current.ApprovedTotal));
        Assert.Single((await Service(ProvinceUser).GetAsync(id, default))!.Reviews);
        await Service(ProvinceUser).ApproveAsync(id, 80, "同意", current.Version, default);
        Assert.Equal(80, (await Service(ProvinceUser).GetAsync(id, default))!.Item.ApprovedTotal);
    }

    [Fact]
    public async Task StaleReview_Should_RefuseTheCityDecisionAndReturnApproved_When_TheRowChangedSince()
    {
        var city = await Service().CreateAsync(_cityPlanId, Input(), true, default);
        var seenCity = Assert.Single((await Service(ProvinceUser).ListAsync(new ApplicationFilter(), new PageRequest(), default)).Items, a => a.Id == city);
        await Service(ProvinceUser).RecordCityDecisionAsync(city, false, "海淀区教育委员会", "材料不全", seenCity.Version, default);
        await Service().UpdateAsync(city, Input(total: 60), true, default);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Service(ProvinceUser).RecordCityDecisionAsync(city, true, "海淀区教育委员会", null, seenCity.Version, default));

        Assert.Equal(ConcurrencyConflict.Message, refused.Message);
        var current = (await Service(ProvinceUser).GetAsync(city, default))!;
        Assert.Equal(PilotApplicationStatus.CityReview, current.Item.Status);
        await Service(ProvinceUser).RecordCityDecisionAsync(city, true, "海淀区教育委员会", null, current.Version, default);
        var approved = (await Service(ProvinceUser).GetAsync(city, default))!;
        await Service(ProvinceUser).ApproveAsync(city, 50, null, approved.Version, default);
        var stale = await Assert.ThrowsAsync<DomainRuleException>(() => Service(ProvinceUser).ReturnApprovedAsync(city, "人数有误", approved.Version, default));
        Assert.Equal(ConcurrencyConflict.Message, stale.Message);
        await Service(ProvinceUser).ReturnApprovedAsync(city, "人数有误", (await Service(ProvinceUser).GetAsync(city, default))!.Version, default);
        Assert.Equal(PilotApplicationStatus.Returned, (await Service(ProvinceUser).GetAsync(city, default))!.Item.Status);
    }

    [Fact]
    public async Task Review_Should_KeepRecords_When_ReturnedResubmittedApprovedAndReturnedAgain()
    {
        var id = await Service().CreateAsync(_planId, Input(), true, default);

        await Service(ProvinceUser).ReturnAsync(id, "师资情况不完整", default);
        await Service().UpdateAsync(id, Input(total: 50), true, default);
        await Service(ProvinceUser).ApproveAsync(id, 45, "同意", default);
        var approved = await Service().GetAsync(id, default);
        await Service(ProvinceUser).ReturnApprovedAsync(id, "人数有误", default);

        Assert.Equal(45, approved!.Item.ApprovedTotal);
        var detail = await Service(ProvinceUser).GetAsync(id, default);
        Assert.Equal(PilotApplicationStatus.Returned, detail!.Item.Status);
        Assert.Null(detail.Item.ApprovedTotal);
        Assert.Equal(["师资情况不完整", "同意", "人数有误"], detail.Reviews.Select(r => r.Opinion));
        Assert.All(detail.Reviews, r => Assert.Equal("北京市教育委员会(bj-edu)", r.ReviewerName));
    }

    [Fact]
    public async Task ApproveByMajorAsync_Should_SumApprovedNumbers()
    {
        var majors = new List<PilotApplicationMajorInput> { new(_catalog.Major.Id, 200, 10, 30), new(_secondMajor.Id, 100, 5, 12) };
        var id = await Service().CreateAsync(_byMajorPlanId, Input(CertificateLevel.Intermediate, majors: majors), true, default);

        await Service(ProvinceUser).ApproveByMajorAsync(id, new Dictionary<int, int> { [_catalog.Major.Id] = 25, [_secondMajor.Id] = 10 }, null, default);

        var detail = await Service().GetAsync(id, default);
        Assert.Equal(35, detail!.Item.ApprovedTotal);
        Assert.Equal(25, detail.Majors.Single(m => m.MajorId == _catalog.Major.Id).ApprovedTrainees);
    }

    [Fact]
    public async Task Review_Should_Refuse_When_NotProvinceOrOtherProvince()
    {
        var id = await Service().CreateAsync(_planId, Input(), true, default);

        await Assert.ThrowsAsync<DomainRuleException>(() => Service().ApproveAsync(id, 10, null, default));
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service(OtherProvince).ApproveAsync(id, 10, null, default));
        Assert.Equal(PilotApplicationService.NotFound, ex.Message);
    }

    [Fact]
    public async Task ListAsync_Should_ShowOnlyOwnTenantRows()
    {
        var own = await Service().CreateAsync(_planId, Input(), true, default);
        await Service(OtherSchool).CreateAsync(_planId, Input(), true, default);
        await Service(OtherSchool).CreateAsync(_planId, new ApplicationInput(_otherCertificate.Id, CertificateLevel.Junior, 20, [], "<p>x</p>", null), false, default);

        Assert.Equal([own], (await Service().ListAsync(new(), new(), default)).Items.Select(i => i.Id));
        Assert.Null(await Service(OtherSchool).GetAsync(own, default));
        Assert.Equal(3, (await Service(ProvinceUser).ListAsync(new(), new(), default)).TotalCount);
        Assert.Equal(0, (await Service(OtherProvince).ListAsync(new(), new(), default)).TotalCount);
        Assert.Equal(2, (await Service(Org).ListAsync(new(), new(), default)).TotalCount);
        Assert.Equal("JAVA应用开发职业技能等级证书", Assert.Single((await Service(OtherOrg).ListAsync(new(), new(), default)).Items).CertificateName);
        Assert.Equal(0, (await Service(FarSchool).ListAsync(new(), new(), default)).TotalCount);
    }

    [Fact]
    public async Task CountsAsync_Should_CountPerStatus_When_FilteredBySchoolName()
    {
        await Service().CreateAsync(_planId, Input(), true, default);
        await Service().CreateAsync(_planId, Input(CertificateLevel.Senior), false, default);
        await Service(OtherSchool).CreateAsync(_planId, Input(), true, default);

        var counts = await Service(ProvinceUser).CountsAsync(new ApplicationFilter(SchoolName: "交通"), default);

        Assert.Equal(1, counts[PilotApplicationStatus.UnderReview]);
        Assert.Equal(1, counts[PilotApplicationStatus.Draft]);
        Assert.Equal(0, counts[PilotApplicationStatus.Approved]);
        var filtered = await Service(ProvinceUser).ListAsync(new ApplicationFilter(SchoolName: "交通", Status: PilotApplicationStatus.UnderReview, CertificateName: "信息化"), new(), default);
        Assert.Single(filtered.Items);
    }

    [Fact]
    public async Task ExportRowsAsync_Should_WriteOneRowPerMajor()
    {
        var majors = new List<PilotApplicationMajorInput> { new(_catalog.Major.Id, 200, 10, 30), new(_secondMajor.Id, 100, 5, 12) };
        await Service().CreateAsync(_byMajorPlanId, Input(CertificateLevel.Intermediate, majors: majors), true, default);
        await Service().CreateAsync(_planId, Input(), false, default);

        var rows = await Service().ExportRowsAsync(new ApplicationFilter(), default);

        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => r.MajorName == "软件技术" && r.RequestedTrainees == 12 && r.BatchName == "第七批");
        Assert.Contains(rows, r => r.MajorName is null && r.RequestedTrainees == 40);
    }

    [Fact]
    public async Task FormPlanAsync_Should_ListOnlyOpenCertificates()
    {
        var form = await Service().FormPlanAsync(_byMajorPlanId, default);

        var option = Assert.Single(form!.Certificates);
        Assert.Equal(CertificateLevel.Intermediate, option.Level);
        Assert.True(form.Plan.RequiresByMajor);
        Assert.Null(await Service(FarSchool).FormPlanAsync(_byMajorPlanId, default)); // another province's plan
    }

    [Fact]
    public async Task CityApproval_Should_PrecedeTheProvincesApproval_And_BeKeptAsItsOwnRecord_When_PlanRequiresIt()
    {
        var id = await Service().CreateAsync(_cityPlanId, Input(), submit: true, default);
        Assert.Equal(PilotApplicationStatus.CityReview, (await Service().GetAsync(id, default))!.Item.Status);
        Assert.Equal(1, (await Service(ProvinceUser).CountsAsync(new ApplicationFilter(), default))[PilotApplicationStatus.CityReview]);

        var early = await Assert.ThrowsAsync<DomainRuleException>(() => Service(ProvinceUser).ApproveAsync(id, 30, null, default));
        var otherProvince = await Assert.ThrowsAsync<DomainRuleException>(() => Service(OtherProvince).RecordCityDecisionAsync(id, true, ADomain.CityBureau, null, default));
        var school = await Assert.ThrowsAsync<DomainRuleException>(() => Service().RecordCityDecisionAsync(id, true, ADomain.CityBureau, null, default));
        Assert.Equal(PilotApplication.CityApprovalFirst, early.Message);
        Assert.Equal(PilotApplicationService.NotFound, otherProvince.Message);
        Assert.Equal("只有省级教育行政部门可以审核申报", school.Message);
        Assert.Equal(PilotApplicationStatus.CityReview, (await Service().GetAsync(id, default))!.Item.Status);

        await Service(ProvinceUser).RecordCityDecisionAsync(id, true, ADomain.CityBureau, "同意上报", default);
        await Service(ProvinceUser).ApproveAsync(id, 30, "同意试点", default);

        var detail = (await Service().GetAsync(id, default))!;
        Assert.Equal((PilotApplicationStatus.Approved, 30), (detail.Item.Status, detail.Item.ApprovedTotal));
        Assert.Collection(detail.Reviews,
            city => Assert.Equal((ApplicationReviewStage.City, ApplicationReviewResult.Approved, ADomain.CityBureau, "同意上报"), (city.Stage, city.Result, city.ApprovingUnit, city.Opinion)),
            province => Assert.Equal((ApplicationReviewStage.Province, ApplicationReviewResult.Approved, (string?)null), (province.Stage, province.Result, province.ApprovingUnit)));
    }

    [Fact]
    public async Task RecordCityDecisionAsync_Should_Refuse_When_PlanDoesNotRequireIt()
    {
        var id = await Service().CreateAsync(_planId, Input(), submit: true, default);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service(ProvinceUser).RecordCityDecisionAsync(id, true, ADomain.CityBureau, null, default));

        Assert.Equal(PilotApplication.CityApprovalNotRequired, ex.Message);
        var detail = (await Service().GetAsync(id, default))!;
        Assert.Equal(PilotApplicationStatus.UnderReview, detail.Item.Status);
        Assert.Empty(detail.Reviews);
    }

    [Fact]
    public async Task RecordCityDecisionAsync_Should_ReturnToTheSchool_When_CityReturns()
    {
        var id = await Service().CreateAsync(_cityPlanId, Input(), submit: true, default);

        await Service(ProvinceUser).RecordCityDecisionAsync(id, false, ADomain.CityBureau, "师资材料不全", default);

        var detail = (await Service().GetAsync(id, default))!;
        Assert.Equal(PilotApplicationStatus.Returned, detail.Item.Status);
        Assert.Equal((ApplicationReviewStage.City, ApplicationReviewResult.Returned, "师资材料不全"), (detail.Reviews[0].Stage, detail.Reviews[0].Result, detail.Reviews[0].Opinion));
    }
}
