using CertHub.Core.Accounts;
using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Tests.Support;

namespace CertHub.Tests.Data.Accounts;

/// <summary>Sub-accounts are refused by the services (not only hidden in the menu); a 证书负责人 sees and signs only its certificates.</summary>
public sealed class PermissionEnforcementTests : IDisposable
{
    private readonly IssuanceHarness _h = new();

    private FixedCurrentUser SubAccount(params string[] permissions) =>
        new(UserRole.SchoolUser, SchoolId: _h.Chain.SchoolId, UserName: "ustb-kw", DisplayName: "考务") { Permissions = permissions };

    [Fact]
    public async Task Sign_Should_BeRefused_ForASubAccountWithoutThePermission()
    {
        var ids = await _h.GenerateAsync(1);
        await _h.OrgSignsAsync(ids);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() =>
            _h.Service(SubAccount(Permissions.Menu("/issuance"))).SignAsync(ids, IssuanceHarness.Signature(), CancellationToken.None));

        Assert.Equal("您没有“签发证书”的权限，请联系管理员", ex.Message);
        Assert.Equal(IssuanceStatus.SitePendingSign, _h.StatusOf(ids[0]));
    }

    [Fact]
    public async Task Sign_Should_Succeed_ForASubAccountGrantedThePermission()
    {
        var ids = await _h.GenerateAsync(1);
        await _h.OrgSignsAsync(ids);

        await _h.SiteSignsAsync(ids, SubAccount(Permissions.IssuanceSign));

        Assert.NotEqual(IssuanceStatus.SitePendingSign, _h.StatusOf(ids[0]));
    }

    [Fact]
    public async Task Issue_Should_BeRefused_ForAnOrgUserWithoutThePermission()
    {
        var ids = await _h.PendingIssueAsync(1);
        var orgUser = new FixedCurrentUser(UserRole.OrgUser, OrganizationId: _h.Chain.Catalog.OrganizationId) { Permissions = [Permissions.IssuanceSign] };

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => _h.Service(orgUser).IssueAsync(ids, IssueMethod.Electronic, CancellationToken.None));

        Assert.Equal("您没有“发放证书”的权限，请联系管理员", ex.Message);
    }

    [Fact]
    public async Task CertificateOwner_Should_SeeAndSignOnlyItsCertificates()
    {
        var ids = await _h.GenerateAsync(2);
        await _h.OrgSignsAsync(ids);
        var otherCertificate = new FixedCurrentUser(UserRole.SchoolUser, SchoolId: _h.Chain.SchoolId)
        {
            Permissions = [Permissions.IssuanceSign],
            OwnedCertificateIds = [_h.Chain.Catalog.CertificateId + 1000],
        };
        var owner = otherCertificate with { OwnedCertificateIds = [_h.Chain.Catalog.CertificateId] };

        var hidden = await _h.Service(otherCertificate).ListAsync(new IssuanceFilter(), new PageRequest(), CancellationToken.None);
        var shown = await _h.Service(owner).ListAsync(new IssuanceFilter(), new PageRequest(), CancellationToken.None);
        var refused = await _h.Service(otherCertificate).SignAsync(ids, IssuanceHarness.Signature(), CancellationToken.None);

        Assert.Equal(0, hidden.TotalCount);
        Assert.Equal(2, shown.TotalCount);
        Assert.Equal(0, refused.Succeeded);
        Assert.Contains(refused.Failures, f => f.Reason == "您不是该证书的负责人");
        await _h.SiteSignsAsync(ids, owner);
    }

    public void Dispose() => _h.Dispose();
}
