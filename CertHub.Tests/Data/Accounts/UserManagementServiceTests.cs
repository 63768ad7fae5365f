using CertHub.Core.Accounts;
using CertHub.Core.Audit;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Data.Accounts;

public sealed class UserManagementServiceTests : IDisposable
{
    private readonly AccountsHarness _h = new();

    private async Task<int> KwRoleAsync() =>
        await _h.RoleAsync(_h.SchoolAAdmin, "考务管理员", Permissions.Menu("/exams/candidates"), Permissions.CandidateImport);

    [Fact]
    public async Task Create_Should_MakeASchoolUserWithRole_AndAPasswordToChange()
    {
        var roleId = await KwRoleAsync();

        var (userId, password) = await _h.CreateUserAsync(_h.SchoolAAdmin, "ustb-kw", "13800138001", roleId);

        var actor = _h.As(_h.SchoolAAdmin);
        var detail = await actor.Users.GetAsync(userId, CancellationToken.None);
        Assert.Equal(UserRole.SchoolUser, detail.Account.Role);
        Assert.Equal(_h.Catalog.SchoolAId, detail.Account.SchoolId);
        Assert.Equal("考务管理员", detail.RoleName);
        Assert.True(detail.Account.MustChangePassword);
        Assert.Equal("138****8001", detail.MaskedPhone);
        var user = await actor.UserManager.FindByIdAsync(userId);
        Assert.True(await actor.UserManager.CheckPasswordAsync(user!, password.Password));
    }

    [Fact]
    public async Task Create_Should_Refuse_When_TheCodeIsWrong_OrTheRoleBelongsToAnotherSchool()
    {
        var roleId = await KwRoleAsync();
        var otherRole = await _h.RoleAsync(_h.SchoolBAdmin, "B的角色", Permissions.CandidateEdit);
        var actor = _h.As(_h.SchoolAAdmin);
        await actor.Users.SendNewAccountCodeAsync("13800138002", CancellationToken.None);
        var code = _h.LatestCode("13800138002");

        var wrongCode = await Assert.ThrowsAsync<DomainRuleException>(() => actor.Users.CreateAsync(
            new NewUserInput("kw2", "李老师", "13800138002", code == "999999" ? "888888" : "999999", roleId, false, []), CancellationToken.None));
        var foreignRole = await Assert.ThrowsAsync<DomainRuleException>(() => actor.Users.CreateAsync(
            new NewUserInput("kw2", "李老师", "13800138002", code, otherRole, false, []), CancellationToken.None));

        Assert.StartsWith("验证码错误", wrongCode.Message);
        Assert.Equal("角色不存在或不属于本单位", foreignRole.Message);
        Assert.Null(await actor.UserManager.FindByNameAsync("kw2"));
    }

    [Fact]
    public async Task Create_Should_KeepOwnedCertificates_OfTheSchoolOnly()
    {
        var roleId = await KwRoleAsync();

        var (userId, _) = await _h.CreateUserAsync(_h.SchoolAAdmin, "owner", "13800138003", roleId, owner: true, certificates: [_h.Catalog.XxhId]);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            _h.CreateUserAsync(_h.SchoolAAdmin, "owner2", "13800138004", roleId, owner: true, certificates: [_h.Catalog.WebId]));

