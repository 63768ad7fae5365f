using CertHub.Core.Accounts;
using CertHub.Core.Common;

namespace CertHub.Tests.Core.Accounts;

public sealed class AccountRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly FixedCurrentUser SchoolA = new(UserRole.SchoolAdmin, SchoolId: 1, UserId: "a");
    private static readonly FixedCurrentUser OrgAdmin = new(UserRole.OrgAdmin, OrganizationId: 7, UserId: "o");
    private static readonly FixedCurrentUser Platform = new(UserRole.PlatformAdmin, UserId: "p");

    private static AccountInfo Account(UserRole role = UserRole.SchoolUser, int? school = 1, int? org = null, bool disabled = false, string id = "u") =>
        new(id, "kw", "张老师", role, school, org, null, "13800138000", disabled, false, 1, false, [], Now);

    [Fact]
    public void AccountRole_Create_Should_KeepSortedDistinctPermissions()
    {
        var role = AccountRole.Create(" 考务管理员 ", null, 1, null, [Permissions.CandidateImport, Permissions.Menu("/exams/candidates"), Permissions.CandidateImport], Now);

        Assert.Equal("考务管理员", role.Name);
        Assert.Equal(2, role.Permissions.Count);
        Assert.True(role.Grants(Permissions.CandidateImport));
        Assert.False(role.Grants(Permissions.IssuanceSign));
    }

    [Theory]
    [InlineData("菜单:")]
    [InlineData("菜单:exams")]
    [InlineData("考生管理.飞行")]
    public void AccountRole_Create_Should_Throw_When_PermissionIsUnknown(string code)
    {
        var ex = Assert.Throws<DomainRuleException>(() => AccountRole.Create("角色", null, 1, null, [Permissions.CandidateImport, code], Now));
        Assert.Contains("未知的权限", ex.Message);
    }

    [Fact]
    public void AccountRole_Create_Should_Throw_When_NoPermissionOrNoNameOrNoSingleOwner()
    {
        Assert.Equal("请至少选择一项权限", Assert.Throws<DomainRuleException>(() => AccountRole.Create("角色", null, 1, null, [], Now)).Message);
        Assert.Equal("角色名称不能为空", Assert.Throws<DomainRuleException>(() => AccountRole.Create(" ", null, 1, null, [Permissions.CandidateEdit], Now)).Message);
        Assert.Throws<DomainRuleException>(() => AccountRole.Create("角色", null, 1, 2, [Permissions.CandidateEdit], Now));
        Assert.Throws<DomainRuleException>(() => AccountRole.Create("角色", null, null, null, [Permissions.CandidateEdit], Now));
    }

    [Fact]
    public void AccountRole_Update_Should_ReportGrantedAndRevoked()
    {
        var role = AccountRole.Create("角色", null, 1, null, [Permissions.CandidateImport, Permissions.CandidateEdit], Now);

        var change = role.Update("角色", "说明", [Permissions.CandidateEdit, Permissions.IssuanceSign]);

        Assert.Equal([Permissions.IssuanceSign], change.Granted);
        Assert.Equal([Permissions.CandidateImport], change.Revoked);
        Assert.Equal("授予：签发证书；收回：导入考生", change.Describe());
    }

    [Fact]
    public void HasPermission_Should_GrantAdminsEverything_And_SubAccountsOnlyTheirRole()
    {
        var sub = new FixedCurrentUser(UserRole.SchoolUser, SchoolId: 1) { Permissions = [Permissions.CandidateImport] };

        Assert.True(SchoolA.HasPermission(Permissions.IssuanceSign));
        Assert.True(sub.HasPermission(Permissions.CandidateImport));
        Assert.False(sub.HasPermission(Permissions.IssuanceSign));
        Assert.False(new FixedCurrentUser(null).HasPermission(Permissions.CandidateImport));
        Assert.Equal("您没有“签发证书”的权限，请联系管理员", Assert.Throws<DomainRuleException>(() => sub.Demand(Permissions.IssuanceSign)).Message);
    }

    [Fact]
    public void EnsureCanManage_Should_LimitEachAdminToItsOwnSubAccounts()
    {
        SubAccountRules.EnsureCanManage(SchoolA, Account());
        SubAccountRules.EnsureCanManage(OrgAdmin, Account(UserRole.OrgUser, null, 7));
        SubAccountRules.EnsureCanManage(Platform, Account());
        SubAccountRules.EnsureCanManage(Platform, Account(UserRole.OrgUser, null, 7));

        Assert.Throws<DomainRuleException>(() => SubAccountRules.EnsureCanManage(SchoolA, Account(school: 2)));
        Assert.Throws<DomainRuleException>(() => SubAccountRules.EnsureCanManage(SchoolA, Account(UserRole.SchoolAdmin)));
        Assert.Throws<DomainRuleException>(() => SubAccountRules.EnsureCanManage(SchoolA, Account(UserRole.OrgUser, null, 7)));
        Assert.Throws<DomainRuleException>(() => SubAccountRules.EnsureCanManage(OrgAdmin, Account()));
        Assert.Throws<DomainRuleException>(() => SubAccountRules.EnsureCanManage(Platform, Account(UserRole.SchoolAdmin)));
        Assert.Throws<DomainRuleException>(() => SubAccountRules.EnsureCanManage(new FixedCurrentUser(UserRole.ProvinceAdmin, ProvinceId: 1), Account()));
        Assert.Throws<DomainRuleException>(() => SubAccountRules.EnsureCanManage(new FixedCurrentUser(UserRole.SchoolUser, SchoolId: 1), Account()));
    }

    [Fact]
    public void StateRules_Should_AllowEditAndDeleteOnlyWhenDisabled()
    {
        Assert.Equal("请先停用账号，停用后才能编辑", Assert.Throws<DomainRuleException>(() => SubAccountRules.EnsureCanEdit(Account())).Message);
        Assert.Equal("只能删除已停用的账号，请先停用", Assert.Throws<DomainRuleException>(() => SubAccountRules.EnsureCanDelete(Account())).Message);
        Assert.Equal("账号已启用", Assert.Throws<DomainRuleException>(() => SubAccountRules.EnsureCanEnable(Account())).Message);
        Assert.Equal("账号已停用", Assert.Throws<DomainRuleException>(() => SubAccountRules.EnsureCanDisable(Account(disabled: true))).Message);
        SubAccountRules.EnsureCanEdit(Account(disabled: true));
        SubAccountRules.EnsureCanDelete(Account(disabled: true));
        SubAccountRules.EnsureCanDisable(Account());
        SubAccountRules.EnsureCanEnable(Account(disabled: true));
    }

    [Fact]
    public void SubRoleOf_Should_GiveSchoolUserOrOrgUser_And_RefuseOthers()
    {
        Assert.Equal(UserRole.SchoolUser, SubAccountRules.SubRoleOf(SchoolA));
        Assert.Equal(UserRole.OrgUser, SubAccountRules.SubRoleOf(OrgAdmin));
        Assert.Throws<DomainRuleException>(() => SubAccountRules.SubRoleOf(Platform));
        Assert.Throws<DomainRuleException>(() => SubAccountRules.SubRoleOf(new FixedCurrentUser(UserRole.SchoolUser, SchoolId: 1)));
    }

    [Fact]
    public void OwnedCertificates_Should_RequireCertificatesOfTheTenant_ForAnOwner()
    {
        Assert.Equal([3, 5], SubAccountRules.OwnedCertificates(true, [5, 3, 5], [3, 5, 9]));
        Assert.Empty(SubAccountRules.OwnedCertificates(false, [5], [5]));
        Assert.Equal("证书负责人请选择负责证书", Assert.Throws<DomainRuleException>(() => SubAccountRules.OwnedCertificates(true, [], [5])).Message);
        Assert.Equal("负责证书不属于本单位", Assert.Throws<DomainRuleException>(() => SubAccountRules.OwnedCertificates(true, [6], [5])).Message);
    }

    [Fact]
    public void GeneratePassword_Should_MeetThePasswordPolicy_And_Differ()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => SubAccountRules.GeneratePassword()).ToList();

        Assert.All(passwords, p =>
        {
            Assert.Equal(12, p.Length);
            Assert.Contains(p, char.IsAsciiLetterUpper);
            Assert.Contains(p, char.IsAsciiLetterLower);
            Assert.Contains(p, char.IsAsciiDigit);
            Assert.Contains(p, c => !char.IsAsciiLetterOrDigit(c));
        });
        Assert.Equal(50, passwords.Distinct().Count());
    }

    [Theory]
    [InlineData("abc def")]
    [InlineData("张三")]
    [InlineData("")]
    public void UserName_Should_Throw_When_Invalid(string name) =>
        Assert.Throws<DomainRuleException>(() => SubAccountRules.UserName(name));

    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData("+86 138-0013-8000", "13800138000")]
    public void PhoneNumbers_Normalize_Should_AcceptMainlandMobiles(string input, string expected) =>
        Assert.Equal(expected, PhoneNumbers.Normalize(input));

    [Theory]
    [InlineData("12800138000")]
    [InlineData("1380013800")]
    [InlineData("1380013800a")]
    [InlineData(null)]
    public void PhoneNumbers_Normalize_Should_Throw_When_NotAMobile(string? input) =>
        Assert.Equal("请输入正确的手机号", Assert.Throws<DomainRuleException>(() => PhoneNumbers.Normalize(input)).Message);

    [Fact]
    public void PhoneNumbers_Should_MaskAndHint()
    {
        Assert.Equal("138****7936", PhoneNumbers.Mask("13800137936"));
        Assert.Equal("请用您绑定的尾号为7936的手机号获取验证码", PhoneNumbers.BoundPhoneHint("13800137936"));
    }
}
