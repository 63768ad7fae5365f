using CertHub.Core.Accounts;
using CertHub.Core.Common;

namespace CertHub.Tests.Core.Accounts;

/// <summary>所属单位 of a new sub-account and the 更换手机号 rule.</summary>
public sealed class SubAccountTenantRuleTests
{
    private static readonly FixedCurrentUser SchoolA = new(UserRole.SchoolAdmin, SchoolId: 1, UserId: "a");
    private static readonly FixedCurrentUser OrgAdmin = new(UserRole.OrgAdmin, OrganizationId: 7, UserId: "o");
    private static readonly FixedCurrentUser Platform = new(UserRole.PlatformAdmin, UserId: "p");
    private static readonly SubAccountTenant School1 = new(SubAccountTenantKind.School, 1);
    private static readonly SubAccountTenant School2 = new(SubAccountTenantKind.School, 2);
    private static readonly SubAccountTenant Org7 = new(SubAccountTenantKind.Organization, 7);

    [Fact]
    public void TenantOfNew_Should_BeTheAdminsOwnTenant_EvenWhenRequestedExplicitly()
    {
        Assert.Equal(School1, SubAccountRules.TenantOfNew(SchoolA, null));
        Assert.Equal(School1, SubAccountRules.TenantOfNew(SchoolA, School1));
        Assert.Equal(Org7, SubAccountRules.TenantOfNew(OrgAdmin, null));
        Assert.Equal(UserRole.SchoolUser, School1.SubRole);
        Assert.Equal(UserRole.OrgUser, Org7.SubRole);
    }

    [Fact]
    public void TenantOfNew_Should_RefuseATenantAdmin_AnotherTenant()
    {
        Assert.Equal("无权为其他单位新增用户", Assert.Throws<DomainRuleException>(() => SubAccountRules.TenantOfNew(SchoolA, School2)).Message);
        Assert.Equal("无权为其他单位新增用户", Assert.Throws<DomainRuleException>(() => SubAccountRules.TenantOfNew(SchoolA, new SubAccountTenant(SubAccountTenantKind.Organization, 1))).Message);
        Assert.Equal("无权为其他单位新增用户", Assert.Throws<DomainRuleException>(() => SubAccountRules.TenantOfNew(OrgAdmin, School1)).Message);
    }

    [Fact]
    public void TenantOfNew_Should_TakeThePlatformAdminsChoice_AndRequireOne()
    {
        Assert.Equal(School2, SubAccountRules.TenantOfNew(Platform, School2));
        Assert.Equal(Org7, SubAccountRules.TenantOfNew(Platform, Org7));
        Assert.Equal("请选择所属单位", Assert.Throws<DomainRuleException>(() => SubAccountRules.TenantOfNew(Platform, null)).Message);
        Assert.True(SubAccountRules.ChoosesTenant(Platform));
        Assert.False(SubAccountRules.ChoosesTenant(SchoolA));
    }

    [Theory]
    [InlineData(UserRole.ProvinceAdmin)]
    [InlineData(UserRole.SchoolUser)]
    [InlineData(UserRole.OrgUser)]
    public void TenantOfNew_Should_RefuseEveryoneElse(UserRole role)
    {
        var actor = new FixedCurrentUser(role, SchoolId: 1, OrganizationId: 7, ProvinceId: 3);

        Assert.False(SubAccountRules.CanCreate(actor));
        Assert.Throws<DomainRuleException>(() => SubAccountRules.EnsureCanCreate(actor));
        var refused = Assert.Throws<DomainRuleException>(() => SubAccountRules.TenantOfNew(actor, School1));
        Assert.Equal("只有院校管理员、培训评价组织管理员和平台管理员可以新增用户", refused.Message);
    }

    [Fact]
    public void CanCreate_Should_NeedTheAdminsTenant()
    {
        Assert.True(SubAccountRules.CanCreate(SchoolA));
        Assert.True(SubAccountRules.CanCreate(OrgAdmin));
        Assert.True(SubAccountRules.CanCreate(Platform));
        Assert.False(SubAccountRules.CanCreate(new FixedCurrentUser(UserRole.SchoolAdmin)));
        Assert.Throws<DomainRuleException>(() => SubAccountRules.TenantOfNew(new FixedCurrentUser(UserRole.SchoolAdmin), School1));
    }

    [Fact]
    public void TenantOf_Should_NameTheTenantOfASubAccountOnly()
    {
        Assert.Equal(School1, SubAccountTenant.Of(Account(UserRole.SchoolUser, school: 1)));
        Assert.Equal(Org7, SubAccountTenant.Of(Account(UserRole.OrgUser, school: null, org: 7)));
        Assert.Null(SubAccountTenant.Of(Account(UserRole.SchoolAdmin, school: 1)));
    }

    [Fact]
    public void NewPhone_Should_BeValid_AndDifferentFromTheBoundOne()
    {
        var account = Account(UserRole.SchoolUser, school: 1);

        Assert.Equal("13900139000", SubAccountRules.NewPhone(account, " +86 139-0013-9000 "));
        Assert.Equal("请输入正确的手机号", Assert.Throws<DomainRuleException>(() => SubAccountRules.NewPhone(account, "1390013900")).Message);
        Assert.Equal("请输入正确的手机号", Assert.Throws<DomainRuleException>(() => SubAccountRules.NewPhone(account, "12900139000")).Message);
        Assert.Equal("新手机号与当前绑定的手机号相同", Assert.Throws<DomainRuleException>(() => SubAccountRules.NewPhone(account, "13800138000")).Message);
    }

    private static AccountInfo Account(UserRole role, int? school, int? org = null) =>
        new("u", "kw", "张老师", role, school, org, null, "13800138000", false, false, 1, false, [], DateTimeOffset.UnixEpoch);
}
