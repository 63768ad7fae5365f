using CertHub.Core.Common;
using CertHub.Core.Invigilators;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Core.Invigilators;

public sealed class InvigilatorCertificationTests
{
    private static readonly Dictionary<(CertificationStatus, CertificationAction), CertificationStatus> Expected = new()
    {
        [(CertificationStatus.Draft, CertificationAction.Submit)] = CertificationStatus.Pending,
        [(CertificationStatus.Pending, CertificationAction.Certify)] = CertificationStatus.Certified,
        [(CertificationStatus.Pending, CertificationAction.Return)] = CertificationStatus.Returned,
        [(CertificationStatus.Returned, CertificationAction.Resubmit)] = CertificationStatus.Pending,
    };

    public static TheoryData<CertificationStatus, CertificationAction> AllPairs()
    {
        var data = new TheoryData<CertificationStatus, CertificationAction>();
        foreach (var status in Enum.GetValues<CertificationStatus>())
        {
            foreach (var action in Enum.GetValues<CertificationAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Action_Should_ReachExpectedStatusOrThrow_When_AppliedInStatus(CertificationStatus from, CertificationAction action)
    {
        var certification = ADomain.Certification(from);
        var historyCount = certification.History.Count;
        void Act()
        {
            switch (action)
            {
                case CertificationAction.Submit:
                    certification.Submit(ADomain.Actor, ADomain.Day(3));
                    break;
                case CertificationAction.Certify:
                    certification.Certify("组织", ADomain.Day(3));
                    break;
                case CertificationAction.Return:
                    certification.Return("材料不全", "组织", ADomain.Day(3));
                    break;
                case CertificationAction.Resubmit:
                    certification.Resubmit(ADomain.Actor, ADomain.Day(3));
                    break;
            }
        }

        if (Expected.TryGetValue((from, action), out var to))
        {
            Act();
            Assert.Equal(to, certification.Status);
            Assert.Equal(historyCount + 1, certification.History.Count);
        }
        else
        {
            Assert.Throws<DomainRuleException>(Act);
            Assert.Equal(from, certification.Status);
            Assert.Equal(historyCount, certification.History.Count);
        }
    }

    [Fact]
    public void Return_Should_Throw_When_ReasonMissing()
    {
        var certification = ADomain.Certification(CertificationStatus.Pending);

        Assert.Throws<DomainRuleException>(() => certification.Return("", "组织", ADomain.Day(3)));
        Assert.Equal(CertificationStatus.Pending, certification.Status);
    }

    [Fact]
    public void Return_Should_KeepReason_When_Returned()
    {
        var certification = ADomain.Certification(CertificationStatus.Returned);

        Assert.Equal("未参加考评员培训", certification.ReturnReason);
        Assert.Equal("未参加考评员培训", certification.History[^1].Reason);
    }

    [Theory]
    [InlineData(CertificationStatus.Draft, true)]
    [InlineData(CertificationStatus.Pending, true)]
    [InlineData(CertificationStatus.Certified, false)]
    [InlineData(CertificationStatus.Returned, true)]
    public void CanDelete_Should_BeFalse_When_Certified(CertificationStatus status, bool expected)
    {
        var certification = ADomain.Certification(status);

        Assert.Equal(expected, certification.CanDelete);
        Assert.Equal(expected, Invigilator.CanDelete([certification]));
    }

    [Fact]
    public void Create_Should_Throw_When_InvigilatorPhoneInvalid() =>
        Assert.Throws<DomainRuleException>(() => Invigilator.Create(1, "JK000001", "王伟", ADomain.ValidIdNumber, "010-123", null, null, null, ADomain.T0));

    [Fact]
    public void Create_Should_Throw_When_InvigilatorIdNumberInvalid() =>
        Assert.Throws<DomainRuleException>(() => Invigilator.Create(1, "JK000001", "王伟", "110101199003074478", "18300000544", null, null, null, ADomain.T0));
}
