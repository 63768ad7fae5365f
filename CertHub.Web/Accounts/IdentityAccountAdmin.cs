using CertHub.Core.Accounts;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Web.Accounts;

/// <summary><see cref="IAccountAdmin"/> over ASP.NET Core Identity's <see cref="UserManager{TUser}"/>.</summary>
public sealed class IdentityAccountAdmin(UserManager<CertHubUser> users, ICertHubDbFactory dbFactory, TimeProvider clock) : IAccountAdmin
{
    public async Task<PagedResult<AccountListItem>> ListAsync(AccountFilter filter, PageRequest page, CancellationToken ct)
    {
        var query = users.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.UserName))
        {
            var name = filter.UserName.Trim();
            query = query.Where(u => u.UserName!.Contains(name) || u.DisplayName.Contains(name));
        }

        if (filter.Role is UserRole role)
        {
            query = query.Where(u => u.Role == role);
        }

        var rows = await query.OrderBy(u => u.Role).ThenBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.Role, u.SchoolId, u.OrganizationId, u.ProvinceId, u.IsDisabled })
            .ToPagedAsync(page, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var schools = await db.Set<PilotSchool>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var orgs = await db.Set<Organization>().AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var provinces = await db.Set<Province>().AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.AuthorityName, ct);
        var items = rows.Items.Select(u => new AccountListItem(u.Id, u.UserName ?? "", u.DisplayName, u.Role,
            u.SchoolId is int s ? schools.GetValueOrDefault(s, "") :
            u.OrganizationId is int o ? orgs.GetValueOrDefault(o, "") :
            u.ProvinceId is int p ? provinces.GetValueOrDefault(p, "") : "平台", u.IsDisabled)).ToList();
        return new PagedResult<AccountListItem>(items, rows.TotalCount, rows.Page, rows.PageSize);
    }

    public async Task<string> CreateAsync(NewAccount account, CancellationToken ct)
    {
        var userName = Guard.Required(account.UserName, "账号", 50);
        DomainRuleException.ThrowIf(await users.FindByNameAsync(userName) is not null, "账号已存在");
        var user = new CertHubUser
        {
            UserName = userName,
            DisplayName = Guard.Required(account.DisplayName, "姓名", CertHubUser.DisplayNameMaxLength),
            Role = account.Role,
            SchoolId = account.SchoolId,
            OrganizationId = account.OrganizationId,
            ProvinceId = account.ProvinceId,
            CreatedUtc = clock.GetUtcNow(),
        };
        Check(await users.CreateAsync(user, account.Password ?? ""));
        Check(await users.AddToRoleAsync(user, account.Role.ToString()));
        return user.Id;
    }

    public async Task UpdateDisplayNameAsync(string userId, string displayName, string? expectedVersion, CancellationToken ct)
    {
        var user = await FindAsync(userId, expectedVersion);
        user.DisplayName = Guard.Required(displayName, "姓名", CertHubUser.DisplayNameMaxLength);
        Check(await users.UpdateAsync(user));
    }

    public async Task SetDisabledAsync(string userId, bool disabled, CancellationToken ct)
    {
        var user = await FindAsync(userId);
        DomainRuleException.ThrowIf(disabled && user.Role == UserRole.PlatformAdmin, "不能停用平台管理员账号");
        user.IsDisabled = disabled;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
    }

    public async Task<PagedResult<UserListItem>> ListSubAccountsAsync(SubAccountScope scope, UserFilter filter, PageRequest page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(filter);
        var query = users.Users.AsNoTracking().Where(u => u.Role == UserRole.SchoolUser || u.Role == UserRole.OrgUser);
        if (scope.SchoolId is int schoolId)
        {
            query = query.Where(u => u.Role == UserRole.SchoolUser && u.SchoolId == schoolId);
        }

        if (scope.OrganizationId is int orgId)
        {
            query = query.Where(u => u.Role == UserRole.OrgUser && u.OrganizationId == orgId);
        }

        if (!string.IsNullOrWhiteSpace(filter.UserName))
        {
            var name = filter.UserName.Trim();
            query = query.Where(u => u.UserName!.Contains(name));
        }

        if (!string.IsNullOrWhiteSpace(filter.DisplayName))
        {
            var name = filter.DisplayName.Trim();
            query = query.Where(u => u.DisplayName.Contains(name));
        }

        if (filter.Disabled is bool disabled)
        {
            query = query.Where(u => u.IsDisabled == disabled);
        }

        var rows = await query.OrderBy(u => u.UserName)
            .Select(u => new UserListItem(u.Id, u.UserName ?? "", u.DisplayName, u.PhoneNumber, u.Role, u.AccountRoleId, null,
                u.IsCertificateOwner, u.IsDisabled, u.CreatedUtc))
            .ToPagedAsync(page, ct);
        var roleIds = rows.Items.Where(r => r.AccountRoleId is not null).Select(r => r.AccountRoleId!.Value).Distinct().ToList();
        await using var db = await dbFactory.CreateAsync(ct);
        var roleNames = await db.Set<AccountRole>().IgnoreQueryFilters().Where(r => roleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var items = rows.Items.Select(r => r with { RoleName = r.AccountRoleId is int id ? roleNames.GetValueOrDefault(id) : null }).ToList();
        return new PagedResult<UserListItem>(items, rows.TotalCount, rows.Page, rows.PageSize);
    }

    public async Task<AccountInfo?> FindAsync(string userId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        return user is null
            ? null
            : new AccountInfo(user.Id, user.UserName ?? "", user.DisplayName, user.Role, user.SchoolId, user.OrganizationId, user.ProvinceId,
                user.PhoneNumber, user.IsDisabled, user.MustChangePassword, user.AccountRoleId, user.IsCertificateOwner, user.OwnedCertificates(), user.CreatedUtc)
            {
                Version = user.ConcurrencyStamp,
            };
    }

    public async Task<string> CreateSubAccountAsync(NewSubAccount account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        DomainRuleException.ThrowIf(await users.FindByNameAsync(account.UserName) is not null, "账号已存在");
        var user = new CertHubUser
        {
            UserName = account.UserName,
            DisplayName = account.DisplayName,
            Role = account.Role,
            SchoolId = account.SchoolId,
            OrganizationId = account.OrganizationId,
            ProvinceId = account.ProvinceId,
            PhoneNumber = account.Phone,
            PhoneNumberConfirmed = true,
            AccountRoleId = account.RoleId,
            IsCertificateOwner = account.IsCertificateOwner,
            MustChangePassword = true,
            CreatedUtc = clock.GetUtcNow(),
        };
        user.SetOwnedCertificates(account.CertificateIds);
        Check(await users.CreateAsync(user, account.Password));
        Check(await users.AddToRoleAsync(user, account.Role.ToString()));
        return user.Id;
    }

    public async Task UpdateSubAccountAsync(string userId, string displayName, int roleId, bool isCertificateOwner, IReadOnlyList<int> certificateIds, string? expectedVersion, CancellationToken ct)
    {
        var user = await FindAsync(userId, expectedVersion);
        user.DisplayName = displayName;
        user.AccountRoleId = roleId;
        user.IsCertificateOwner = isCertificateOwner;
        user.SetOwnedCertificates(certificateIds);
        Check(await users.UpdateAsync(user));
    }

    public async Task DeleteAsync(string userId, CancellationToken ct) =>
        Check(await users.DeleteAsync(await FindAsync(userId)));

    public async Task SetPasswordAsync(string userId, string password, bool mustChange, CancellationToken ct)
    {
        var user = await FindAsync(userId);
        Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, password));
        user.MustChangePassword = mustChange;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
    }

    public async Task ChangePasswordAsync(string userId, string currentPassword, string newPassword, CancellationToken ct)
    {
        var user = await FindAsync(userId);
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        DomainRuleException.ThrowIf(result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)), "当前密码不正确");
        Check(result);
        user.MustChangePassword = false;
        Check(await users.UpdateAsync(user));
    }

    public async Task SetPhoneAsync(string userId, string phone, CancellationToken ct)
    {
        var user = await FindAsync(userId);
        var (previous, previousConfirmed) = (user.PhoneNumber, user.PhoneNumberConfirmed);
        user.PhoneNumber = phone;
        user.PhoneNumberConfirmed = true;
        try
        {
            Check(await users.UpdateAsync(user));
        }
        catch (DbUpdateException error)
        {
            // Another account took the number between the check and this save (unique index).
            (user.PhoneNumber, user.PhoneNumberConfirmed) = (previous, previousConfirmed);
            if (await IsPhoneInUseAsync(phone, userId, ct))
            {
                throw new DomainRuleException(PhoneNumbers.InUse, error);
            }

            throw;
        }
    }

    public Task<bool> IsPhoneInUseAsync(string phone, string? exceptUserId, CancellationToken ct) =>
        users.Users.AnyAsync(u => u.PhoneNumber == phone && u.Id != exceptUserId, ct);

    public Task<int> CountWithRoleAsync(int roleId, CancellationToken ct) =>
        users.Users.CountAsync(u => u.AccountRoleId == roleId, ct);

    private async Task<CertHubUser> FindAsync(string userId) =>
        await users.FindByIdAsync(userId) ?? throw new DomainRuleException("账号不存在");

    /// <summary>
    /// The user for an edit decided on <paramref name="expectedVersion"/>: refused when its ConcurrencyStamp moved since; from
    /// here to the save, Identity's store checks the loaded stamp itself (ConcurrencyFailure, see <see cref="IdentityMessages"/>).
    /// </summary>
    private async Task<CertHubUser> FindAsync(string userId, string? expectedVersion)
    {
        var user = await FindAsync(userId);
        if (expectedVersion is not null && expectedVersion != user.ConcurrencyStamp)
        {
            throw ConcurrencyConflict.Stale();
        }

        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainRuleException(string.Join("；", result.Errors.Select(IdentityMessages.Describe)));
        }
    }
}
