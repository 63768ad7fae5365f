using CertHub.Core.Candidates;
using CertHub.Core.Common;
using CertHub.Core.Registrations;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Core.Registrations;

/// <summary>The rules 报考管理 adds: which 信息状态 may register, when a registration may be deleted, the status of list rows.</summary>
public sealed class RegistrationRulesTests
{
    [Theory]
    [InlineData(CandidateInfoStatus.NoPhoto, false)]
    [InlineData(CandidateInfoStatus.PendingVerification, false)]
    [InlineData(CandidateInfoStatus.NeedsManualCheck, false)]
    [InlineData(CandidateInfoStatus.Accurate, true)]
    public void CanRegister_Should_RequireAccurateInformation_When_Asked(CandidateInfoStatus status, bool allowed)
    {
        Assert.Equal(allowed, Candidate.CanRegisterIn(status));
        Assert.Equal(allowed, ADomain.Candidate(status).CanRegister);
    }

    [Fact]
    public void EnsureDeletable_Should_Pass_When_UnscheduledUnpaidAndNotRequested() =>
        ADomain.Registration().EnsureDeletable(inPaymentRequest: false);

    [Fact]
    public void EnsureDeletable_Should_Throw_When_HeldByAPaymentRequest()
    {
        var ex = Assert.Throws<DomainRuleException>(() => ADomain.Registration().EnsureDeletable(inPaymentRequest: true));
        Assert.Equal(RegistrationMessages.InPaymentRequest, ex.Message);
    }

    [Fact]
    public void EnsureDeletable_Should_Throw_When_PaidOrScheduled()
    {
        var registration = ADomain.Registration();
        registration.MarkPaid(5);
        Assert.Equal(RegistrationMessages.Paid, Assert.Throws<DomainRuleException>(() => registration.EnsureDeletable(false)).Message);
        registration.MarkScheduled();
        Assert.Equal(RegistrationMessages.Scheduled, Assert.Throws<DomainRuleException>(() => registration.EnsureDeletable(false)).Message);
    }

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(true, true, false)]
    public void CanDeleteWhen_Should_MatchTheEntity_When_Projected(bool scheduled, bool paid, bool allowed) =>
        Assert.Equal(allowed, Registration.CanDeleteWhen(scheduled, paid));

    [Fact]
    public void StatusOf_Should_MatchStatusAt_When_Projected()
    {
        var registration = ADomain.Registration();
        registration.MarkPaid(1);
        registration.MarkScheduled();
        var (start, end) = (ADomain.Day(16, 9), ADomain.Day(16, 11));
        foreach (var now in new[] { ADomain.Day(15), start, ADomain.Day(16, 10), end })
        {
            Assert.Equal(registration.StatusAt(now, start, end), Registration.StatusOf(true, now, start, end));
        }

        Assert.Equal(RegistrationStatus.NotScheduled, Registration.StatusOf(false, end, start, end));
        Assert.Equal(RegistrationStatus.Ended, Registration.StatusOf(true, end, start, end));
    }
}
