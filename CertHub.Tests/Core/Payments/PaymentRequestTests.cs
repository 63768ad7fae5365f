using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Payments;
using CertHub.Core.Registrations;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Core.Payments;

public sealed class PaymentRequestTests
{
    private static readonly Dictionary<(PaymentStatus, PaymentAction), PaymentStatus> Expected = new()
    {
        [(PaymentStatus.Unconfirmed, PaymentAction.Confirm)] = PaymentStatus.Confirmed,
        [(PaymentStatus.Unconfirmed, PaymentAction.Delete)] = PaymentStatus.Unconfirmed,
    };

    public static TheoryData<PaymentStatus, PaymentAction> AllPairs()
    {
        var data = new TheoryData<PaymentStatus, PaymentAction>();
        foreach (var status in Enum.GetValues<PaymentStatus>())
        {
            foreach (var action in Enum.GetValues<PaymentAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Action_Should_ReachExpectedStatusOrThrow_When_AppliedInStatus(PaymentStatus from, PaymentAction action)
    {
        var request = ADomain.PaymentRequest(from);
        void Act()
        {
            if (action == PaymentAction.Confirm)
            {
                request.Confirm("组织财务", ADomain.Day(5));
            }
            else
            {
                request.EnsureDeletable();
            }
        }

        if (Expected.TryGetValue((from, action), out var to))
        {
            Act();
            Assert.Equal(to, request.Status);
        }
        else
        {
            Assert.Throws<DomainRuleException>(Act);
            Assert.Equal(from, request.Status);
        }
    }

    [Fact]
    public void Create_Should_ComputeAmount_When_RegistrationsGiven()
    {
        var request = ADomain.PaymentRequest(count: 3, unitFee: 180.5m);

        Assert.Equal(3, request.Count);
        Assert.Equal(541.50m, request.Amount);
        Assert.Equal(3, request.Items.Count);
        Assert.True(request.Contains(2));
    }

    [Fact]
    public void Confirm_Should_RecordWhoAndWhen_When_Unconfirmed()
    {
        var request = ADomain.PaymentRequest();

        request.Confirm("组织财务", ADomain.Day(5));

        Assert.Equal("组织财务", request.ConfirmedBy);
        Assert.Equal(ADomain.Day(5), request.ConfirmedUtc);
        Assert.False(request.CanDelete);
        Assert.Throws<DomainRuleException>(() => request.Confirm("组织财务", ADomain.Day(6)));
    }

    [Fact]
    public void Create_Should_Throw_When_RegistrationAlreadyPaid()
    {
        var registration = ADomain.Registration();
        registration.MarkPaid(1);

        Assert.Throws<DomainRuleException>(() => PaymentRequest.Create("JF1", 1, [registration], 180, ADomain.Actor, ADomain.Day(3)));
    }

    [Fact]
    public void Create_Should_Throw_When_NoRegistrations() =>
        Assert.Throws<DomainRuleException>(() => PaymentRequest.Create("JF1", 1, [], 180, ADomain.Actor, ADomain.Day(3)));

    [Fact]
    public void NewRequestNo_Should_FormatChinaTimeAndSequence_When_Generated() =>
        Assert.Equal("JF202109161426410012", PaymentRequest.NewRequestNo(DateTimeOffset.FromUnixTimeSeconds(1631773601), 12)); // 06:26:41 UTC

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void CanApplyFrom_Should_MatchTheTable_When_AskedForEveryPair(PaymentStatus from, PaymentAction action) =>
        Assert.Equal(Expected.ContainsKey((from, action)), PaymentRequest.CanApplyFrom(from, action));

    [Fact]
    public void EnsureDeletable_Should_Throw_When_Confirmed()
    {
        var request = ADomain.PaymentRequest(PaymentStatus.Confirmed);

        Assert.Throws<DomainRuleException>(request.EnsureDeletable);
        Assert.False(request.CanDelete);
        Assert.False(request.CanConfirm);
    }

    [Fact]
    public void Generate_Should_TakeFeeAndOrganizationFromPlan_When_ByCertificate()
    {
        var plan = ADomain.ExamPlan();
        var registrations = Registrations(plan, 4);

        var request = PaymentRequest.Generate("JF1", plan, RegistrationMode.ByCertificate, registrations, ADomain.Actor, ADomain.Day(3));

        Assert.Equal(4, request.Count);
        Assert.Equal(180m, request.UnitFee);
        Assert.Equal(720m, request.Amount);
        Assert.Equal(plan.OrganizationId, request.OrganizationId);
        Assert.Null(request.SubjectId);
        Assert.Equal(PaymentStatus.Unconfirmed, request.Status);
    }

    [Fact]
    public void Generate_Should_UseSubjectFee_When_BySubject()
    {
        var subject = ADomain.Subject();
        var plan = ADomain.ExamPlan(RegistrationMode.BySubject, subject: subject);
        var registrations = Enumerable.Range(1, 3)
            .Select(i => Registration.Create(plan, ADomain.Candidate(), 1, CertificateLevel.Junior, subject, null, ADomain.Day(2)).WithId(i))
            .ToList();

        var request = PaymentRequest.Generate("JF1", plan, RegistrationMode.BySubject, registrations, ADomain.Actor, ADomain.Day(3));

        Assert.Equal(subject.Id, request.SubjectId);
        Assert.Equal(90m, request.UnitFee);
        Assert.Equal(270m, request.Amount);
    }

    [Fact]
    public void Generate_Should_Throw_When_ModeDiffersFromPlan()
    {
        var plan = ADomain.ExamPlan();

        var ex = Assert.Throws<DomainRuleException>(() =>
            PaymentRequest.Generate("JF1", plan, RegistrationMode.BySubject, Registrations(plan, 1), ADomain.Actor, ADomain.Day(3)));

        Assert.Contains("按证书", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)] // before registration opens (报考 [1,10))
    [InlineData(10)] // 排考中
    [InlineData(30)] // 已结束
    public void Generate_Should_Throw_When_PlanNotInRegistration(int day)
    {
        var plan = ADomain.ExamPlan();

        var ex = Assert.Throws<DomainRuleException>(() =>
            PaymentRequest.Generate("JF1", plan, RegistrationMode.ByCertificate, Registrations(plan, 1), ADomain.Actor, ADomain.Day(day)));

        Assert.Equal("考试计划不在报考阶段，不能生成缴费申请单", ex.Message);
    }

    [Fact]
    public void Generate_Should_Throw_When_NothingToBill()
    {
        var ex = Assert.Throws<DomainRuleException>(() =>
            PaymentRequest.Generate("JF1", ADomain.ExamPlan(), RegistrationMode.ByCertificate, [], ADomain.Actor, ADomain.Day(3)));

        Assert.Equal(PaymentRequest.NothingToBill, ex.Message);
    }

    [Fact]
    public void Generate_Should_Throw_When_RegistrationOfAnotherPlan()
    {
        var plan = ADomain.ExamPlan();
        var other = ADomain.ExamPlan().WithId(99);

        Assert.Throws<DomainRuleException>(() =>
            PaymentRequest.Generate("JF1", other, RegistrationMode.ByCertificate, Registrations(plan, 1), ADomain.Actor, ADomain.Day(3)));
    }

    [Fact]
    public void Create_Should_Throw_When_RegistrationsOfDifferentLevels()
    {
        var plan = ADomain.ExamPlan();
        var intermediatePlan = ADomain.ExamPlan(level: CertificateLevel.Intermediate);
        var junior = ADomain.Registration(1, plan);
        var intermediate = Registration.Create(intermediatePlan, ADomain.Candidate(), 1, CertificateLevel.Intermediate, null, null, ADomain.Day(2)).WithId(2);

        Assert.Throws<DomainRuleException>(() => PaymentRequest.Create("JF1", 1, [junior, intermediate], 180, ADomain.Actor, ADomain.Day(3)));
    }

    [Fact]
    public void Create_Should_Throw_When_RegistrationRepeated()
    {
        var registration = ADomain.Registration(1);

        Assert.Throws<DomainRuleException>(() => PaymentRequest.Create("JF1", 1, [registration, registration], 180, ADomain.Actor, ADomain.Day(3)));
    }

    [Fact]
    public void ConfirmWithRegistrations_Should_MarkEveryRegistrationPaid_When_Unconfirmed()
    {
        var registrations = Registrations(ADomain.ExamPlan(), 3);
        var request = PaymentRequest.Create("JF1", 1, registrations, 180, ADomain.Actor, ADomain.Day(3)).WithId(7);

        request.Confirm(registrations, "组织财务", ADomain.Day(4));

        Assert.Equal(PaymentStatus.Confirmed, request.Status);
        Assert.All(registrations, r => Assert.True(r.IsPaid));
        Assert.All(registrations, r => Assert.Equal(7, r.PaymentRequestId));
    }

    [Fact]
    public void ConfirmWithRegistrations_Should_Throw_When_ConfirmedTwice()
    {
        var registrations = Registrations(ADomain.ExamPlan(), 2);
        var request = PaymentRequest.Create("JF1", 1, registrations, 180, ADomain.Actor, ADomain.Day(3)).WithId(7);
        request.Confirm(registrations, "组织财务", ADomain.Day(4));

        Assert.Throws<DomainRuleException>(() => request.Confirm(registrations, "组织财务", ADomain.Day(5)));
        Assert.Equal(ADomain.Day(4), request.ConfirmedUtc);
    }

    [Fact]
    public void ConfirmWithRegistrations_Should_ThrowAndChangeNothing_When_RegistrationsDoNotMatchItems()
    {
        var registrations = Registrations(ADomain.ExamPlan(), 3);
        var request = PaymentRequest.Create("JF1", 1, registrations, 180, ADomain.Actor, ADomain.Day(3)).WithId(7);

        Assert.Throws<DomainRuleException>(() => request.Confirm(registrations.Take(2).ToList(), "组织财务", ADomain.Day(4)));
        Assert.Equal(PaymentStatus.Unconfirmed, request.Status);
        Assert.All(registrations, r => Assert.False(r.IsPaid));
    }

    [Fact]
    public void ConfirmWithRegistrations_Should_ThrowAndChangeNothing_When_ARegistrationIsAlreadyPaid()
    {
        var registrations = Registrations(ADomain.ExamPlan(), 2);
        var request = PaymentRequest.Create("JF1", 1, registrations, 180, ADomain.Actor, ADomain.Day(3)).WithId(7);
        registrations[1].MarkPaid(3);

        Assert.Throws<DomainRuleException>(() => request.Confirm(registrations, "组织财务", ADomain.Day(4)));
        Assert.Equal(PaymentStatus.Unconfirmed, request.Status);
        Assert.False(registrations[0].IsPaid);
    }

    [Fact]
    public void ConfirmWithRegistrations_Should_Throw_When_RequestNotSaved()
    {
        var registrations = Registrations(ADomain.ExamPlan(), 1);
        var request = PaymentRequest.Create("JF1", 1, registrations, 180, ADomain.Actor, ADomain.Day(3));

        Assert.Throws<DomainRuleException>(() => request.Confirm(registrations, "组织财务", ADomain.Day(4)));
    }

    [Fact]
    public void NewRequestNo_Should_Throw_When_SequenceOutOfRange()
    {
        Assert.Throws<DomainRuleException>(() => PaymentRequest.NewRequestNo(ADomain.T0, 10_000));
        Assert.Throws<DomainRuleException>(() => PaymentRequest.NewRequestNo(ADomain.T0, -1));
    }

    private static List<Registration> Registrations(ExamPlan plan, int count) =>
        [.. Enumerable.Range(1, count).Select(i => ADomain.Registration(i, plan))];
}
