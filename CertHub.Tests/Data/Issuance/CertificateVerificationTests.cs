using CertHub.Core.Catalog;
using CertHub.Core.Issuance;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Data.Issuance;

public sealed class CertificateVerificationTests : IDisposable
{
    private readonly IssuingScenario _scenario = new();

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public async Task Verify_Should_ReportValidWithMaskedNameAndLedgerProof_When_NumberIsCurrent()
    {
        await IssueAsync();

        var result = await _scenario.Verification.VerifyAsync("1xxxh2021200000001 ", "王大三", CancellationToken.None);

        Assert.Equal(VerificationStatus.Valid, result.Status);
        Assert.Equal("1XXXH2021200000001", result.CertificateNo);
        Assert.Equal("王*三", result.MaskedHolderName);
        Assert.Equal("信息化应用职业技能等级证书", result.CertificateName);
        Assert.Equal(CertificateLevel.Intermediate, result.Level);
        Assert.Equal("中物联物流", result.OrganizationName);
        Assert.Equal(new DateOnly(2021, 10, 9), result.IssuedOn);
        Assert.Equal(1, result.Version);
        Assert.NotNull(result.Proof);
        Assert.Equal(1, result.Proof!.BlockHeight);
        Assert.Equal(64, result.Proof.TxHash.Length);
    }

    [Fact]
    public async Task Verify_Should_ReportValid_When_NameIsOmitted()
    {
        await IssueAsync();

        Assert.Equal(VerificationStatus.Valid, (await _scenario.Verification.VerifyAsync("1XXXH2021200000001", null, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Verify_Should_ReportSuperseded_When_CertificateWasReissuedUnderNewNumber()
    {
        var id = await IssueAsync();
        _scenario.Reissue(id);
        await _scenario.Issuing.ProcessPendingAsync(10, CancellationToken.None);

        var old = await _scenario.Verification.VerifyAsync("1XXXH2021200000001", "王大三", CancellationToken.None);
        var current = await _scenario.Verification.VerifyAsync("1XXXH2021200000002", "王大三", CancellationToken.None);

        Assert.Equal(VerificationStatus.Superseded, old.Status);
        Assert.Equal(1, old.Version);
        Assert.NotNull(old.Proof);
        Assert.Equal(VerificationStatus.Valid, current.Status);
        Assert.Equal(2, current.Version);
    }

    [Theory]
    [InlineData("1XXXH2021200000099", null)]
    [InlineData("", null)]
    [InlineData("1XXXH2021200000001", "李四")]
    public async Task Verify_Should_ReportUnknownWithoutDetails_When_NumberOrNameDoesNotMatch(string number, string? name)
    {
        await IssueAsync();

        var result = await _scenario.Verification.VerifyAsync(number, name, CancellationToken.None);

        Assert.Equal(VerificationStatus.Unknown, result.Status);
        Assert.Null(result.MaskedHolderName);
        Assert.Null(result.CertificateName);
        Assert.Null(result.Proof);
    }

    [Fact]
    public async Task Verify_Should_NeverRevealIdNumber_When_Valid()
    {
        var id = await IssueAsync();
        var idNumber = _scenario.Load(id).IdNumber;

        var result = await _scenario.Verification.VerifyAsync("1XXXH2021200000001", null, CancellationToken.None);

        Assert.DoesNotContain(idNumber, result.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber[^4..], result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_Should_ReportUnknown_When_RecordIsNotIssuedYet()
    {
        _scenario.SaveRecord(IssuanceStatus.PendingIssue);

        var result = await _scenario.Verification.VerifyAsync("1XXXH2021200000001", null, CancellationToken.None);

        Assert.Equal(VerificationStatus.Unknown, result.Status);
    }

    [Theory]
    [InlineData("王大三", "王*三")]
    [InlineData("王三", "王*")]
    [InlineData("欧阳娜娜", "欧**娜")]
    [InlineData("王", "*")]
    public void NameMask_Should_KeepFirstAndLastCharacter_When_Masking(string name, string masked) =>
        Assert.Equal(masked, NameMask.Mask(name));

    private async Task<int> IssueAsync()
    {
        var id = _scenario.SaveRecord();
        await _scenario.Issuing.ProcessPendingAsync(10, CancellationToken.None);
        return id;
    }
}
