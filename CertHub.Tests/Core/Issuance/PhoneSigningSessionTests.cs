using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Tests.Support;

namespace CertHub.Tests.Core.Issuance;

public sealed class PhoneSigningSessionTests
{
    private static readonly DateTimeOffset Now = new(2021, 9, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly FixedCurrentUser Org = new(UserRole.OrgAdmin, OrganizationId: 7, UserName: "wl", DisplayName: "张组织");

    [Fact]
    public void Open_Should_HandOutARandom128BitTokenValidForFiveMinutes_And_StampTheOpenersTenant()
    {
        var first = PhoneSigningSession.Open(Org, " 张组织 ", 3, Now);
        var second = PhoneSigningSession.Open(Org, "张组织", 3, Now);

        Assert.Matches("^[0-9a-f]{32}$", first.Token);
        Assert.NotEqual(first.Token, second.Token);
        Assert.Equal((Now.AddMinutes(5), "张组织", 3), (first.ExpiresUtc, first.SignerName, first.RecordCount));
        Assert.Equal(("wl", 7, (int?)null, (int?)null), (first.OpenedBy, first.OrganizationId, first.SchoolId, first.ProvinceId));
        Assert.True(first.IsWaiting(Now));
    }

    [Fact]
    public void Open_Should_Refuse_When_AnonymousOrNoSignerOrNoRecords()
    {
        Assert.Equal("请先登录", Assert.Throws<DomainRuleException>(() => PhoneSigningSession.Open(new FixedCurrentUser(null), "张组织", 1, Now)).Message);
        Assert.Throws<DomainRuleException>(() => PhoneSigningSession.Open(Org, " ", 1, Now));
        Assert.Throws<DomainRuleException>(() => PhoneSigningSession.Open(Org, "张组织", 0, Now));
    }

    [Fact]
    public void Submit_Should_AcceptOnce_When_TheLinkIsFresh()
    {
        var session = PhoneSigningSession.Open(Org, "张组织", 1, Now);
        var png = TestImages.Png();

        session.Submit(png, Now.AddMinutes(4));

        Assert.Equal(png, session.SignaturePng);
        Assert.Equal(Now.AddMinutes(4), session.SubmittedUtc);
        Assert.False(session.IsWaiting(Now.AddMinutes(4)));
        Assert.Equal("签名链接已使用", Assert.Throws<DomainRuleException>(() => session.Submit(png, Now.AddMinutes(4))).Message);
    }

    [Fact]
    public void Submit_Should_Refuse_When_ExpiredOrNotAPng()
    {
        var session = PhoneSigningSession.Open(Org, "张组织", 1, Now);

        Assert.Equal("签名链接已过期", Assert.Throws<DomainRuleException>(() => session.Submit(TestImages.Png(), Now.AddMinutes(5))).Message);
        Assert.Equal("签名图片格式不正确，仅支持PNG", Assert.Throws<DomainRuleException>(() => session.Submit(TestImages.TextPretendingToBePng(), Now)).Message);
        Assert.Equal("请先完成签名再确认签发", Assert.Throws<DomainRuleException>(() => session.Submit([], Now)).Message);
        Assert.Null(session.SignaturePng);
    }

    [Fact]
    public void IsOpenedBy_Should_BeTheOpeningAccountOnly()
    {
        var session = PhoneSigningSession.Open(Org, "张组织", 1, Now);

        Assert.True(session.IsOpenedBy(Org));
        Assert.False(session.IsOpenedBy(Org with { UserName = "wl-2" }));
        Assert.False(session.IsOpenedBy(new FixedCurrentUser(null, UserName: "wl")));
    }
}
