using CertHub.Core.Audit;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Accounts;

/// <summary>
/// 用户管理 (8.1): a school admin manages its school's 二级账户, an organisation admin its organisation's users, the
/// platform admin every sub-account. New accounts need the code sent to their phone; passwords are generated, shown once
/// and must be changed at the next login. Every refusal is a <see cref="DomainRuleException"/>.
/// </summary>
public sealed class UserManagementService(
    IAccountAdmin accounts,
    ICertHubDbFactory dbFactory,
    IPilotedCertificates pilotedCertificates,
    SmsVerification sms,
    IAuditLog audit,
    ICurrentUser currentUser)
{
    public Task<PagedResult<UserListItem>> ListAsync(UserFilter filter, PageRequest page, CancellationToken ct) =>
        accounts.ListSubAccountsAsync(SubAccountRules.ScopeOf(currentUser), filter, page, ct);

    public async Task<UserDetail> GetAsync(string userId, CancellationToken ct)
    {
        var account = await ManagedAsync(userId, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var roleName = account.AccountRoleId is int roleId
            ? await db.Set<AccountRole>().IgnoreQueryFilters().Where(r => r.Id == roleId).Select(r => r.Name).FirstOrDefaultAsync(ct)
            : null;
        var certificates = await db.Set<Certificate>().AsNoTracking().Where(c => account.OwnedCertificateIds.Contains(c.Id))
            .OrderBy(c => c.Name).Select(c => c.Name).ToListAsync(ct);
        var tenant = account.SchoolId is int school
            ? await db.Set<PilotSchool>().IgnoreQueryFilters().Where(s => s.Id == school).Select(s => s.Name).FirstOrDefaultAsync(ct)
            : account.OrganizationId is int org
                ? await db.Set<Organization>().IgnoreQueryFilters().Where(o => o.Id == org).Select(o => o.Name).FirstOrDefaultAsync(ct)
                : null;
        return new UserDetail(account, roleName, tenant ?? "", certificates);
    }

    /// <summary>获取验证码 for the phone of a new account.</summary>
    public Task SendNewAccountCodeAsync(string phone, CancellationToken ct)
    {
        SubAccountRules.SubRoleOf(currentUser);
        return sms.SendCodeAsync(phone, SmsPurpose.NewAccount, ct);
    }

    /// <summary>新增: checks the input and the phone's code, creates the account with a generated password (returned once).</summary>
    public async Task<GeneratedPassword> CreateAsync(NewUserInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var role = SubAccountRules.SubRoleOf(currentUser);
        var userName = SubAccountRules.UserName(input.UserName);
        var displayName = Guard.Required(input.DisplayName, "姓名", 50);
        var phone = PhoneNumbers.Normalize(input.Phone);
        var roleId = await RoleIdAsync(input.RoleId, ct);
        var owned = SubAccountRules.OwnedCertificates(input.IsCertificateOwner, input.CertificateIds, await TenantCertificateIdsAsync(ct));
        await sms.VerifyAsync(phone, SmsPurpose.NewAccount, input.SmsCode, ct);
        var password = SubAccountRules.GeneratePassword();
        var userId = await accounts.CreateSubAccountAsync(new NewSubAccount(userName, displayName, role, currentUser.SchoolId,
            role == UserRole.OrgUser ? currentUser.OrganizationId : null, currentUser.ProvinceId, phone, roleId, input.IsCertificateOwner, owned, password), ct);
        await audit.RecordAsync(AuditNames.Account, userName, "新增账号", $"角色ID {roleId}{OwnerText(owned)}", ct);
        return new GeneratedPassword(userName, password);
    }

    /// <summary>编辑 (only when 停用): 姓名, 角色, 证书负责人 and 负责证书.</summary>
    public async Task UpdateAsync(string userId, UserEditInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var account = await ManagedAsync(userId, ct);
        SubAccountRules.EnsureCanEdit(account);
        var displayName = Guard.Required(input.DisplayName, "姓名", 50);
        var roleId = await RoleIdAsync(input.RoleId, ct, account);
        var owned = SubAccountRules.OwnedCertificates(input.IsCertificateOwner, input.CertificateIds, await TenantCertificateIdsAsync(ct, account));
        await accounts.UpdateSubAccountAsync(userId, displayName, roleId, input.IsCertificateOwner, owned, ct);
        if (roleId != account.AccountRoleId || !owned.SequenceEqual(account.OwnedCertificateIds))
        {
            await audit.RecordAsync(AuditNames.Account, account.UserName, "权限变更", $"角色ID {account.AccountRoleId} → {roleId}{OwnerText(owned)}", ct);
        }
    }

    /// <summary>停用: the account cannot log in and its open sessions end.</summary>
    public async Task DisableAsync(string userId, CancellationToken ct)
    {
        var account = await ManagedAsync(userId, ct);
        SubAccountRules.EnsureCanDisable(account);
        await accounts.SetDisabledAsync(userId, true, ct);
        await audit.RecordAsync(AuditNames.Account, account.UserName, "停用", null, ct);
    }

    public async Task EnableAsync(string userId, CancellationToken ct)
    {
        var account = await ManagedAsync(userId, ct);
        SubAccountRules.EnsureCanEnable(account);
        await accounts.SetDisabledAsync(userId, false, ct);
        await audit.RecordAsync(AuditNames.Account, account.UserName, "启用", null, ct);
    }

    /// <summary>删除 (only when 停用).</summary>
    public async Task DeleteAsync(string userId, CancellationToken ct)
    {
        var account = await ManagedAsync(userId, ct);
        SubAccountRules.EnsureCanDelete(account);
        await accounts.DeleteAsync(userId, ct);
        await audit.RecordAsync(AuditNames.Account, account.UserName, "删除", null, ct);
    }

    /// <summary>重置密码: a generated password, shown once; the user must change it at the next login.</summary>
    public async Task<GeneratedPassword> ResetPasswordAsync(string userId, CancellationToken ct)
    {
        var account = await ManagedAsync(userId, ct);
        var password = SubAccountRules.GeneratePassword();
        await accounts.SetPasswordAsync(userId, password, mustChange: true, ct);
        await audit.RecordAsync(AuditNames.Account, account.UserName, "重置密码", null, ct);
        return new GeneratedPassword(account.UserName, password);
    }

    /// <summary>角色 options of the new-user dialog (the caller's tenant) or of an account's edit dialog (that account's tenant).</summary>
    public async Task<IReadOnlyList<CatalogOption>> RoleOptionsAsync(string? forUserId, CancellationToken ct)
    {
        var (schoolId, orgId) = TenantOf(forUserId is null ? null : await ManagedAsync(forUserId, ct));
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Set<AccountRole>().IgnoreQueryFilters().AsNoTracking()
            .Where(r => (schoolId != null && r.SchoolId == schoolId) || (orgId != null && r.OrganizationId == orgId))
            .OrderBy(r => r.Name).Select(r => new CatalogOption(r.Id, r.Name)).ToListAsync(ct);
    }

    /// <summary>负责证书 options: the school's piloted certificates, or the organisation's own.</summary>
    public async Task<IReadOnlyList<CatalogOption>> CertificateOptionsAsync(string? forUserId, CancellationToken ct)
    {
        var ids = await TenantCertificateIdsAsync(ct, forUserId is null ? null : await ManagedAsync(forUserId, ct));
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Set<Certificate>().AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Name)
            .Select(c => new CatalogOption(c.Id, c.Name)).ToListAsync(ct);
    }

    private async Task<AccountInfo> ManagedAsync(string userId, CancellationToken ct)
    {
        var account = await accounts.FindAsync(userId, ct) ?? throw new DomainRuleException("账号不存在");
        SubAccountRules.EnsureCanManage(currentUser, account);
        return account;
    }

    /// <summary>The role must be one of the account's tenant's roles.</summary>
    private async Task<int> RoleIdAsync(int? roleId, CancellationToken ct, AccountInfo? account = null)
    {
        DomainRuleException.ThrowIf(roleId is null, "请选择角色");
        var (schoolId, orgId) = TenantOf(account);
        await using var db = await dbFactory.CreateAsync(ct);
        var exists = await db.Set<AccountRole>().IgnoreQueryFilters().AnyAsync(r => r.Id == roleId
            && ((schoolId != null && r.SchoolId == schoolId) || (orgId != null && r.OrganizationId == orgId)), ct);
        DomainRuleException.ThrowIf(!exists, "角色不存在或不属于本单位");
        return roleId!.Value;
    }

    /// <summary>The school or organisation of an account (of the caller when none is given).</summary>
    private (int? SchoolId, int? OrganizationId) TenantOf(AccountInfo? account) =>
        account is null
            ? (currentUser.IsSchool() ? currentUser.SchoolId : null, currentUser.IsOrganization() ? currentUser.OrganizationId : null)
            : (account.Role == UserRole.SchoolUser ? account.SchoolId : null, account.Role == UserRole.OrgUser ? account.OrganizationId : null);

    private async Task<IReadOnlyCollection<int>> TenantCertificateIdsAsync(CancellationToken ct, AccountInfo? account = null)
    {
        var (schoolId, orgId) = TenantOf(account);
        if (schoolId is int school)
        {
            return await pilotedCertificates.CertificateIdsForSchoolAsync(school, ct);
        }

        if (orgId is int org)
        {
            await using var db = await dbFactory.CreateAsync(ct);
            return await db.Set<Certificate>().AsNoTracking().Where(c => c.OrganizationId == org).Select(c => c.Id).ToListAsync(ct);
        }

        return [];
    }

    private static string OwnerText(IReadOnlyList<int> owned) =>
        owned.Count == 0 ? "" : "；负责证书ID " + string.Join("、", owned);
}
