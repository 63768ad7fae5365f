using CertHub.Core.Scores;

namespace CertHub.Tests.Core.Scores;

public sealed class ResultCalculatorTests
{
    private static readonly RequiredSubject[] Required = [new(1, 60m), new(2, 80m)];

    public static TheoryData<string, SubjectScoreValue[], bool, CertificateResultStatus> Cases() => new()
    {
        { "no score", [], true, CertificateResultStatus.NotRecorded },
        { "only a non-required subject", [new(9, 100m, false)], true, CertificateResultStatus.NotRecorded },
        { "one of two, locked (the missing one can never be recorded)", [new(1, 90m, false)], true, CertificateResultStatus.Failed },
        { "one of two, not locked", [new(1, 90m, false)], false, CertificateResultStatus.Recording },
        { "both, not locked", [new(1, 90m, false), new(2, 90m, false)], false, CertificateResultStatus.Recording },
        { "both pass, locked", [new(1, 60m, false), new(2, 80m, false)], true, CertificateResultStatus.Passed },
        { "one below pass mark", [new(1, 59.5m, false), new(2, 95m, false)], true, CertificateResultStatus.Failed },
        { "one absent", [new(1, null, true), new(2, 95m, false)], true, CertificateResultStatus.Failed },
        { "extra subject ignored", [new(1, 70m, false), new(2, 85m, false), new(9, 0m, false)], true, CertificateResultStatus.Passed },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_Should_FollowPassCondition_When_Scores(string because, SubjectScoreValue[] scores, bool locked, CertificateResultStatus expected)
    {
        Assert.True(expected == ResultCalculator.Compute(Required, scores, locked), because);
    }

    [Fact]
    public void Compute_Should_BeNotRecorded_When_NoRequiredSubjects()
    {
        Assert.Equal(CertificateResultStatus.NotRecorded, ResultCalculator.Compute([], [new(1, 90m, false)], true));
    }
}
