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

namespace CertHub.Tests.Data.Registrations;

/// <summary>报考管理 on real SQLite: filters, computed status and payment tabs, export, delete rules and tenancy.</summary>
public sealed class RegistrationServiceTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(2));
    private readonly RegistrationScenario _s;

    public RegistrationServiceTests() => _s = RegistrationScenario.SaveIn(_db);

    public void Dispose() => _db.Dispose();

    private RegistrationService Service(ICurrentUser user) => new(_db.FactoryFor(user), user, new RecordingChangeFeed(), _clock);

    private static readonly PageRequest Page = new(1, 50);

    private void Update(int registrationId, Action<Registration> change)
    {
        using var db = _db.OpenAsSystem();
        change(db.Set<Registration>().Single(r => r.Id == registrationId));
        db.SaveChanges();
    }

    private int PayAndSchedule(Registration registration, bool schedule = true)
    {
        using var db = _db.OpenAsSystem();
        var tracked = db.Set<Registration>().Single(r => r.Id == registration.Id);
        var request = PaymentRequest.Create(PaymentRequest.NewRequestNo(ADomain.Day(3), 1 + registration.Id), _s.OrganizationId, [tracked], 180m, "张老师", ADomain.Day(3));
        db.Add(request);
        db.SaveChanges();
        request.Confirm("组织", ADomain.Day(4));
        tracked.MarkPaid(request.Id);
        if (schedule)
        {
            tracked.MarkScheduled();
        }

        db.SaveChanges();
        return request.Id;
    }

    [Fact]
    public async Task ListAsync_Should_ShowOnlyOwnedCertificates_When_SubAccountIsCertificateOwner()
    {
        _s.Register(_db, "good", _s.ByCertificatePlanId, _s.CertificateId);
        var school = _s.School;
        var owner = school with { Role = UserRole.SchoolUser, OwnedCertificateIds = [_s.CertificateId] };
        var otherOwner = school with { Role = UserRole.SchoolUser, OwnedCertificateIds = [_s.CertificateId + 1000] };

        Assert.Equal(1, (await Service(owner).ListAsync(new RegistrationFilter(), Page, default)).TotalCount);
        Assert.Equal(0, (await Service(otherOwner).ListAsync(new RegistrationFilter(), Page, default)).TotalCount);
        Assert.Equal(1, (await Service(school with { Role = UserRole.SchoolUser }).ListAsync(new RegistrationFilter(), Page, default)).TotalCount);
    }

    [Fact]
    public async Task ListAsync_Should_ShowSchoolOwnRegistrations_WithMaskedIds_AndFilters()
    {
        var good = _s.Register(_db, "good", _s.ByCertificatePlanId, _s.CertificateId);
        _s.Register(_db, "public", _s.BySubjectPlanId, _s.CertificateId, subjectId: _s.TheorySubjectId);
        _s.Register(_db, "b-good", _s.ByCertificatePlanId, _s.CertificateId);

        var all = await Service(_s.School).ListAsync(new RegistrationFilter(), Page, default);
        Assert.Equal(2, all.TotalCount);
        var item = all.Items.Single(i => i.Id == good.Id);
        Assert.Equal(("2021年9月信息化考试（按证书）", "北京科技大学", $"{RegistrationScenario.Certificate}(初级)", RegistrationStatus.NotScheduled),
            (item.PlanName, item.SchoolName, item.CertificateWithLevel, item.Status));
        Assert.Equal(IdMask.Mask(_s.IdOf("good")), item.MaskedIdNumber);
        Assert.DoesNotContain(_s.IdOf("good"), item.MaskedIdNumber);
        Assert.True(item.CanDelete);

        var service = Service(_s.School);
        Assert.Single((await service.ListAsync(new RegistrationFilter(PlanId: _s.BySubjectPlanId), Page, default)).Items);
        Assert.Single((await service.ListAsync(new RegistrationFilter(SubjectId: _s.TheorySubjectId), Page, default)).Items);
        Assert.Single((await service.ListAsync(new RegistrationFilter(Name: _s.NameOf("good")), Page, default)).Items);
        Assert.Single((await service.ListAsync(new RegistrationFilter(IdNumber: _s.IdOf("public")), Page, default)).Items);
        Assert.Single((await service.ListAsync(new RegistrationFilter(CandidateNo: _s.Candidates["good"].CandidateNo), Page, default)).Items);
        Assert.Single((await service.ListAsync(new RegistrationFilter(CandidateType: CandidateType.PublicCandidate), Page, default)).Items);
        Assert.Equal(2, (await service.ListAsync(new RegistrationFilter(CertificateId: _s.CertificateId, Level: CertificateLevel.Junior), Page, default)).TotalCount);
    }

    [Fact]
    public async Task CountsAsync_Should_ComputeStatusFromSchedulingAndExamTime_AndPayment()
    {
        var notScheduled = _s.Register(_db, "good", _s.ByCertificatePlanId, _s.CertificateId);
        var paidOnly = _s.Register(_db, "good2", _s.ByCertificatePlanId, _s.CertificateId);
        var scheduled = _s.Register(_db, "good3", _s.ByCertificatePlanId, _s.CertificateId);
        PayAndSchedule(paidOnly, schedule: false);
        PayAndSchedule(scheduled);
        var service = Service(_s.School);

        async Task<(int NotScheduled, int Awaiting, int InExam, int Ended, int Paid, int Unpaid)> CountsAt(DateTimeOffset now)
        {
            _clock.SetUtcNow(now);
            var counts = await service.CountsAsync(new RegistrationFilter(), default);
            return (counts.ByStatus[RegistrationStatus.NotScheduled], counts.ByStatus[RegistrationStatus.AwaitingExam], counts.ByStatus[RegistrationStatus.InExam],
                counts.ByStatus[RegistrationStatus.Ended], counts.ByPayment[RegistrationPayment.Paid], counts.ByPayment[RegistrationPayment.Unpaid]);
        }

        // 初级 subjects in the plan: day 16 09–11, 10–12 and 13–15, so the certificate's exam runs 09–15.
        Assert.Equal((2, 1, 0, 0, 2, 1), await CountsAt(ADomain.Day(15)));
        Assert.Equal((2, 0, 1, 0, 2, 1), await CountsAt(ADomain.Day(16, 14)));
        Assert.Equal((2, 0, 0, 1, 2, 1), await CountsAt(ADomain.Day(16, 15)));

        var ended = await service.ListAsync(new RegistrationFilter(Status: RegistrationStatus.Ended), Page, default);
        Assert.Equal([scheduled.Id], ended.Items.Select(i => i.Id));
        Assert.Equal(RegistrationStatus.Ended, ended.Items[0].Status);
        var unpaid = await service.ListAsync(new RegistrationFilter(Payment: RegistrationPayment.Unpaid), Page, default);
        Assert.Equal([notScheduled.Id], unpaid.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task CountsAsync_Should_UseTheSubjectTime_WhenRegisteredBySubject()
    {
        var theory = _s.Register(_db, "good", _s.BySubjectPlanId, _s.CertificateId, subjectId: _s.TheorySubjectId);
        var practice = _s.Register(_db, "good", _s.BySubjectPlanId, _s.CertificateId, subjectId: _s.PracticeSubjectId);
        PayAndSchedule(theory);
        PayAndSchedule(practice);
        _clock.SetUtcNow(ADomain.Day(16, 12)); // 理论知识 09–11 ended, 实操技能 13–15 not started

        var items = (await Service(_s.School).ListAsync(new RegistrationFilter(), Page, default)).Items;

        Assert.Equal(RegistrationStatus.Ended, items.Single(i => i.Id == theory.Id).Status);
        Assert.Equal(RegistrationStatus.AwaitingExam, items.Single(i => i.Id == practice.Id).Status);
        Assert.Equal("理论知识", items.Single(i => i.Id == theory.Id).SubjectName);
    }

    [Fact]
    public async Task ListAsync_Should_ShowOrganisationOnlyItsPlans_AcrossSchools()
    {
        _s.Register(_db, "good", _s.ByCertificatePlanId, _s.CertificateId);
        _s.Register(_db, "b-good", _s.ByCertificatePlanId, _s.CertificateId);
        var java = _s.Register(_db, "good", _s.OtherOrgPlanId, _s.JavaCertificateId);

        var org = await Service(_s.Organization).ListAsync(new RegistrationFilter(), Page, default);
        Assert.Equal(["北京科技大学", "北方工业大学"], org.Items.Select(i => i.SchoolName).Order(StringComparer.Ordinal));
        var other = await Service(_s.OtherOrganization).ListAsync(new RegistrationFilter(), Page, default);
        Assert.Equal([java.Id], other.Items.Select(i => i.Id));
        Assert.Equal(["2021年9月JAVA考试"], (await Service(_s.OtherOrganization).FilterOptionsAsync(default)).Plans.Select(p => p.Text));
    }

    [Fact]
    public async Task Service_Should_HideAndProtect_AnotherSchoolsRegistrations()
    {
        var mine = _s.Register(_db, "good", _s.ByCertificatePlanId, _s.CertificateId);
        var other = Service(_s.OtherSchool);

        Assert.Equal(0, (await other.ListAsync(new RegistrationFilter(), Page, default)).TotalCount);
        Assert.Empty(await other.ExportRowsAsync(new RegistrationFilter(), [mine.Id], default));
        var result = await other.DeleteManyAsync([mine.Id], default);
        Assert.Equal(RegistrationMessages.NotFound, result.Failures.Single().Reason);
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => other.DeleteAsync(mine.Id, default));
        Assert.Equal(RegistrationMessages.NotFound, ex.Message);
        await using var db = _db.OpenAsSystem();
        Assert.True(await db.Set<Registration>().AnyAsync(r => r.Id == mine.Id));
    }

    [Fact]
    public async Task Service_Should_RefuseProvince_AndOrganisationDeletes()
    {
        var mine = _s.Register(_db, "good", _s.ByCertificatePlanId, _s.CertificateId);

        var province = await Assert.ThrowsAsync<DomainRuleException>(() => Service(_s.Province).ListAsync(new RegistrationFilter(), Page, default));
        Assert.Equal(RegistrationMessages.NoAccess, province.Message);
        var org = await Assert.ThrowsAsync<DomainRuleException>(() => Service(_s.Organization).DeleteAsync(mine.Id, default));
        Assert.Equal(RegistrationMessages.SchoolOnly, org.Message);
        Assert.False(Service(_s.Organization).CanManage);
    }

    [Fact]
    public async Task DeleteManyAsync_Should_DeleteOnlyUnscheduledUnpaid_AndReportTheOthers()
    {
        var free = _s.Register(_db, "good", _s.ByCertificatePlanId, _s.CertificateId);
        var requested = _s.Register(_db, "good2", _s.ByCertificatePlanId, _s.CertificateId);
        var paid = _s.Register(_db, "good3", _s.ByCertificatePlanId, _s.CertificateId);
        var scheduled = _s.Register(_db, "public", _s.ByCertificatePlanId, _s.CertificateId);
        await using (var db = _db.OpenAsSystem())
        {
            var tracked = db.Set<Registration>().Single(r => r.Id == requested.Id);
            db.Add(PaymentRequest.Create(PaymentRequest.NewRequestNo(ADomain.Day(3), 99), _s.OrganizationId, [tracked], 180m, "张老师", ADomain.Day(3)));
            db.SaveChanges();
        }

        PayAndSchedule(paid, schedule: false);
        PayAndSchedule(scheduled);

        var result = await Service(_s.School).DeleteManyAsync([free.Id, requested.Id, paid.Id, scheduled.Id], default);

        Assert.Equal(1, result.Succeeded);
        Assert.Equal([RegistrationMessages.InPaymentRequest, RegistrationMessages.Paid, RegistrationMessages.Scheduled],
            result.Failures.OrderBy(f => f.RegistrationId).Select(f => f.Reason));
        Assert.Contains("删除成功 1 条，失败 3 条", result.Summary("删除"));
        await using var check = _db.OpenAsSystem();
        Assert.Equal([requested.Id, paid.Id, scheduled.Id], await check.Set<Registration>().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
        var empty = await Assert.ThrowsAsync<DomainRuleException>(() => Service(_s.School).DeleteManyAsync([], default));
        Assert.Equal(RegistrationMessages.NoneSelected, empty.Message);
    }

    [Fact]
    public async Task ExportRowsAsync_Should_ExportSelectionOrFilter_WithMaskedIds()
    {
        var good = _s.Register(_db, "good", _s.ByCertificatePlanId, _s.CertificateId);
        _s.Register(_db, "public", _s.ByCertificatePlanId, _s.CertificateId);
        var service = Service(_s.School);

        var selected = await service.ExportRowsAsync(new RegistrationFilter(), [good.Id], default);
        Assert.Equal([_s.NameOf("good")], selected.Select(r => r.Name));
        Assert.Equal(IdMask.Mask(_s.IdOf("good")), selected[0].MaskedIdNumber);
        var filtered = await service.ExportRowsAsync(new RegistrationFilter(CandidateType: CandidateType.PublicCandidate), null, default);
        Assert.Equal([_s.NameOf("public")], filtered.Select(r => r.Name));
        Assert.Equal(2, (await service.ExportRowsAsync(new RegistrationFilter(), null, default)).Count);
    }

    [Fact]
    public async Task ImportPlansAsync_Should_OfferOpenPlansListingTheSchool_InTheMode()
    {
        var byCertificate = await Service(_s.School).ImportPlansAsync(RegistrationMode.ByCertificate, default);
        Assert.Equal([_s.OtherOrgPlanId, _s.ByCertificatePlanId], byCertificate.Select(p => p.Id));
        var bySubject = await Service(_s.School).ImportPlansAsync(RegistrationMode.BySubject, default);
        Assert.Equal([$"{RegistrationScenario.Certificate}(初级)"], bySubject.Single().Certificates.Select(c => c.Text));
        Assert.Empty(await Service(_s.OtherSchool).ImportPlansAsync(RegistrationMode.BySubject, default));
        _clock.SetUtcNow(ADomain.Day(10));
        Assert.Empty(await Service(_s.School).ImportPlansAsync(RegistrationMode.ByCertificate, default));
    }
}
