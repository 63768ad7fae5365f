using CertHub.Core.Common;
using CertHub.Core.Payments;
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
    public void NewRequestNo_Should_FormatTimeAndSequence_When_Generated() =>
        Assert.Equal("JF202109160626410012", PaymentRequest.NewRequestNo(DateTimeOffset.FromUnixTimeSeconds(1631773601), 12));
}
