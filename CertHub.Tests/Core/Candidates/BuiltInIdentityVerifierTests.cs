using CertHub.Core.Candidates;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Core.Candidates;

public sealed class BuiltInIdentityVerifierTests
{
    private static readonly PhotoInfo GoodPhoto = new("jpg", 295, 413, 40_000);

    private readonly BuiltInIdentityVerifier _verifier = new(new FakeTimeProvider(new DateTimeOffset(2021, 9, 1, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public async Task VerifyAsync_Should_ReturnAccurate_When_EverythingChecksOut()
    {
        var result = await _verifier.VerifyAsync(new IdentityVerificationRequest("王小二", IdType.ResidentIdCard, "110101199003074477", GoodPhoto));

        Assert.True(result.IsAccurate);
        Assert.Null(result.Reason);
    }

    [Theory]
    [InlineData("王", "姓名")]
    [InlineData("王小二2", "姓名")]
    public void Verify_Should_BeDoubtful_When_NameInvalid(string name, string reasonPart)
    {
        var result = _verifier.Verify(new IdentityVerificationRequest(name, IdType.ResidentIdCard, "110101199003074477", GoodPhoto));

        Assert.False(result.IsAccurate);
        Assert.Contains(reasonPart, result.Reason);
    }

    [Fact]
    public void Verify_Should_AcceptMiddleDot_When_MinorityName() =>
        Assert.True(_verifier.Verify(new IdentityVerificationRequest("买买提·艾力", IdType.ResidentIdCard, "110101199003074477", GoodPhoto)).IsAccurate);

    [Fact]
    public void Verify_Should_BeDoubtful_When_CheckDigitWrong() =>
        Assert.Contains("校验位", _verifier.Verify(new IdentityVerificationRequest("王小二", IdType.ResidentIdCard, "110101199003074478", GoodPhoto)).Reason);

    [Fact]
    public void Verify_Should_BeDoubtful_When_BirthDateInFuture() =>
        Assert.Contains("出生日期", _verifier.Verify(new IdentityVerificationRequest("王小二", IdType.ResidentIdCard, "110101202201010014", GoodPhoto)).Reason);

    [Theory]
    [InlineData("gif", 295, 413, 40_000, "格式")]
    [InlineData("png", 400, 413, 40_000, "像素")]
    [InlineData("jpeg", 295, 360, 40_000, "像素")]
    [InlineData("jpg", 295, 413, 204_801, "200KB")]
    public void Verify_Should_BeDoubtful_When_PhotoOutOfSpec(string format, int width, int height, long bytes, string reasonPart) =>
        Assert.Contains(reasonPart, _verifier.Verify(new IdentityVerificationRequest("王小二", IdType.ResidentIdCard, "110101199003074477", new PhotoInfo(format, width, height, bytes))).Reason);

    [Theory]
    [InlineData(266, 372)]
    [InlineData(324, 454)]
    public void Verify_Should_AcceptPhoto_When_WithinTenPercent(int width, int height) =>
        Assert.True(_verifier.Verify(new IdentityVerificationRequest("王小二", IdType.ResidentIdCard, "110101199003074477", new PhotoInfo("PNG", width, height, 204_800))).IsAccurate);

    [Fact]
    public void Verify_Should_BeDoubtful_When_PhotoMissing() =>
        Assert.Contains("缺少照片", _verifier.Verify(new IdentityVerificationRequest("王小二", IdType.ResidentIdCard, "110101199003074477", null)).Reason);
}
