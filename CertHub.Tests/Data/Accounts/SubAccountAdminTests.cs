using CertHub.Core.Accounts;
using CertHub.Core.Audit;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Data.Accounts;

/// <summary>用户管理 (8.1): the platform admin's 新增 for a chosen 所属单位, and the admin's 更换手机号 of a sub-account.</summary>
public sealed class SubAccountAdminTests : IDisposable
{
    private readonly AccountsHarness _h = new();

    private SubAccountTenant SchoolA => new(SubAccountTenantKind.School, _h.Catalog.SchoolAId);

    private SubAccountTenant SchoolB => new(SubAccountTenantKind.School, _h.Catalog.SchoolBId);

    private SubAccountTenant Wl => new(SubAccountTenantKind.Organization, _h.Catalog.OrgWlId);

    private Task<int> SchoolARoleAsync() => _h.RoleAsync(_h.SchoolAAdmin, "考务管理员", Permissions.CandidateImport);

    [Fact]
    public async Task Platform_Should_CreateASchoolSubAccount_ForTheChosenSchool()
    {
        var roleId = await SchoolARoleAsync();

        var (userId, password) = await _h.CreateUserAsync(AccountsHarness.Platform, "ustb-p1", "13700137101", roleId, owner: true,
            certificates: [_h.Catalog.JavaId], tenant: SchoolA);

        var detail = await _h.As(_h.SchoolAAdmin).Users.GetAsync(userId, CancellationToken.None);
        Assert.Equal(UserRole.SchoolUser, detail.Account.Role);
        Assert.Equal(_h.Catalog.SchoolAId, detail.Account.SchoolId);
        Assert.Null(detail.Account.OrganizationId);
        Assert.Equal(_h.Catalog.BeijingId, detail.Account.ProvinceId);
        Assert.Equal("考务管理员", detail.RoleName);
        Assert.Equal("北京科技大学", detail.TenantName);
        Assert.Equal([_h.Catalog.JavaId], detail.Account.OwnedCertificateIds);
        Assert.True(detail.Account.MustChangePassword);
        var user = (await _h.As(_h.SchoolAAdmin).UserManager.FindByIdAsync(userId))!;
        Assert.True((await _h.As(_h.SchoolAAdmin).SignIn.CheckPasswordSignInAsync(user, password.Password, false)).Succeeded);
        await using var db = _h.Database.OpenAsSystem();
        var audit = await db.Set<AuditEntry>().SingleAsync(a => a.Action == "新增账号");
        Assert.Equal("admin", audit.UserName);
        Assert.StartsWith($"院校ID {_h.Catalog.SchoolAId}；角色ID {roleId}", audit.Detail);
    }

    [Fact]
    public async Task Platform_Should_CreateAnOrganisationUser_WithTheOrganisationsRolesAndCertificates()
    {
        var roleId = await _h.RoleAsync(_h.OrgAdmin, "证书专员", Permissions.CandidateEdit);

        var choices = await _h.As(AccountsHarness.Platform).Users.NewAccountChoicesAsync(Wl, CancellationToken.None);
        var (userId, _) = await _h.CreateUserAsync(AccountsHarness.Platform, "wl-p1", "13700137102", roleId, owner: true,
            certificates: [_h.Catalog.XxhId], tenant: Wl);
        var foreignCertificate = await Assert.ThrowsAsync<DomainRuleException>(() => _h.CreateUserAsync(AccountsHarness.Platform, "wl-p2", "13700137103",
            roleId, owner: true, certificates: [_h.Catalog.JavaId], tenant: Wl));

        Assert.Equal(["证书专员"], choices.Roles.Select(r => r.Name));
        Assert.Equal([_h.Catalog.XxhId], choices.Certificates.Select(c => c.Id));
        var detail = await _h.As(_h.OrgAdmin).Users.GetAsync(userId, CancellationToken.None);
        Assert.Equal(UserRole.OrgUser, detail.Account.Role);
        Assert.Equal(_h.Catalog.OrgWlId, detail.Account.OrganizationId);
        Assert.Null(detail.Account.SchoolId);
        Assert.Null(detail.Account.ProvinceId);
        Assert.Equal("负责证书不属于本单位", foreignCertificate.Message);
    }

