using CertHub.Core.Audit;
using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Accounts;

/// <summary>角色 list row.</summary>
public sealed record AccountRoleListItem(int Id, string Name, string? Description, IReadOnlyList<string> Permissions)
{
    /// <summary>The row's <see cref="CertHub.Core.Common.Entity.RowVersion"/> when loaded: 保存 sends it back.</summary>
    public long Version { get; init; }
}

/// <summary>角色 input: name, description and the granted permission codes.</summary>
public sealed record AccountRoleInput(string Name, string? Description, IReadOnlyList<string> Permissions)
{
    /// <summary>The <see cref="CertHub.Core.Common.Entity.RowVersion"/> the form was loaded with (null: not from a form).</summary>
    public long? Version { get; init; }
}

/// <summary>
/// 角色管理: a school or organisation admin keeps its own roles (the query filters hide the others'); every change of
/// the granted permissions is written to the audit log.
/// </summary>
public sealed class AccountRoleService(ICertHubDbFactory dbFactory, IAccountAdmin accounts, IAuditLog audit, ICurrentUser currentUser, TimeProvider clock)
{
    public const string AuditEntityType = "AccountRole";

    public async Task<IReadOnlyList<AccountRoleListItem>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var roles = await db.Set<AccountRole>().AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        return [.. roles.Select(r => new AccountRoleListItem(r.Id, r.Name, r.Description, r.Permissions) { Version = r.RowVersion })];
    }

    public async Task<int> CreateAsync(AccountRoleInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = OwnerScope();
        await using var db = await dbFactory.CreateAsync(ct);
        var role = AccountRole.Create(input.Name, input.Description, scope.SchoolId, scope.OrganizationId, input.Permissions, clock.GetUtcNow());
        await EnsureUniqueNameAsync(db, role.Name, 0, ct);
        db.Set<AccountRole>().Add(role);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditEntityType, role.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "权限变更",
            $"新增角色“{role.Name}”；{new PermissionChange(role.Permissions, []).Describe()}", ct);
        return role.Id;
    }

    public async Task UpdateAsync(int id, AccountRoleInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        OwnerScope();
        await using var db = await dbFactory.CreateAsync(ct);
        var role = await db.Set<AccountRole>().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new DomainRuleException("角色不存在");
        role.EnsureVersion(input.Version);
        var change = role.Update(input.Name, input.Description, input.Permissions);
        await EnsureUniqueNameAsync(db, role.Name, id, ct);
        await db.SaveChangesAsync(ct);
        if (!change.IsEmpty)
        {
            await audit.RecordAsync(AuditEntityType, id.ToString(System.Globalization.CultureInfo.InvariantCulture), "权限变更",
                $"角色“{role.Name}”；{change.Describe()}", ct);
        }
    }

    /// <summary>删除: refused while an account holds the role.</summary>
    public async Task DeleteAsync(int id, CancellationToken ct)
    {
        OwnerScope();
        await using var db = await dbFactory.CreateAsync(ct);
        var role = await db.Set<AccountRole>().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new DomainRuleException("角色不存在");
        DomainRuleException.ThrowIf(await accounts.CountWithRoleAsync(id, ct) > 0, "该角色已分配给账号，不能删除");
        db.Set<AccountRole>().Remove(role);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditEntityType, id.ToString(System.Globalization.CultureInfo.InvariantCulture), "权限变更", $"删除角色“{role.Name}”", ct);
    }

    /// <summary>Roles belong to a school or an organisation: only their admins keep them.</summary>
    private SubAccountScope OwnerScope()
    {
        SubAccountRules.SubRoleOf(currentUser);
        return SubAccountRules.ScopeOf(currentUser);
    }

    private static async Task EnsureUniqueNameAsync(ICertHubDb db, string name, int id, CancellationToken ct) =>
        DomainRuleException.ThrowIf(await db.Set<AccountRole>().AnyAsync(r => r.Name == name && r.Id != id, ct), "角色名称已存在");
}
