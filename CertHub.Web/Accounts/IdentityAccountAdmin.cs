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

    public async Task UpdateDisplayNameAsync(string userId, string displayName, CancellationToken ct)
    {
        var user = await FindAsync(userId);
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

    private async Task<CertHubUser> FindAsync(string userId) =>
        await users.FindByIdAsync(userId) ?? throw new DomainRuleException("账号不存在");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainRuleException(string.Join("；", result.Errors.Select(IdentityMessages.Describe)));
        }
    }
}
