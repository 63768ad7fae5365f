using CertHub.Core.Candidates;
using CertHub.Core.Common;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Core.Candidates;

public sealed class CandidateTests
{
    private static readonly Dictionary<(CandidateInfoStatus, CandidateAction), CandidateInfoStatus> Expected = new()
    {
        [(CandidateInfoStatus.NoPhoto, CandidateAction.AttachPhoto)] = CandidateInfoStatus.PendingVerification,
        [(CandidateInfoStatus.PendingVerification, CandidateAction.AttachPhoto)] = CandidateInfoStatus.PendingVerification,
        [(CandidateInfoStatus.NeedsManualCheck, CandidateAction.AttachPhoto)] = CandidateInfoStatus.PendingVerification,
        [(CandidateInfoStatus.PendingVerification, CandidateAction.VerifyPassed)] = CandidateInfoStatus.Accurate,
        [(CandidateInfoStatus.PendingVerification, CandidateAction.VerifyFailed)] = CandidateInfoStatus.NeedsManualCheck,
        [(CandidateInfoStatus.NeedsManualCheck, CandidateAction.ConfirmManually)] = CandidateInfoStatus.Accurate,
    };

    public static TheoryData<CandidateInfoStatus, CandidateAction> AllPairs()
    {
        var data = new TheoryData<CandidateInfoStatus, CandidateAction>();
        foreach (var status in Enum.GetValues<CandidateInfoStatus>())
        {
            foreach (var action in Enum.GetValues<CandidateAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Action_Should_ReachExpectedStatusOrThrow_When_AppliedInStatus(CandidateInfoStatus from, CandidateAction action)
    {
        var candidate = ADomain.Candidate(from);
        void Act()
        {
            switch (action)
            {
                case CandidateAction.AttachPhoto:
                    candidate.AttachPhoto("photos/2.jpg", ADomain.Actor, ADomain.Day(3));
                    break;
                case CandidateAction.VerifyPassed:
                    candidate.ApplyVerification(IdentityVerificationResult.Accurate, ADomain.Actor, ADomain.Day(3));
                    break;
                case CandidateAction.VerifyFailed:
                    candidate.ApplyVerification(IdentityVerificationResult.Doubtful("照片不符"), ADomain.Actor, ADomain.Day(3));
                    break;
                case CandidateAction.ConfirmManually:
                    candidate.ConfirmManually(ADomain.Actor, ADomain.Day(3));
                    break;
            }
        }

        if (Expected.TryGetValue((from, action), out var to))
        {
            Act();
            Assert.Equal(to, candidate.InfoStatus);
            Assert.Equal(ADomain.Day(3), candidate.StatusChangedUtc);
        }
        else
        {
            Assert.Throws<DomainRuleException>(Act);
            Assert.Equal(from, candidate.InfoStatus);
        }
    }

    [Fact]
    public void Create_Should_DeriveGenderAndBirthDate_When_ResidentId()
    {
        var candidate = ADomain.Candidate(idNumber: ADomain.ValidIdNumberWithX);

        Assert.Equal(Gender.Female, candidate.Gender);
        Assert.Equal(new DateOnly(1949, 12, 31), candidate.BirthDate);
        Assert.Equal("110*****002X", candidate.MaskedIdNumber);
        Assert.StartsWith("110105", candidate.CandidateNo);
    }

    [Fact]
    public void Create_Should_Throw_When_IdNumberInvalid() =>
        Assert.Throws<DomainRuleException>(() => ADomain.Candidate(idNumber: "110101199003074478", candidateNo: new string('1', 26)));

    [Fact]
    public void Create_Should_Throw_When_CandidateNoNot26Digits() =>
        Assert.Throws<DomainRuleException>(() => ADomain.Candidate(candidateNo: "123"));

    [Fact]
    public void VerifyFailed_Should_KeepReason_When_Doubtful()
    {
        var candidate = ADomain.Candidate(CandidateInfoStatus.NeedsManualCheck);

        Assert.Equal("照片像素不符", candidate.VerificationNote);
        Assert.True(candidate.CanConfirmManually);
    }

    [Fact]
    public void Edit_Should_Throw_When_AccurateAndNameChanges()
    {
        var candidate = ADomain.Candidate(CandidateInfoStatus.Accurate);

        var ex = Assert.Throws<DomainRuleException>(() => candidate.Edit(ADomain.Details(name: "王大二")));

        Assert.Contains("不能修改姓名、证件类型、证件号码和照片", ex.Message);
        Assert.Equal("王小二", candidate.Name);
    }

    [Fact]
    public void Edit_Should_Throw_When_AccurateAndIdNumberChanges() =>
        Assert.Throws<DomainRuleException>(() => ADomain.Candidate(CandidateInfoStatus.Accurate).Edit(ADomain.Details(ADomain.OtherValidIdNumber)));

    [Fact]
    public void Edit_Should_Throw_When_AccurateAndIdTypeChanges() =>
        Assert.Throws<DomainRuleException>(() =>
            ADomain.Candidate(CandidateInfoStatus.Accurate).Edit(ADomain.Details() with { IdType = IdType.Passport }));

    [Fact]
    public void AttachPhoto_Should_Throw_When_Accurate()
    {
        var candidate = ADomain.Candidate(CandidateInfoStatus.Accurate);

        Assert.Throws<DomainRuleException>(() => candidate.AttachPhoto("photos/new.jpg", ADomain.Actor, ADomain.Day(5)));
        Assert.Equal("photos/1.jpg", candidate.PhotoPath);
    }

    [Fact]
    public void Edit_Should_ChangeOtherFields_When_Accurate()
    {
        var candidate = ADomain.Candidate(CandidateInfoStatus.Accurate);

        candidate.Edit(ADomain.Details() with { Phone = "13912345678", Pinyin = "WANG XIAOER" });

        Assert.Equal("13912345678", candidate.Phone);
        Assert.Equal("WANG XIAOER", candidate.Pinyin);
    }

    [Fact]
    public void Edit_Should_ChangeIdentity_When_NotYetAccurate()
    {
        var candidate = ADomain.Candidate(CandidateInfoStatus.NeedsManualCheck);

        candidate.Edit(ADomain.Details(ADomain.OtherValidIdNumber, "王大二"));

        Assert.Equal("王大二", candidate.Name);
        Assert.Equal(ADomain.OtherValidIdNumber, candidate.IdNumber);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void CanDelete_Should_RequireNoRegistration_When_Asked(int registrations, bool expected) =>
        Assert.Equal(expected, Candidate.CanDelete(registrations));
}