    [Fact]
    public async Task Platform_Should_BeRefused_WithoutATenant_AnUnknownOne_OrAnotherTenantsRole()
    {
        var roleId = await SchoolARoleAsync();
        var platform = _h.As(AccountsHarness.Platform).Users;
        await platform.SendNewAccountCodeAsync("13700137104", CancellationToken.None);
        var code = _h.LatestCode("13700137104");
        NewUserInput Input(SubAccountTenant? tenant) => new("p-kw", "李老师", "13700137104", code, roleId, false, [], tenant);

        var none = await Assert.ThrowsAsync<DomainRuleException>(() => platform.CreateAsync(Input(null), CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<DomainRuleException>(() => platform.CreateAsync(Input(new SubAccountTenant(SubAccountTenantKind.School, 99999)), CancellationToken.None));
        var unknownOrg = await Assert.ThrowsAsync<DomainRuleException>(() => platform.NewAccountChoicesAsync(new SubAccountTenant(SubAccountTenantKind.Organization, 99999), CancellationToken.None));
        var foreignRole = await Assert.ThrowsAsync<DomainRuleException>(() => platform.CreateAsync(Input(SchoolB), CancellationToken.None));

        Assert.Equal("请选择所属单位", none.Message);
        Assert.Equal("所属单位不存在", unknown.Message);
        Assert.Equal("所属单位不存在", unknownOrg.Message);
        Assert.Equal("角色不存在或不属于本单位", foreignRole.Message);
        Assert.Null(await _h.As(AccountsHarness.Platform).UserManager.FindByNameAsync("p-kw"));
        Assert.Empty((await platform.NewAccountChoicesAsync(SchoolB, CancellationToken.None)).Roles);
    }

    [Fact]
    public async Task TenantOptions_Should_SearchSchoolsOrOrganisations_ForThePlatformAdminOnly()
    {
        var platform = _h.As(AccountsHarness.Platform).Users;

        var schools = await platform.TenantOptionsAsync(SubAccountTenantKind.School, "北京", CancellationToken.None);
        var organisations = await platform.TenantOptionsAsync(SubAccountTenantKind.Organization, null, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            _h.As(_h.SchoolAAdmin).Users.TenantOptionsAsync(SubAccountTenantKind.School, null, CancellationToken.None));

        Assert.Equal(["北京科技大学"], schools.Select(s => s.Name));
        Assert.Equal(2, organisations.Count);
        Assert.Equal("只有平台管理员可以选择所属单位", refused.Message);
    }

    [Fact]
    public async Task TenantAdmin_Should_StillNotCreate_ForAnotherTenant()
    {
        var roleB = await _h.RoleAsync(_h.SchoolBAdmin, "B的角色", Permissions.CandidateEdit);
        var schoolA = _h.As(_h.SchoolAAdmin).Users;
        await schoolA.SendNewAccountCodeAsync("13700137105", CancellationToken.None);
        var code = _h.LatestCode("13700137105");

        var forB = await Assert.ThrowsAsync<DomainRuleException>(() =>
            schoolA.CreateAsync(new NewUserInput("b-kw", "李老师", "13700137105", code, roleB, false, [], SchoolB), CancellationToken.None));
        var choicesB = await Assert.ThrowsAsync<DomainRuleException>(() => schoolA.NewAccountChoicesAsync(SchoolB, CancellationToken.None));
        var orgForSchool = await Assert.ThrowsAsync<DomainRuleException>(() => _h.As(_h.OrgAdmin).Users.NewAccountChoicesAsync(SchoolA, CancellationToken.None));

        Assert.Equal("无权为其他单位新增用户", forB.Message);
        Assert.Equal("无权为其他单位新增用户", choicesB.Message);
        Assert.Equal("无权为其他单位新增用户", orgForSchool.Message);
        Assert.Null(await _h.As(_h.SchoolBAdmin).UserManager.FindByNameAsync("b-kw"));
    }

    [Fact]
    public async Task Phone_Should_StayUnique_WhenTheServiceCheckIsRaced()
    {
        // The service checks first; the unique index catches the save that slipped between another save and the check.
        var roleId = await SchoolARoleAsync();
        var (first, _) = await _h.CreateUserAsync(_h.SchoolAAdmin, "race1", "13700137121", roleId);
        var (second, _) = await _h.CreateUserAsync(_h.SchoolAAdmin, "race2", "13700137122", roleId);
        var actor = _h.As(_h.SchoolAAdmin);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => actor.Accounts.SetPhoneAsync(second, "13700137121", CancellationToken.None));

        Assert.Equal("该手机号已被其他账号绑定", refused.Message);
        var fresh = _h.As(_h.SchoolAAdmin);
        Assert.Equal("13700137122", (await fresh.UserManager.FindByIdAsync(second))!.PhoneNumber);
        Assert.Equal("13700137121", (await fresh.UserManager.FindByIdAsync(first))!.PhoneNumber);
        Assert.Equal(1, await fresh.UserManager.Users.CountAsync(u => u.PhoneNumber == "13700137121"));
    }

    [Fact]
    public async Task Create_Should_RefuseAPhoneBoundToAnotherAccount()
    {
        var roleId = await SchoolARoleAsync();
        await _h.CreateUserAsync(_h.SchoolAAdmin, "kw1", "13700137106", roleId);
        _h.Clock.Advance(TimeSpan.FromMinutes(2));

        var send = await Assert.ThrowsAsync<DomainRuleException>(() => _h.As(_h.SchoolBAdmin).Users.SendNewAccountCodeAsync("137 0013 7106", CancellationToken.None));

        Assert.Equal("该手机号已被其他账号绑定", send.Message);
        Assert.Single(_h.Outbox.Messages, m => m.Phone == "13700137106");
    }

    [Fact]
    public async Task Admin_Should_ChangeASubAccountsPhone_WithTheCodeSentToTheNewPhone_Audited()
    {
        var (userId, _) = await _h.CreateUserAsync(_h.SchoolAAdmin, "kw", "13700137107", await SchoolARoleAsync());
        var users = _h.As(_h.SchoolAAdmin).Users;
        var detail = await users.GetAsync(userId, CancellationToken.None);
        UserEditInput Input(string? phone, string? code) => new("张老师", detail.Account.AccountRoleId, false, [], phone, code);

        var enabled = await Assert.ThrowsAsync<DomainRuleException>(() => users.SendPhoneCodeAsync(userId, "13900139107", CancellationToken.None));
        await users.DisableAsync(userId, CancellationToken.None);
        _h.Clock.Advance(TimeSpan.FromMinutes(2));
        var same = await Assert.ThrowsAsync<DomainRuleException>(() => users.SendPhoneCodeAsync(userId, "13700137107", CancellationToken.None));
        var badFormat = await Assert.ThrowsAsync<DomainRuleException>(() => users.SendPhoneCodeAsync(userId, "1390013910", CancellationToken.None));
        await users.SendPhoneCodeAsync(userId, "13900139107", CancellationToken.None);
        var code = _h.LatestCode("13900139107");
        var wrongCode = await Assert.ThrowsAsync<DomainRuleException>(() => users.UpdateAsync(userId, Input("13900139107", code == "111111" ? "222222" : "111111"), CancellationToken.None));
        var noCode = await Assert.ThrowsAsync<DomainRuleException>(() => users.UpdateAsync(userId, Input("13900139107", ""), CancellationToken.None));
        Assert.Equal("13700137107", (await users.GetAsync(userId, CancellationToken.None)).Account.Phone);
        await users.UpdateAsync(userId, Input("13900139107", code), CancellationToken.None);

        Assert.Equal("请先停用账号，停用后才能编辑", enabled.Message);
        Assert.Equal("新手机号与当前绑定的手机号相同", same.Message);
        Assert.Equal("请输入正确的手机号", badFormat.Message);
        Assert.StartsWith("验证码错误", wrongCode.Message);
        Assert.Equal("请输入手机验证码", noCode.Message);
        Assert.Equal("13900139107", (await users.GetAsync(userId, CancellationToken.None)).Account.Phone);
        await using var db = _h.Database.OpenAsSystem();
        var audit = await db.Set<AuditEntry>().SingleAsync(a => a.Action == "更换手机号");
        Assert.Equal("kw", audit.EntityId);
        Assert.Equal("137****7107 → 139****9107", audit.Detail);
        Assert.Equal(_h.Catalog.SchoolAId, audit.SchoolId);
    }

    [Fact]
    public async Task Edit_Should_KeepThePhone_WhenNoneOrTheSameIsGiven()
    {
        var (userId, _) = await _h.CreateUserAsync(_h.SchoolAAdmin, "kw", "13700137108", await SchoolARoleAsync());
        var users = _h.As(_h.SchoolAAdmin).Users;
        var roleId = (await users.GetAsync(userId, CancellationToken.None)).Account.AccountRoleId;
        await users.DisableAsync(userId, CancellationToken.None);

        await users.UpdateAsync(userId, new UserEditInput("王老师", roleId, false, [], null, null), CancellationToken.None);
        await users.UpdateAsync(userId, new UserEditInput("王老师", roleId, false, [], "137 0013 7108", null), CancellationToken.None);

        Assert.Equal("13700137108", (await users.GetAsync(userId, CancellationToken.None)).Account.Phone);
        await using var db = _h.Database.OpenAsSystem();
        Assert.False(await db.Set<AuditEntry>().AnyAsync(a => a.Action == "更换手机号"));
    }

    [Fact]
    public async Task ChangePhone_Should_RefuseAPhoneBoundToAnotherAccount()
    {
        var roleId = await SchoolARoleAsync();
        await _h.CreateUserAsync(_h.SchoolAAdmin, "kw1", "13700137109", roleId);
        var (userId, _) = await _h.CreateUserAsync(_h.SchoolAAdmin, "kw2", "13700137110", roleId);
        var users = _h.As(_h.SchoolAAdmin).Users;
        await users.DisableAsync(userId, CancellationToken.None);
        var me = new FixedCurrentUser(UserRole.SchoolUser, SchoolId: _h.Catalog.SchoolAId, UserId: userId);

        var send = await Assert.ThrowsAsync<DomainRuleException>(() => users.SendPhoneCodeAsync(userId, "13700137109", CancellationToken.None));
        var update = await Assert.ThrowsAsync<DomainRuleException>(() =>
            users.UpdateAsync(userId, new UserEditInput("张老师", roleId, false, [], "13700137109", "123456"), CancellationToken.None));
        var profile = await Assert.ThrowsAsync<DomainRuleException>(() => _h.As(me).Profile.SendPhoneCodeAsync("13700137109", CancellationToken.None));

        Assert.Equal("该手机号已被其他账号绑定", send.Message);
        Assert.Equal("该手机号已被其他账号绑定", update.Message);
        Assert.Equal("该手机号已被其他账号绑定", profile.Message);
    }

    [Fact]
    public async Task TenantAdmin_Should_OnlyChangeThePhoneOfItsOwnSubAccounts()
    {
        var (userId, _) = await _h.CreateUserAsync(_h.SchoolAAdmin, "kw", "13700137111", await SchoolARoleAsync());
        await _h.As(_h.SchoolAAdmin).Users.DisableAsync(userId, CancellationToken.None);
        var roleId = (await _h.As(_h.SchoolAAdmin).Users.GetAsync(userId, CancellationToken.None)).Account.AccountRoleId;

        var send = await Assert.ThrowsAsync<DomainRuleException>(() => _h.As(_h.SchoolBAdmin).Users.SendPhoneCodeAsync(userId, "13900139111", CancellationToken.None));
        var update = await Assert.ThrowsAsync<DomainRuleException>(() => _h.As(_h.OrgAdmin).Users.UpdateAsync(userId,
            new UserEditInput("张老师", roleId, false, [], "13900139111", "123456"), CancellationToken.None));
        var choices = await Assert.ThrowsAsync<DomainRuleException>(() => _h.As(_h.SchoolBAdmin).Users.ChoicesForAsync(userId, CancellationToken.None));

        Assert.Equal("无权管理该账号", send.Message);
        Assert.Equal("无权管理该账号", update.Message);
        Assert.Equal("无权管理该账号", choices.Message);
        Assert.DoesNotContain(_h.Outbox.Messages, m => m.Phone == "13900139111");
        Assert.Equal("13700137111", (await _h.As(_h.SchoolAAdmin).Users.GetAsync(userId, CancellationToken.None)).Account.Phone);
    }

    public void Dispose() => _h.Dispose();
}