        var detail = await _h.As(_h.SchoolAAdmin).Users.GetAsync(userId, CancellationToken.None);
        Assert.Equal([_h.Catalog.XxhId], detail.Account.OwnedCertificateIds);
        Assert.Equal(["信息化应用职业技能等级证书"], detail.CertificateNames);
        Assert.Equal("负责证书不属于本单位", refused.Message);
    }

    [Fact]
    public async Task DisabledUser_Should_NotSignIn_AndItsSessionShouldEnd()
    {
        var (userId, password) = await _h.CreateUserAsync(_h.SchoolAAdmin, "kw", "13800138005", await KwRoleAsync());
        var actor = _h.As(_h.SchoolAAdmin);
        var user = (await actor.UserManager.FindByIdAsync(userId))!;
        var session = await actor.SignIn.CreateUserPrincipalAsync(user);
        Assert.NotNull(await _h.As(_h.SchoolAAdmin).SignIn.ValidateSecurityStampAsync(session));

        await actor.Users.DisableAsync(userId, CancellationToken.None);

        var later = _h.As(_h.SchoolAAdmin);
        var reloaded = (await later.UserManager.FindByIdAsync(userId))!;
        var signIn = await later.SignIn.CheckPasswordSignInAsync(reloaded, password.Password, lockoutOnFailure: false);
        Assert.True(signIn.IsNotAllowed);
        Assert.Null(await later.SignIn.ValidateSecurityStampAsync(session));
        Assert.False(await CertHub.Web.Accounts.AccountSessions.IsStillValidAsync(later.UserManager, new Microsoft.AspNetCore.Identity.IdentityOptions(), session));

        await later.Users.EnableAsync(userId, CancellationToken.None);
        var enabled = (await _h.As(_h.SchoolAAdmin).UserManager.FindByIdAsync(userId))!;
        Assert.True((await _h.As(_h.SchoolAAdmin).SignIn.CheckPasswordSignInAsync(enabled, password.Password, false)).Succeeded);
    }

    [Fact]
    public async Task EditAndDelete_Should_OnlyWork_WhenDisabled()
    {
        var roleId = await KwRoleAsync();
        var (userId, _) = await _h.CreateUserAsync(_h.SchoolAAdmin, "kw", "13800138006", roleId);
        var users = _h.As(_h.SchoolAAdmin).Users;

        var edit = await Assert.ThrowsAsync<DomainRuleException>(() => users.UpdateAsync(userId, new UserEditInput("王老师", roleId, false, []), CancellationToken.None));
        var delete = await Assert.ThrowsAsync<DomainRuleException>(() => users.DeleteAsync(userId, CancellationToken.None));
        await users.DisableAsync(userId, CancellationToken.None);
        await users.UpdateAsync(userId, new UserEditInput("王老师", roleId, false, []), CancellationToken.None);
        Assert.Equal("王老师", (await users.GetAsync(userId, CancellationToken.None)).Account.DisplayName);
        await users.DeleteAsync(userId, CancellationToken.None);

        Assert.Equal("请先停用账号，停用后才能编辑", edit.Message);
        Assert.Equal("只能删除已停用的账号，请先停用", delete.Message);
        Assert.Null(await _h.As(_h.SchoolAAdmin).UserManager.FindByIdAsync(userId));
    }

    [Fact]
    public async Task ResetPassword_Should_SetANewPassword_ThatMustBeChanged()
    {
        var (userId, first) = await _h.CreateUserAsync(_h.SchoolAAdmin, "kw", "13800138007", await KwRoleAsync());
        var me = new FixedCurrentUser(UserRole.SchoolUser, SchoolId: _h.Catalog.SchoolAId, UserName: "kw", UserId: userId);
        await _h.As(me).Profile.ChangePasswordAsync(first.Password, "Changed@2026", "Changed@2026", CancellationToken.None);
        Assert.False((await _h.As(me).Accounts.FindAsync(userId, CancellationToken.None))!.MustChangePassword);

        var reset = await _h.As(_h.SchoolAAdmin).Users.ResetPasswordAsync(userId, CancellationToken.None);

        var actor = _h.As(_h.SchoolAAdmin);
        var user = (await actor.UserManager.FindByIdAsync(userId))!;
        Assert.True(user.MustChangePassword);
        Assert.True(await actor.UserManager.CheckPasswordAsync(user, reset.Password));
        Assert.False(await actor.UserManager.CheckPasswordAsync(user, "Changed@2026"));
    }

    [Fact]
    public async Task ChangePassword_Should_Refuse_WrongCurrentPassword_OrMismatch()
    {
        var (userId, first) = await _h.CreateUserAsync(_h.SchoolAAdmin, "kw", "13800138008", await KwRoleAsync());
        var profile = _h.As(new FixedCurrentUser(UserRole.SchoolUser, SchoolId: _h.Catalog.SchoolAId, UserId: userId)).Profile;

        var wrong = await Assert.ThrowsAsync<DomainRuleException>(() => profile.ChangePasswordAsync("Wrong@2026", "Changed@2026", "Changed@2026", CancellationToken.None));
        var mismatch = await Assert.ThrowsAsync<DomainRuleException>(() => profile.ChangePasswordAsync(first.Password, "Changed@2026", "Other@2026", CancellationToken.None));

        Assert.Equal("当前密码不正确", wrong.Message);
        Assert.Equal("两次输入的新密码不一致", mismatch.Message);
    }

    [Fact]
    public async Task ChangePhone_Should_NeedTheCodeSentToTheNewPhone()
    {
        var (userId, _) = await _h.CreateUserAsync(_h.SchoolAAdmin, "kw", "13800138009", await KwRoleAsync());
        var me = new FixedCurrentUser(UserRole.SchoolUser, SchoolId: _h.Catalog.SchoolAId, UserId: userId);
        _h.Clock.Advance(TimeSpan.FromMinutes(2));
        await _h.As(me).Profile.SendPhoneCodeAsync("13900139009", CancellationToken.None);

        await Assert.ThrowsAsync<DomainRuleException>(() => _h.As(me).Profile.ChangePhoneAsync("13900139009", "12345x", CancellationToken.None));
        await _h.As(me).Profile.ChangePhoneAsync("13900139009", _h.LatestCode("13900139009"), CancellationToken.None);

        var profile = await _h.As(me).Profile.GetAsync(CancellationToken.None);
        Assert.Equal("139****9009", profile.MaskedPhone);
        Assert.Equal("请用您绑定的尾号为9009的手机号获取验证码", profile.PhoneHint);
    }

    [Fact]
    public async Task SchoolAdmin_Should_NeitherSeeNorChange_AnotherSchoolsUsers()
    {
        var (userId, _) = await _h.CreateUserAsync(_h.SchoolAAdmin, "kw", "13800138010", await KwRoleAsync());
        var schoolB = _h.As(_h.SchoolBAdmin).Users;

        var list = await schoolB.ListAsync(new UserFilter(), new PageRequest(), CancellationToken.None);
        var get = await Assert.ThrowsAsync<DomainRuleException>(() => schoolB.GetAsync(userId, CancellationToken.None));
        var disable = await Assert.ThrowsAsync<DomainRuleException>(() => schoolB.DisableAsync(userId, CancellationToken.None));
        var reset = await Assert.ThrowsAsync<DomainRuleException>(() => schoolB.ResetPasswordAsync(userId, CancellationToken.None));

        Assert.Empty(list.Items);
        Assert.Equal("无权管理该账号", get.Message);
        Assert.Equal("无权管理该账号", disable.Message);
        Assert.Equal("无权管理该账号", reset.Message);
        Assert.Single((await _h.As(_h.SchoolAAdmin).Users.ListAsync(new UserFilter(), new PageRequest(), CancellationToken.None)).Items);
    }

    [Fact]
    public async Task OrgAdmin_Should_NotManageSchoolUsers_ButPlatformShould()
    {
        var (userId, _) = await _h.CreateUserAsync(_h.SchoolAAdmin, "kw", "13800138011", await KwRoleAsync());
        var org = _h.As(_h.OrgAdmin).Users;

        Assert.Empty((await org.ListAsync(new UserFilter(), new PageRequest(), CancellationToken.None)).Items);
        Assert.Equal("无权管理该账号", (await Assert.ThrowsAsync<DomainRuleException>(() => org.DisableAsync(userId, CancellationToken.None))).Message);
        var platform = _h.As(AccountsHarness.Platform).Users;
        Assert.Single((await platform.ListAsync(new UserFilter(UserName: "kw"), new PageRequest(), CancellationToken.None)).Items);
        await platform.DisableAsync(userId, CancellationToken.None);
        Assert.Single((await platform.ListAsync(new UserFilter(Disabled: true), new PageRequest(), CancellationToken.None)).Items);
        Assert.Empty((await platform.ListAsync(new UserFilter(Disabled: false), new PageRequest(), CancellationToken.None)).Items);
    }

    [Fact]
    public async Task ProvinceAndSubAccounts_Should_BeRefusedUserManagement()
    {
        var province = new FixedCurrentUser(UserRole.ProvinceAdmin, ProvinceId: _h.Catalog.BeijingId);
        var sub = new FixedCurrentUser(UserRole.SchoolUser, SchoolId: _h.Catalog.SchoolAId) { Permissions = [Permissions.CandidateEdit] };

        await Assert.ThrowsAsync<DomainRuleException>(() => _h.As(province).Users.ListAsync(new UserFilter(), new PageRequest(), CancellationToken.None));
        await Assert.ThrowsAsync<DomainRuleException>(() => _h.As(sub).Users.ListAsync(new UserFilter(), new PageRequest(), CancellationToken.None));
        await Assert.ThrowsAsync<DomainRuleException>(() => _h.As(sub).Users.SendNewAccountCodeAsync("13800138012", CancellationToken.None));
        await Assert.ThrowsAsync<DomainRuleException>(() => _h.As(sub).Roles.CreateAsync(new AccountRoleInput("x", null, [Permissions.CandidateEdit]), CancellationToken.None));
    }

    [Fact]
    public async Task Roles_Should_BeTenantScoped_Audited_AndKeptWhileAssigned()
    {
        var roleId = await KwRoleAsync();
        await _h.CreateUserAsync(_h.SchoolAAdmin, "kw", "13800138013", roleId);
        var roles = _h.As(_h.SchoolAAdmin).Roles;

        await roles.UpdateAsync(roleId, new AccountRoleInput("考务管理员", null, [Permissions.CandidateImport, Permissions.IssuanceSign]), CancellationToken.None);
        var inUse = await Assert.ThrowsAsync<DomainRuleException>(() => roles.DeleteAsync(roleId, CancellationToken.None));
        var duplicate = await Assert.ThrowsAsync<DomainRuleException>(() => roles.CreateAsync(new AccountRoleInput("考务管理员", null, [Permissions.CandidateEdit]), CancellationToken.None));
        var foreign = await Assert.ThrowsAsync<DomainRuleException>(() =>
            _h.As(_h.SchoolBAdmin).Roles.UpdateAsync(roleId, new AccountRoleInput("改名", null, [Permissions.CandidateEdit]), CancellationToken.None));

        Assert.Equal("该角色已分配给账号，不能删除", inUse.Message);
        Assert.Equal("角色名称已存在", duplicate.Message);
        Assert.Equal("角色不存在", foreign.Message);
        Assert.Empty(await _h.As(_h.SchoolBAdmin).Roles.ListAsync(CancellationToken.None));
        await using var db = _h.Database.OpenAsSystem();
        var audit = await db.Set<AuditEntry>().Where(a => a.Action == "权限变更").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, audit.Count);
        Assert.Equal(_h.Catalog.SchoolAId, audit[1].SchoolId);
        Assert.Contains("授予：签发证书", audit[1].Detail);
        Assert.Contains("收回：", audit[1].Detail);
    }

    public void Dispose() => _h.Dispose();
}
