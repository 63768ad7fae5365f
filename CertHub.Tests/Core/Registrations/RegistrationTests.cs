using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Registrations;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Core.Registrations;

public sealed class RegistrationTests
{
    [Fact]
    public void Create_Should_SnapshotCandidate_When_Registered()
    {
        var candidate = ADomain.Candidate(CandidateInfoStatus.Accurate);

        var registration = ADomain.Registration(candidate: candidate);
        candidate.Edit(ADomain.Details() with { Phone = "13912345678" });

        Assert.Equal(candidate.CandidateNo, registration.CandidateNo);
        Assert.Equal("王小二", registration.Name);
        Assert.Equal("18300000551", registration.Phone);
        Assert.Equal(CandidateType.SchoolCandidate, registration.CandidateType);
        Assert.Equal("计算机应用技术", registration.MajorName);
    }

    [Fact]
    public void Create_Should_Throw_When_OutsideRegistrationWindow()
    {
        var plan = ADomain.ExamPlan();

        Assert.Throws<DomainRuleException>(() => Registration.Create(plan, ADomain.Candidate(), 1, CertificateLevel.Junior, null, null, ADomain.Day(10)));
    }

    [Fact]
    public void Create_Should_Throw_When_SchoolNotInPlan()
    {
        var plan = ADomain.ExamPlan(schoolIds: [2]);

        var ex = Assert.Throws<DomainRuleException>(() => Registration.Create(plan, ADomain.Candidate(), 1, CertificateLevel.Junior, null, null, ADomain.Day(2)));

        Assert.Contains("参考院校", ex.Message);
    }

    [Fact]
    public void Create_Should_RequireSubject_When_PlanIsBySubject()
    {
        var subject = ADomain.Subject(scope: CandidateScope.PublicCandidates);
        var plan = ADomain.ExamPlan(RegistrationMode.BySubject, subject: subject);

        Assert.Throws<DomainRuleException>(() => Registration.Create(plan, ADomain.Candidate(), 1, CertificateLevel.Junior, null, null, ADomain.Day(2)));
        Assert.Throws<DomainRuleException>(() => Registration.Create(plan, ADomain.Candidate(), 1, CertificateLevel.Junior, subject, null, ADomain.Day(2)));
        var registration = Registration.Create(plan, ADomain.Candidate(type: CandidateType.PublicCandidate), 1, CertificateLevel.Junior, subject, null, ADomain.Day(2));
        Assert.Equal(subject.Id, registration.SubjectId);
    }

    [Fact]
    public void Create_Should_Throw_When_SubjectGivenForPlanByCertificate() =>
        Assert.Throws<DomainRuleException>(() => Registration.Create(ADomain.ExamPlan(), ADomain.Candidate(), 1, CertificateLevel.Junior, ADomain.Subject(), null, ADomain.Day(2)));

    [Fact]
    public void StatusAt_Should_FollowSchedulingAndExamTime_When_AtBoundaryInstants()
    {
        var registration = ADomain.Registration();
        var start = ADomain.Day(16, 9);
        var end = ADomain.Day(16, 11);
        Assert.Equal(RegistrationStatus.NotScheduled, registration.StatusAt(start, start, end));

        registration.MarkPaid(7);
        registration.MarkScheduled();

        Assert.Equal(RegistrationStatus.AwaitingExam, registration.StatusAt(start.AddTicks(-1), start, end));
        Assert.Equal(RegistrationStatus.InExam, registration.StatusAt(start, start, end));
        Assert.Equal(RegistrationStatus.InExam, registration.StatusAt(end.AddTicks(-1), start, end));
        Assert.Equal(RegistrationStatus.Ended, registration.StatusAt(end, start, end));
        Assert.Equal(RegistrationStatus.AwaitingExam, registration.StatusAt(end, null, null));
    }

    [Fact]
    public void CanDelete_Should_RequireUnpaidAndUnscheduled_When_Asked()
    {
        var registration = ADomain.Registration();
        Assert.True(registration.CanDelete);

        registration.MarkPaid(7);
        Assert.False(registration.CanDelete);
        Assert.Equal(7, registration.PaymentRequestId);
    }

    [Fact]
    public void MarkPaid_Should_Throw_When_AlreadyPaid()
    {
        var registration = ADomain.Registration();
        registration.MarkPaid(7);

        Assert.Throws<DomainRuleException>(() => registration.MarkPaid(8));
    }

    [Fact]
    public void MarkScheduled_Should_Throw_When_Unpaid() =>
        Assert.Throws<DomainRuleException>(() => ADomain.Registration().MarkScheduled());

    [Fact]
    public void UpdateContact_Should_ChangePinyinAndPhone_When_Valid()
    {
        var registration = ADomain.Registration();

        registration.UpdateContact("WANG XIAO ER", "13912345678");

        Assert.Equal("WANG XIAO ER", registration.Pinyin);
        Assert.Equal("13912345678", registration.Phone);
        Assert.Throws<DomainRuleException>(() => registration.UpdateContact("x", "12345"));
    }
}
