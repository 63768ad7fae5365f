using CertHub.Core.Audit;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Payments;
using CertHub.Core.Registrations;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Payments;

/// <summary>缴费管理 on real SQLite: generation, 人数/金额, delete, confirm, tenancy between schools and organisations.</summary>
public sealed class PaymentServiceTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(3));
    private readonly RecordingChangeFeed _changes = new();
    private readonly ACatalog _catalog;
    private readonly ExamSubject _subject;
    private readonly ExamPlan _plan;
    private readonly Organization _otherOrg;
    private int _sequence;

    public PaymentServiceTests()
    {
        _catalog = ACatalogSeed.SeedAsync(_db).GetAwaiter().GetResult();
        _subject = ACatalogSeed.SeedSubjectAsync(_db, _catalog).GetAwaiter().GetResult();
        _plan = ACatalogSeed.SeedPlanAsync(_db, _catalog, _subject).GetAwaiter().GetResult();
        using var ctx = _db.OpenAsSystem();
        _otherOrg = Organization.Create("达内教育", "91110000MA01ABCD2X");
        ctx.Add(_otherOrg);
        ctx.SaveChanges();
    }

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: _catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学");

    private FixedCurrentUser OtherSchool => new(UserRole.SchoolAdmin, SchoolId: _catalog.OtherSchool.Id, UserName: "ncut", DisplayName: "北方工业大学");

    private FixedCurrentUser Org => new(UserRole.OrgAdmin, OrganizationId: _catalog.Organization.Id, UserName: "wl", DisplayName: "中物联");

    private FixedCurrentUser OtherOrg => new(UserRole.OrgAdmin, OrganizationId: _otherOrg.Id, UserName: "tedu", DisplayName: "达内");

    private PaymentGenerationInput ByCertificate => new(RegistrationMode.ByCertificate, _plan.Id, _catalog.Certificate.Id, CertificateLevel.Junior, null);

    private PaymentService Service(ICurrentUser? user = null)
    {
        user ??= School;
        var factory = _db.FactoryFor(user);
        return new PaymentService(factory, user, _changes, new AuditLogService(factory, user, _clock), _clock);
    }

    /// <summary>Registers <paramref name="count"/> new candidates of the school in the plan (按证书, or 按科目 for the subject).</summary>
    private List<int> Register(int schoolId, int count, ExamPlan? plan = null, ExamSubject? subject = null)
    {
        plan ??= _plan;
        using var ctx = _db.OpenAsSystem();
        var loaded = ctx.Set<ExamPlan>().Include(p => p.Certificates).Include(p => p.Schools).Include(p => p.Subjects).Single(p => p.Id == plan.Id);
        var ids = new List<int>();
        for (var i = 0; i < count; i++)
        {
            _sequence++;
            var first17 = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"11010119900307{_sequence:D3}");
            var idNumber = first17 + IdNumber.CheckCharacter(first17);
            var no = CandidateNoGenerator.Generate("110101", 2021, ADomain.T0, _sequence);
            var candidate = Candidate.Create(schoolId, CandidateType.SchoolCandidate, no, ADomain.Details(idNumber, "考生" + "甲乙丙丁戊己庚辛壬癸"[_sequence % 10]), ADomain.T0);
            ctx.Add(candidate);
            ctx.SaveChanges();
            var registration = Registration.Create(loaded, candidate, _catalog.Certificate.Id, CertificateLevel.Junior, subject, null, ADomain.Day(2));
            ctx.Add(registration);
            ctx.SaveChanges();
            ids.Add(registration.Id);
        }

        return ids;
    }

    private List<Registration> Registrations(IEnumerable<int> ids)
    {
        using var ctx = _db.OpenAsSystem();
        var list = ids.ToList();
        return [.. ctx.Set<Registration>().AsNoTracking().Where(r => list.Contains(r.Id)).OrderBy(r => r.Id)];
    }

    [Fact]
    public async Task GenerateAsync_Should_BillOnlyUnpaidUnrequestedRegistrationsOfTheSchool()
    {
        var first = Register(_catalog.School.Id, 2);
        var firstRequest = await Service().GenerateAsync(ByCertificate, default);
        await Service(Org).ConfirmAsync(firstRequest.Id, default);
        var second = Register(_catalog.School.Id, 3);
        Register(_catalog.OtherSchool.Id, 4);

        var request = await Service().GenerateAsync(ByCertificate, default);

        Assert.Equal(3, request.Count);
        Assert.Equal(540m, request.Amount);
        Assert.Equal(180m, request.UnitFee);
        Assert.Equal(PaymentStatus.Unconfirmed, request.Status);
        Assert.Matches(@"^JF\d{18}$", request.RequestNo);
        Assert.Equal("北京交通大学", request.SchoolName);
        var detail = await Service().GetAsync(request.Id, default);
        Assert.Equal(Registrations(second).Select(r => r.CandidateNo).Order(), detail!.Registrations.Select(r => r.CandidateNo).Order());
        Assert.DoesNotContain(detail.Registrations, r => Registrations(first).Any(f => f.CandidateNo == r.CandidateNo));
        Assert.All(detail.Registrations, r => Assert.Contains("*", r.MaskedIdNumber, StringComparison.Ordinal));
        Assert.Contains(_changes.Published, n => n.Topic == PaymentTopics.Payments && n.SchoolId == _catalog.School.Id);
    }

    [Fact]
    public async Task GenerateAsync_Should_Refuse_When_NothingNewToBill()
    {
        Register(_catalog.School.Id, 2);
        await Service().GenerateAsync(ByCertificate, default);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service().GenerateAsync(ByCertificate, default));

        Assert.Equal(PaymentRequest.NothingToBill, ex.Message);
        Assert.Equal(1, (await Service().ListAsync(new(), new(), default)).TotalCount);
    }

    [Fact]
    public async Task GenerateAsync_Should_Refuse_When_SchoolHasNoRegistrations() =>
        Assert.Equal(PaymentRequest.NothingToBill, (await Assert.ThrowsAsync<DomainRuleException>(() => Service().GenerateAsync(ByCertificate, default))).Message);

    [Fact]
    public async Task GenerateAsync_Should_NumberRequestsUniquely_When_GeneratedInTheSameSecond()
    {
        Register(_catalog.School.Id, 1);
        var a = await Service().GenerateAsync(ByCertificate, default);
        Register(_catalog.OtherSchool.Id, 1);
        var b = await Service(OtherSchool).GenerateAsync(ByCertificate, default);

        Assert.NotEqual(a.RequestNo, b.RequestNo);
        Assert.EndsWith("0001", a.RequestNo, StringComparison.Ordinal);
        Assert.EndsWith("0002", b.RequestNo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_Should_ChargeSubjectFeeTimesCount_When_BySubject()
    {
        var plan = await ACatalogSeed.SeedPlanAsync(_db, _catalog, _subject, RegistrationMode.BySubject);
        Register(_catalog.School.Id, 3, plan, _subject);
        Register(_catalog.School.Id, 2); // the 按证书 plan: not billed here

        var request = await Service().GenerateAsync(new(RegistrationMode.BySubject, plan.Id, _catalog.Certificate.Id, CertificateLevel.Junior, _subject.Id), default);

        Assert.Equal(3, request.Count);
        Assert.Equal(90m, request.UnitFee);
        Assert.Equal(270m, request.Amount);
        Assert.Equal("理论知识", request.SubjectName);
        Assert.Equal("按科目", request.ModeText);
    }

    [Fact]
    public async Task GenerateAsync_Should_Refuse_When_ModeDoesNotMatchThePlan()
    {
        Register(_catalog.School.Id, 1);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Service().GenerateAsync(new(RegistrationMode.BySubject, _plan.Id, _catalog.Certificate.Id, CertificateLevel.Junior, _subject.Id), default));

        Assert.Contains("按证书", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_Should_Refuse_When_RegistrationWindowClosed()
    {
        Register(_catalog.School.Id, 1);
        _clock.SetUtcNow(ADomain.Day(11));

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service().GenerateAsync(ByCertificate, default));

        Assert.Equal("考试计划不在报考阶段，不能生成缴费申请单", ex.Message);
    }

    [Fact]
    public async Task GenerateAsync_Should_Refuse_When_CertificateLevelNotInPlan()
    {
        Register(_catalog.School.Id, 1);

        await Assert.ThrowsAsync<DomainRuleException>(() => Service().GenerateAsync(ByCertificate with { Level = CertificateLevel.Senior }, default));
    }

    [Fact]
    public async Task GenerateAsync_Should_Refuse_When_NotASchool()
    {
        Register(_catalog.School.Id, 1);

        await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).GenerateAsync(ByCertificate, default));
    }

    [Fact]
    public async Task PreviewAsync_Should_CountOnlyWhatWouldBeBilled()
    {
        Register(_catalog.School.Id, 3);
        Register(_catalog.OtherSchool.Id, 1);

        var preview = await Service().PreviewAsync(ByCertificate, default);

        Assert.Equal((3, 180m, 540m), (preview.Count, preview.UnitFee, preview.Amount));
        await Service().GenerateAsync(ByCertificate, default);
        var after = await Service().PreviewAsync(ByCertificate, default);
        Assert.Equal(0, after.Count);
        Assert.Equal(PaymentRequest.NothingToBill, after.Text);
        Assert.Equal(1, (await Service(OtherSchool).PreviewAsync(ByCertificate, default)).Count);
    }

    [Fact]
    public async Task PlanOptionsAsync_Should_ListOpenPlansOfTheMode_When_School()
    {
        var options = await Service().PlanOptionsAsync(RegistrationMode.ByCertificate, default);

        var plan = Assert.Single(options);
        Assert.Equal(_plan.Id, plan.ExamPlanId);
        var certificate = Assert.Single(plan.Certificates);
        Assert.Equal("信息化应用职业技能等级证书（初级）", certificate.Title);
        Assert.Empty(certificate.Subjects);
        Assert.Empty(await Service().PlanOptionsAsync(RegistrationMode.BySubject, default));
        _clock.SetUtcNow(ADomain.Day(11));
        Assert.Empty(await Service().PlanOptionsAsync(RegistrationMode.ByCertificate, default));
    }

    [Fact]
    public async Task DeleteAsync_Should_FreeTheRegistrations_When_Unconfirmed()
    {
        Register(_catalog.School.Id, 2);
        var request = await Service().GenerateAsync(ByCertificate, default);

        await Service().DeleteAsync(request.Id, default);

        Assert.Equal(0, (await Service().ListAsync(new(), new(), default)).TotalCount);
        var again = await Service().GenerateAsync(ByCertificate, default);
        Assert.Equal(2, again.Count);
        await using var ctx = _db.OpenAsSystem();
        Assert.Contains(await ctx.Set<AuditEntry>().ToListAsync(), a => a.EntityType == nameof(PaymentRequest) && a.Action == "删除");
    }

    [Fact]
    public async Task DeleteAsync_Should_Refuse_When_Confirmed()
    {
        Register(_catalog.School.Id, 2);
        var request = await Service().GenerateAsync(ByCertificate, default);
        await Service(Org).ConfirmAsync(request.Id, default);

        await Assert.ThrowsAsync<DomainRuleException>(() => Service().DeleteAsync(request.Id, default));

        Assert.Equal(1, (await Service().ListAsync(new(), new(), default)).TotalCount);
    }

    [Fact]
    public async Task ConfirmAsync_Should_MarkRegistrationsPaidAndAudit_When_Organization()
    {
        var ids = Register(_catalog.School.Id, 3);
        var request = await Service().GenerateAsync(ByCertificate, default);
        _clock.SetUtcNow(ADomain.Day(4));

        await Service(Org).ConfirmAsync(request.Id, default);

        Assert.All(Registrations(ids), r =>
        {
            Assert.True(r.IsPaid);
            Assert.Equal(request.Id, r.PaymentRequestId);
        });
        var detail = await Service().GetAsync(request.Id, default);
        Assert.Equal(PaymentStatus.Confirmed, detail!.Request.Status);
        Assert.Equal("中物联(wl)", detail.Request.ConfirmedBy);
        Assert.Equal(ADomain.Day(4), detail.Request.ConfirmedUtc);
        Assert.All(detail.Registrations, r => Assert.Equal("已缴费", r.PaidText));
        Assert.False(detail.Request.CanConfirm);
        await using var ctx = _db.OpenAsSystem();
        Assert.Contains(await ctx.Set<AuditEntry>().ToListAsync(), a => a.EntityType == nameof(PaymentRequest) && a.ToStatus == "已确认");
    }

    [Fact]
    public async Task ConfirmAsync_Should_Refuse_When_School()
    {
        var ids = Register(_catalog.School.Id, 1);
        var request = await Service().GenerateAsync(ByCertificate, default);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service().ConfirmAsync(request.Id, default));

        Assert.Equal("只有培训评价组织可以确认缴费", ex.Message);
        Assert.False(Assert.Single(Registrations(ids)).IsPaid);
    }

    [Fact]
    public async Task ConfirmAsync_Should_Refuse_When_ConfirmedTwice()
    {
        Register(_catalog.School.Id, 1);
        var request = await Service().GenerateAsync(ByCertificate, default);
        await Service(Org).ConfirmAsync(request.Id, default);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service(Org).ConfirmAsync(request.Id, default));

        Assert.StartsWith(request.RequestNo, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmManyAsync_Should_ReportEachRequest_When_SomeCannotBeConfirmed()
    {
        Register(_catalog.School.Id, 2);
        var a = await Service().GenerateAsync(ByCertificate, default);
        var otherIds = Register(_catalog.OtherSchool.Id, 3);
        var b = await Service(OtherSchool).GenerateAsync(ByCertificate, default);
        await Service(Org).ConfirmAsync(a.Id, default);

        var result = await Service(Org).ConfirmManyAsync([a.Id, b.Id, 999], default);

        Assert.Equal(1, result.Succeeded);
        Assert.Equal(2, result.Failed);
        Assert.Contains(result.Failures, f => f.RecordId == a.Id && f.Reason.StartsWith(a.RequestNo, StringComparison.Ordinal));
        Assert.Contains(result.Failures, f => f.RecordId == 999);
        Assert.All(Registrations(otherIds), r => Assert.True(r.IsPaid));
    }

    [Fact]
    public async Task ListAsync_Should_ShowOnlyOwnedCertificates_When_SubAccountIsCertificateOwner()
    {
        Register(_catalog.School.Id, 1);
        await Service().GenerateAsync(ByCertificate, default);
        var owner = School with { Role = UserRole.SchoolUser, OwnedCertificateIds = [_catalog.Certificate.Id] };
        var otherOwner = School with { Role = UserRole.SchoolUser, OwnedCertificateIds = [_catalog.Certificate.Id + 1000] };

        Assert.Single((await Service(owner).ListAsync(new(), new(), default)).Items);
        Assert.Empty((await Service(otherOwner).ListAsync(new(), new(), default)).Items);
    }

    [Fact]
    public async Task ListAsync_Should_ShowAllSchoolsOfItsPlans_When_Organization()
    {
        Register(_catalog.School.Id, 1);
        await Service().GenerateAsync(ByCertificate, default);
        Register(_catalog.OtherSchool.Id, 1);
        await Service(OtherSchool).GenerateAsync(ByCertificate, default);

        var rows = await Service(Org).ListAsync(new(), new(), default);

        Assert.Equal(["北京交通大学", "北方工业大学"], rows.Items.Select(r => r.SchoolName).Order(StringComparer.Ordinal));
        Assert.Single((await Service(Org).ListAsync(new(SchoolName: "北方"), new(), default)).Items);
    }

    [Fact]
    public async Task OtherOrganization_Should_NeitherSeeNorConfirm_When_RequestBelongsToAnotherOrganizationsPlan()
    {
        var ids = Register(_catalog.School.Id, 2);
        var request = await Service().GenerateAsync(ByCertificate, default);

        Assert.Equal(0, (await Service(OtherOrg).ListAsync(new(), new(), default)).TotalCount);
        Assert.Null(await Service(OtherOrg).GetAsync(request.Id, default));
        Assert.Equal(0, (await Service(OtherOrg).CountsAsync(new(), default)).Values.Sum());
        var result = await Service(OtherOrg).ConfirmManyAsync([request.Id], default);
        Assert.Equal(0, result.Succeeded);
        await Assert.ThrowsAsync<DomainRuleException>(() => Service(OtherOrg).ConfirmAsync(request.Id, default));
        Assert.All(Registrations(ids), r => Assert.False(r.IsPaid));
        Assert.Equal(PaymentStatus.Unconfirmed, (await Service().GetAsync(request.Id, default))!.Request.Status);
    }

    [Fact]
    public async Task OtherSchool_Should_NeitherSeeNorDelete_When_RequestBelongsToAnotherSchool()
    {
        Register(_catalog.School.Id, 2);
        var request = await Service().GenerateAsync(ByCertificate, default);

        Assert.Equal(0, (await Service(OtherSchool).ListAsync(new(), new(), default)).TotalCount);
        Assert.Empty(await Service(OtherSchool).ExportRowsAsync(new(), default));
        Assert.Null(await Service(OtherSchool).GetAsync(request.Id, default));
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service(OtherSchool).DeleteAsync(request.Id, default));
        Assert.Equal(PaymentService.NotFound, ex.Message);
        Assert.Equal(1, (await Service().ListAsync(new(), new(), default)).TotalCount);
    }

    [Fact]
    public async Task ListAsync_Should_Refuse_When_Province()
    {
        var province = new FixedCurrentUser(UserRole.ProvinceAdmin, ProvinceId: _catalog.Province.Id);

        await Assert.ThrowsAsync<DomainRuleException>(() => Service(province).ListAsync(new(), new(), default));
    }

    [Fact]
    public async Task CountsAndFilters_Should_FollowStatusAndRequestNo()
    {
        Register(_catalog.School.Id, 1);
        var a = await Service().GenerateAsync(ByCertificate, default);
        Register(_catalog.School.Id, 1);
        var b = await Service().GenerateAsync(ByCertificate, default);
        await Service(Org).ConfirmAsync(a.Id, default);

        var counts = await Service().CountsAsync(new(), default);
        Assert.Equal(1, counts[PaymentStatus.Unconfirmed]);
        Assert.Equal(1, counts[PaymentStatus.Confirmed]);
        Assert.Equal(b.Id, Assert.Single((await Service().ListAsync(new(Status: PaymentStatus.Unconfirmed), new(), default)).Items).Id);
        Assert.Equal(a.Id, Assert.Single((await Service().ListAsync(new(RequestNo: a.RequestNo), new(), default)).Items).Id);
        Assert.Equal(2, (await Service().ListAsync(new(PlanName: "信息化", CertificateName: "信息化应用"), new(), default)).TotalCount);
        Assert.Equal(0, (await Service().ListAsync(new(CertificateName: "物流"), new(), default)).TotalCount);
        Assert.Equal(2, (await Service().ExportRowsAsync(new(), default)).Count);
    }
}
