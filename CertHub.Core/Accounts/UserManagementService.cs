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
    public const int TenantOptionsLimit = 20;

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

    /// <summary>获取验证码 for the phone of a new account (a phone no other account is bound to).</summary>
    public async Task SendNewAccountCodeAsync(string phone, CancellationToken ct)
    {
        SubAccountRules.EnsureCanCreate(currentUser);
        await EnsurePhoneFreeAsync(PhoneNumbers.Normalize(phone), null, ct);
        await sms.SendCodeAsync(phone, SmsPurpose.NewAccount, ct);
    }

    /// <summary>
    /// 新增: checks the input and the phone's code, creates the account with a generated password (returned once). A tenant
    /// admin creates for its own tenant; the platform admin names the 所属单位 in <see cref="NewUserInput.Tenant"/>.
    /// </summary>
    public async Task<GeneratedPassword> CreateAsync(NewUserInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var tenant = SubAccountRules.TenantOfNew(currentUser, input.Tenant);
        var userName = SubAccountRules.UserName(input.UserName);
        var displayName = Guard.Required(input.DisplayName, "姓名", 50);
        var phone = PhoneNumbers.Normalize(input.Phone);
        var provinceId = await ProvinceOfAsync(tenant, ct);
        await EnsurePhoneFreeAsync(phone, null, ct);
        var roleId = await RoleIdAsync(input.RoleId, tenant, ct);
        var owned = SubAccountRules.OwnedCertificates(input.IsCertificateOwner, input.CertificateIds, await TenantCertificateIdsAsync(tenant, ct));
        await sms.VerifyAsync(phone, SmsPurpose.NewAccount, input.SmsCode, ct);
        var password = SubAccountRules.GeneratePassword();
        var isSchool = tenant.Kind == SubAccountTenantKind.School;
        var userId = await accounts.CreateSubAccountAsync(new NewSubAccount(userName, displayName, tenant.SubRole, isSchool ? tenant.Id : null,
            isSchool ? null : tenant.Id, provinceId, phone, roleId, input.IsCertificateOwner, owned, password), ct);
        await audit.RecordAsync(AuditNames.Account, userName, "新增账号", $"{TenantText(tenant)}角色ID {roleId}{OwnerText(owned)}", ct);
        return new GeneratedPassword(userName, password);
    }

    /// <summary>
    /// 编辑 (only when 停用): 姓名, 角色, 证书负责人 and 负责证书; a new 手机号 (<see cref="UserEditInput.Phone"/>) needs the
    /// code sent to it (<see cref="SendPhoneCodeAsync"/>) and must not be bound to another account.
    /// </summary>
    public async Task UpdateAsync(string userId, UserEditInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var account = await ManagedAsync(userId, ct);
        account.EnsureVersion(input.Version);
        SubAccountRules.EnsureCanEdit(account);
        var tenant = SubAccountTenant.Of(account)!;
        var displayName = Guard.Required(input.DisplayName, "姓名", 50);
        var roleId = await RoleIdAsync(input.RoleId, tenant, ct);
        var owned = SubAccountRules.OwnedCertificates(input.IsCertificateOwner, input.CertificateIds, await TenantCertificateIdsAsync(tenant, ct));
        var newPhone = string.IsNullOrWhiteSpace(input.Phone) || PhoneNumbers.Normalize(input.Phone) == account.Phone ? null : PhoneNumbers.Normalize(input.Phone);
        if (newPhone is not null)
        {
            await EnsurePhoneFreeAsync(newPhone, account.UserId, ct);
            await sms.VerifyAsync(newPhone, SmsPurpose.BindPhone, input.SmsCode, ct);
        }

        await accounts.UpdateSubAccountAsync(userId, displayName, roleId, input.IsCertificateOwner, owned, input.Version, ct);
        if (newPhone is not null)
        {
            await accounts.SetPhoneAsync(userId, newPhone, ct);
            await audit.RecordAsync(AuditNames.Account, account.UserName, "更换手机号",
                $"{PhoneNumbers.Mask(account.Phone)} → {PhoneNumbers.Mask(newPhone)}", ct);
        }

        if (roleId != account.AccountRoleId || !owned.SequenceEqual(account.OwnedCertificateIds))
        {
            await audit.RecordAsync(AuditNames.Account, account.UserName, "权限变更", $"角色ID {account.AccountRoleId} → {roleId}{OwnerText(owned)}", ct);
        }
    }

    /// <summary>获取验证码 for a sub-account's new 手机号 (编辑用户).</summary>
    public async Task SendPhoneCodeAsync(string userId, string newPhone, CancellationToken ct)
    {
        var account = await ManagedAsync(userId, ct);
        SubAccountRules.EnsureCanEdit(account);
        var phone = SubAccountRules.NewPhone(account, newPhone);
        await EnsurePhoneFreeAsync(phone, account.UserId, ct);
        await sms.SendCodeAsync(phone, SmsPurpose.BindPhone, ct);
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

    /// <summary>所属单位 options (platform admin only): schools or organisations whose name contains <paramref name="search"/>.</summary>
    public async Task<IReadOnlyList<CatalogOption>> TenantOptionsAsync(SubAccountTenantKind kind, string? search, CancellationToken ct)
    {
        DomainRuleException.ThrowIf(!SubAccountRules.ChoosesTenant(currentUser), "只有平台管理员可以选择所属单位");
        var text = search?.Trim() ?? "";
        await using var db = await dbFactory.CreateAsync(ct);
        var options = kind == SubAccountTenantKind.School
            ? db.Set<PilotSchool>().AsNoTracking().Where(s => text == "" || s.Name.Contains(text)).OrderBy(s => s.Name).Select(s => new CatalogOption(s.Id, s.Name))
            : db.Set<Organization>().AsNoTracking().Where(o => text == "" || o.Name.Contains(text)).OrderBy(o => o.Name).Select(o => new CatalogOption(o.Id, o.Name));
        return await options.Take(TenantOptionsLimit).ToListAsync(ct);
    }

    /// <summary>角色 and 负责证书 options of a new sub-account of <paramref name="tenant"/> (null: the caller's own tenant).</summary>
    public async Task<SubAccountChoices> NewAccountChoicesAsync(SubAccountTenant? tenant, CancellationToken ct)
    {
        var chosen = SubAccountRules.TenantOfNew(currentUser, tenant);
        await ProvinceOfAsync(chosen, ct);
        return await ChoicesOfAsync(chosen, ct);
    }

    /// <summary>角色 and 负责证书 options of an existing sub-account's edit dialog (that account's tenant).</summary>
    public async Task<SubAccountChoices> ChoicesForAsync(string userId, CancellationToken ct) =>
        await ChoicesOfAsync(SubAccountTenant.Of(await ManagedAsync(userId, ct))!, ct);

    private async Task<SubAccountChoices> ChoicesOfAsync(SubAccountTenant tenant, CancellationToken ct)
    {
        var ids = await TenantCertificateIdsAsync(tenant, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var roles = await TenantRoles(db, tenant).AsNoTracking().OrderBy(r => r.Name).Select(r => new CatalogOption(r.Id, r.Name)).ToListAsync(ct);
        var certificates = await db.Set<Certificate>().AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Name)
            .Select(c => new CatalogOption(c.Id, c.Name)).ToListAsync(ct);
        return new SubAccountChoices(roles, certificates);
    }

    private async Task<AccountInfo> ManagedAsync(string userId, CancellationToken ct)
    {
        var account = await accounts.FindAsync(userId, ct) ?? throw new DomainRuleException("账号不存在");
        SubAccountRules.EnsureCanManage(currentUser, account);
        return account;
    }

    /// <summary>The role must be one of the tenant's roles.</summary>
    private async Task<int> RoleIdAsync(int? roleId, SubAccountTenant tenant, CancellationToken ct)
    {
        DomainRuleException.ThrowIf(roleId is null, "请选择角色");
        await using var db = await dbFactory.CreateAsync(ct);
        DomainRuleException.ThrowIf(!await TenantRoles(db, tenant).AnyAsync(r => r.Id == roleId, ct), "角色不存在或不属于本单位");
        return roleId!.Value;
    }

    private static IQueryable<AccountRole> TenantRoles(ICertHubDb db, SubAccountTenant tenant) =>
        tenant.Kind == SubAccountTenantKind.School
            ? db.Set<AccountRole>().IgnoreQueryFilters().Where(r => r.SchoolId == tenant.Id)
            : db.Set<AccountRole>().IgnoreQueryFilters().Where(r => r.OrganizationId == tenant.Id);

    /// <summary>The tenant must exist; a school's accounts carry its province.</summary>
    private async Task<int?> ProvinceOfAsync(SubAccountTenant tenant, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        if (tenant.Kind == SubAccountTenantKind.School)
        {
            var school = await db.Set<PilotSchool>().IgnoreQueryFilters().Where(s => s.Id == tenant.Id).Select(s => new { s.ProvinceId }).FirstOrDefaultAsync(ct);
            return school?.ProvinceId ?? throw new DomainRuleException("所属单位不存在");
        }

        DomainRuleException.ThrowIf(!await db.Set<Organization>().IgnoreQueryFilters().AnyAsync(o => o.Id == tenant.Id, ct), "所属单位不存在");
        return null;
    }

    private async Task EnsurePhoneFreeAsync(string phone, string? exceptUserId, CancellationToken ct) =>
        DomainRuleException.ThrowIf(await accounts.IsPhoneInUseAsync(phone, exceptUserId, ct), PhoneNumbers.InUse);

    private async Task<IReadOnlyCollection<int>> TenantCertificateIdsAsync(SubAccountTenant tenant, CancellationToken ct)
    {
        if (tenant.Kind == SubAccountTenantKind.School)
        {
            return await pilotedCertificates.CertificateIdsForSchoolAsync(tenant.Id, ct);
        }

        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Set<Certificate>().AsNoTracking().Where(c => c.OrganizationId == tenant.Id).Select(c => c.Id).ToListAsync(ct);
    }

    private string TenantText(SubAccountTenant tenant) =>
        SubAccountRules.ChoosesTenant(currentUser) ? $"{tenant.Kind.ToDisplayName()}ID {tenant.Id}；" : "";

    private static string OwnerText(IReadOnlyList<int> owned) =>
        owned.Count == 0 ? "" : "；负责证书ID " + string.Join("、", owned);
}
