using CertHub.Core.Applications;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Tests.Core.Exams;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Exams;

public sealed class ExamPlanServiceTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(2));
    private readonly ACatalog _catalog;
    private readonly Organization _otherOrg;
    private readonly Certificate _otherCertificate;
    private readonly ExamSubject _theory;
    private readonly ExamSubject _practice;
    private readonly ExamSubject _foreignSubject;
    private readonly PilotSchool _thirdSchool;

    public ExamPlanServiceTests()
    {
        _catalog = ACatalogSeed.SeedAsync(_db).GetAwaiter().GetResult();
        using var ctx = _db.OpenAsSystem();
        _otherOrg = Organization.Create("达内教育", "91110108MA01TD002K");
        ctx.Add(_otherOrg);
        ctx.SaveChanges();
        _otherCertificate = Certificate.Create("JAVA应用开发职业技能等级证书", "1+X-JAVA", _otherOrg.Id, [CertificateLevel.Junior], ADomain.T0);
        _thirdSchool = PilotSchool.Create("武汉体育学院", "4142010522", _catalog.Province.Id, SchoolType.Undergraduate);
        ctx.AddRange(_otherCertificate, _thirdSchool);
        ctx.SaveChanges();
        _theory = ExamSubject.Create(_catalog.Organization.Id, _catalog.Certificate.Id, CertificateLevel.Junior, "KM001", "理论知识", ExamMode.Computer, CandidateScope.All, 100, 60, 90);
        _practice = ExamSubject.Create(_catalog.Organization.Id, _catalog.Certificate.Id, CertificateLevel.Junior, "KM002", "实操技能", ExamMode.Practical, CandidateScope.All, 100, 60, 120);
        _foreignSubject = ExamSubject.Create(_otherOrg.Id, _otherCertificate.Id, CertificateLevel.Junior, "JV001", "JAVA理论", ExamMode.Computer, CandidateScope.All, 100, 60, 90);
        ctx.AddRange(_theory, _practice, _foreignSubject);
        ctx.SaveChanges();
    }

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser Org => new(UserRole.OrgAdmin, OrganizationId: _catalog.Organization.Id, UserName: "wl", DisplayName: "中物联物流");

    private FixedCurrentUser OtherOrg => new(UserRole.OrgAdmin, OrganizationId: _otherOrg.Id, UserName: "tedu", DisplayName: "达内教育");

    private FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: _catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学");

    private FixedCurrentUser ThirdSchool => new(UserRole.SchoolAdmin, SchoolId: _thirdSchool.Id, UserName: "wipe", DisplayName: "武汉体育学院");

    private ExamPlanService Service(ICurrentUser user, TimeProvider? clock = null) => new(_db.FactoryFor(user), user, new RecordingChangeFeed(), clock ?? _clock);

    private ExamPlanInput Input(RegistrationMode mode = RegistrationMode.ByCertificate, IReadOnlyList<int>? schools = null, ExamSubject? subject = null) =>
        new(2021, "2021年9月信息化应用初级考试", mode, ADomain.Windows(),
            [new ExamPlanCertificateInput(_catalog.Certificate.Id, CertificateLevel.Junior, 180m)],
            schools ?? [_catalog.School.Id, _catalog.OtherSchool.Id],
            [
                new ExamPlanSubjectInput((subject ?? _theory).Id, ADomain.Day(16, 1), ADomain.Day(16, 3), mode == RegistrationMode.BySubject ? 90m : null),
                new ExamPlanSubjectInput(_practice.Id, ADomain.Day(16, 5), ADomain.Day(16, 7), mode == RegistrationMode.BySubject ? 120m : null),
            ]);

    private async Task<int> PublishedPlanAsync(RegistrationMode mode = RegistrationMode.ByCertificate)
    {
        var id = await Service(Org).CreateAsync(Input(mode), default);
        await Service(Org).PublishAsync(id, default);
        return id;
    }

    [Fact]
    public async Task CreateAsync_Should_SaveCertificatesSchoolsAndSubjectTimes()
    {
        var id = await Service(Org).CreateAsync(Input(RegistrationMode.BySubject), default);

        var detail = await Service(Org).GetAsync(id, default);
        Assert.Equal(ExamPlanStage.Unpublished, detail!.Plan.Stage);
        Assert.Equal(["信息化应用职业技能等级证书(初级)"], detail.Plan.Certificates);
        Assert.Equal(["北京交通大学", "北方工业大学"], detail.Schools.Select(s => s.Name));
        Assert.Equal([("KM001", 90m), ("KM002", 120m)], detail.Subjects.Select(s => (s.Code, s.Fee!.Value)));
        Assert.Equal(Input(RegistrationMode.BySubject).Subjects, detail.ToInput().Subjects);
    }

    [Fact]
    public async Task School_Should_SeeOnlyPublishedPlansListingIt_WithTheirStage()
    {
        var draft = await Service(Org).CreateAsync(Input(), default);
        var other = await Service(Org).CreateAsync(Input(schools: [_thirdSchool.Id]), default);
        await Service(Org).PublishAsync(other, default);

        Assert.Equal(0, (await Service(School).ListAsync(new(), new(), default)).TotalCount);
        Assert.Null(await Service(School).GetAsync(draft, default));
        Assert.Null(await Service(School).GetAsync(other, default));

        await Service(Org).PublishAsync(draft, default);

        var item = Assert.Single((await Service(School).ListAsync(new(), new(), default)).Items);
        Assert.Equal((draft, ExamPlanStage.Registration, "中物联物流"), (item.Id, item.Stage, item.OrganizationName));
        Assert.NotNull(await Service(School).GetAsync(draft, default));
        Assert.Equal(other, Assert.Single((await Service(ThirdSchool).ListAsync(new(), new(), default)).Items).Id);
        Assert.DoesNotContain(ExamPlanStage.Unpublished, Service(School).Stages);
    }

    [Fact]
    public async Task UpdateAsync_Should_Refuse_When_Published()
    {
        var id = await PublishedPlanAsync();

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).UpdateAsync(id, Input() with { Name = "改名" }, default));

        Assert.Equal("考试计划已发布，不能修改（只能延长时间）", ex.Message);
    }

    [Fact]
    public async Task UpdateAsync_Should_ReplaceSchoolsAndSubjects_When_Unpublished()
    {
        var id = await Service(Org).CreateAsync(Input(), default);
        var input = Input(schools: [_thirdSchool.Id]) with { Subjects = [new ExamPlanSubjectInput(_practice.Id, ADomain.Day(16, 5), ADomain.Day(16, 7), null)] };

        await Service(Org).UpdateAsync(id, input, default);

        var detail = await Service(Org).GetAsync(id, default);
        Assert.Equal(["武汉体育学院"], detail!.Schools.Select(s => s.Name));
        Assert.Equal(["KM002"], detail.Subjects.Select(s => s.Code));
    }

    [Fact]
    public async Task PublishAsync_Should_Refuse_When_PlanIncomplete()
    {
        var noSchools = await Service(Org).CreateAsync(Input(schools: []), default);
        var noSubjects = await Service(Org).CreateAsync(Input() with { Subjects = [] }, default);

        Assert.Equal("请至少选择一个参考院校", (await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).PublishAsync(noSchools, default))).Message);
        Assert.Equal("请设置科目考试时间", (await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).PublishAsync(noSubjects, default))).Message);
        Assert.False((await Service(Org).GetAsync(noSchools, default))!.Plan.IsPublished);
    }

    [Fact]
    public async Task PublishAsync_Should_Refuse_When_RegistrationAlreadyOver()
    {
        var id = await Service(Org).CreateAsync(Input(), default);
        _clock.SetUtcNow(ADomain.Day(11));

        await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).PublishAsync(id, default));
    }

    [Fact]
    public async Task StalePublish_Should_BeRefused_When_AnotherUserEditedThePlanAfterTheListWasLoaded()
    {
        var id = await Service(Org).CreateAsync(Input(), default);
        var seen = (await Service(Org).GetAsync(id, default))!.Plan;

        await Service(Org).UpdateAsync(id, Input(schools: [_catalog.School.Id]) with { Version = seen.Version }, default);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).PublishAsync(id, seen.Version, default));

        Assert.Equal(ConcurrencyConflict.Message, refused.Message);
        var current = Assert.Single((await Service(Org).ListAsync(new ExamPlanFilter(), new PageRequest(), default)).Items);
        Assert.Equal((false, 1), (current.IsPublished, current.SchoolCount));
        await Service(Org).PublishAsync(id, current.Version, default);
        Assert.True((await Service(Org).GetAsync(id, default))!.Plan.IsPublished);
    }

    [Fact]
    public async Task StaleExtend_Should_BeRefused_When_TheWindowWasExtendedByAnotherUserMeanwhile()
    {
        var id = await PublishedPlanAsync();
        var seen = Assert.Single((await Service(Org).ListAsync(new ExamPlanFilter(), new PageRequest(), default)).Items);

        await Service(Org).ExtendWindowAsync(id, ExamPlanWindow.Notice, ADomain.Day(27), seen.Version, default);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).ExtendWindowAsync(id, ExamPlanWindow.Notice, ADomain.Day(28), seen.Version, default));

        Assert.Equal(ConcurrencyConflict.Message, refused.Message);
        var current = (await Service(Org).GetAsync(id, default))!.Plan;
        Assert.Equal((ADomain.Day(27), seen.Version + 1), (current.Windows.NoticeEndUtc, current.Version));
        await Service(Org).ExtendWindowAsync(id, ExamPlanWindow.Notice, ADomain.Day(28), current.Version, default);
        Assert.Equal(ADomain.Day(28), (await Service(Org).GetAsync(id, default))!.Plan.Windows.NoticeEndUtc);
    }

    [Fact]
    public async Task ExtendWindowAsync_Should_MoveEndLater_When_Published()
    {
        var id = await PublishedPlanAsync();

        await Service(Org).ExtendWindowAsync(id, ExamPlanWindow.Notice, ADomain.Day(27), default);

        Assert.Equal(ADomain.Day(27), (await Service(Org).GetAsync(id, default))!.Plan.Windows.NoticeEndUtc);
    }

    [Fact]
    public async Task ExtendWindowAsync_Should_Refuse_When_ShrinkingOrIntoThePast()
    {
        var id = await PublishedPlanAsync();

        var shrink = await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).ExtendWindowAsync(id, ExamPlanWindow.Registration, ADomain.Day(9), default));
        Assert.Equal("报考时间只能延长，不能提前", shrink.Message);

        var intoNext = await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).ExtendWindowAsync(id, ExamPlanWindow.Registration, ADomain.Day(11), default));
        Assert.Equal("报考时间延长后不能晚于下一阶段的开始时间", intoNext.Message);

        _clock.SetUtcNow(ADomain.Day(22));
        var past = await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).ExtendWindowAsync(id, ExamPlanWindow.ScoreEntry, ADomain.Day(20, 12), default));
        Assert.Equal("成绩登记时间的结束时间不能早于当前时间", past.Message);

        var pastRegistration = await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).ExtendWindowAsync(id, ExamPlanWindow.Registration, ADomain.Day(10, 6), default));
        Assert.Equal("报考时间的结束时间不能早于当前时间", pastRegistration.Message);
        Assert.Equal(ADomain.Windows(), (await Service(Org).GetAsync(id, default))!.Plan.Windows);
    }

    [Fact]
    public async Task ExtendWindowAsync_Should_Refuse_When_NotPublished()
    {
        var id = await Service(Org).CreateAsync(Input(), default);

        await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).ExtendWindowAsync(id, ExamPlanWindow.Registration, ADomain.Day(10, 6), default));
    }

    [Fact]
    public async Task CreateAsync_Should_Refuse_When_SubjectOrCertificateOfAnotherOrganization()
    {
        var subject = await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).CreateAsync(Input(subject: _foreignSubject), default));
        Assert.Equal("考试科目不存在或不属于本培训评价组织", subject.Message);

        var certificate = await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).CreateAsync(
            Input() with { Certificates = [new ExamPlanCertificateInput(_otherCertificate.Id, CertificateLevel.Junior, 100m)], Subjects = [] }, default));
        Assert.Equal("该证书不属于本培训评价组织", certificate.Message);
        Assert.Equal(0, (await Service(Org).ListAsync(new(), new(), default)).TotalCount);
    }

    [Fact]
    public async Task OtherOrganization_Should_NeitherSeeNorChangeThePlan()
    {
        var draft = await Service(Org).CreateAsync(Input(), default);
        var published = await PublishedPlanAsync();
        var other = Service(OtherOrg);

        Assert.Equal(0, (await other.ListAsync(new(), new(), default)).TotalCount);
        Assert.Null(await other.GetAsync(draft, default));
        Assert.Equal(ExamPlanService.NotFound, (await Assert.ThrowsAsync<DomainRuleException>(() => other.UpdateAsync(draft, Input(), default))).Message);
        Assert.Equal(ExamPlanService.NotFound, (await Assert.ThrowsAsync<DomainRuleException>(() => other.PublishAsync(draft, default))).Message);
        Assert.Equal(ExamPlanService.NotFound, (await Assert.ThrowsAsync<DomainRuleException>(() =>
            other.ExtendWindowAsync(published, ExamPlanWindow.Notice, ADomain.Day(30), default))).Message);
        Assert.False((await Service(Org).GetAsync(draft, default))!.Plan.IsPublished);
    }

    [Fact]
    public async Task School_Should_BeRefused_When_Changing()
    {
        var id = await Service(Org).CreateAsync(Input(), default);

        await Assert.ThrowsAsync<DomainRuleException>(() => Service(School).CreateAsync(Input(), default));
        await Assert.ThrowsAsync<DomainRuleException>(() => Service(School).PublishAsync(id, default));
        await Assert.ThrowsAsync<DomainRuleException>(() => Service(School).UpdateAsync(id, Input(), default));
    }

    [Fact]
    public async Task ListAsync_Should_Refuse_When_Province()
    {
        var province = new FixedCurrentUser(UserRole.ProvinceAdmin, ProvinceId: _catalog.Province.Id);

        await Assert.ThrowsAsync<DomainRuleException>(() => Service(province).ListAsync(new(), new(), default));
    }

    [Theory]
    [MemberData(nameof(ExamPlanTests.Boundaries), MemberType = typeof(ExamPlanTests))]
    public async Task CountsAndStageFilter_Should_AgreeWithStageAt(DateTimeOffset now, ExamPlanStage expected)
    {
        var early = new FakeTimeProvider(ADomain.T0);
        await Service(Org, early).CreateAsync(Input(), default);
        var published = await Service(Org, early).CreateAsync(Input(), default);
        await Service(Org, early).PublishAsync(published, default);
        var at = new FakeTimeProvider(now);

        var counts = await Service(Org, at).CountsAsync(new(), default);
        var filtered = await Service(Org, at).ListAsync(new(Stage: expected), new(), default);

        Assert.Equal(1, counts[ExamPlanStage.Unpublished]);
        Assert.Equal(1, counts[expected]);
        Assert.Equal(2, counts.Values.Sum());
        Assert.Equal((published, expected), (Assert.Single(filtered.Items).Id, filtered.Items[0].Stage));
    }

    [Fact]
    public async Task ListAsync_Should_FilterByYearAndName()
    {
        await Service(Org).CreateAsync(Input(), default);
        await Service(Org).CreateAsync(Input() with { Year = 2022, Name = "2022年JAVA考试" }, default);

        Assert.Equal(["2022年JAVA考试"], (await Service(Org).ListAsync(new(Year: 2022), new(), default)).Items.Select(p => p.Name));
        Assert.Equal([2021], (await Service(Org).ListAsync(new(Name: "信息化"), new(), default)).Items.Select(p => p.Year));
    }

    [Fact]
    public async Task SchoolOptionsAsync_Should_ListPilotingSchoolsFirst_AndEverySchool()
    {
        await using (var ctx = _db.OpenAsSystem())
        {
            var plan = ApplicationPlan.Create(_catalog.Province.Id, 2021, 1, "2021年第一批证书试点申报", ADomain.T0, ADomain.Day(10), false, false, OpenScope.All, []);
            ctx.Add(plan);
            await ctx.SaveChangesAsync();
            var application = PilotApplication.Create(plan, _thirdSchool.Id, _catalog.Certificate.Id, CertificateLevel.Junior, ADomain.Day(1));
            application.Edit(0, [new PilotApplicationMajorInput(_catalog.Major.Id, 34, 5, 30)], "<p>师资</p>", "<p>场地</p>");
            application.Submit(ADomain.Actor, ADomain.Day(1));
            application.Approve(30, "省厅审核员", ADomain.Day(2));
            ctx.Add(application);
            await ctx.SaveChangesAsync();
        }

        var options = await Service(Org).SchoolOptionsAsync([_catalog.Certificate.Id], default);
        var unrelated = await Service(Org).SchoolOptionsAsync([_otherCertificate.Id], default);

        Assert.Equal((_thirdSchool.Id, true), (options[0].SchoolId, options[0].Piloted));
        Assert.Equal(3, options.Count);
        Assert.All(unrelated, o => Assert.False(o.Piloted));
    }
}
