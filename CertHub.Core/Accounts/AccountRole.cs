using CertHub.Core.Common;

namespace CertHub.Core.Accounts;

/// <summary>
/// 角色: a named set of permissions (<see cref="Permissions"/>) kept by a school or organisation admin and given to its
/// sub-accounts. Exactly one of school and organisation owns it.
/// </summary>
public sealed class AccountRole : Entity
{
    public const int NameMaxLength = 30;
    public const int DescriptionMaxLength = 200;
    public const int PermissionCodesMaxLength = 4000;
    private const char Separator = ';';

    private AccountRole()
    {
    }

    public string Name { get; private set; } = "";

    public string? Description { get; private set; }

    public int? SchoolId { get; private set; }

    public int? OrganizationId { get; private set; }

    /// <summary>The granted codes, stored as one ';'-separated column (read through <see cref="Permissions"/>).</summary>
    public string PermissionCodes { get; private set; } = "";

    public DateTimeOffset CreatedUtc { get; private set; }

    public IReadOnlyList<string> Permissions => PermissionCodes.Length == 0 ? [] : PermissionCodes.Split(Separator);

    public static AccountRole Create(string name, string? description, int? schoolId, int? organizationId, IEnumerable<string> permissions, DateTimeOffset now)
    {
        DomainRuleException.ThrowIf((schoolId is null) == (organizationId is null), "角色必须属于一个院校或一个培训评价组织");
        var role = new AccountRole { SchoolId = schoolId, OrganizationId = organizationId, CreatedUtc = now };
        role.Update(name, description, permissions);
        return role;
    }

    /// <summary>编辑: name, description and the granted permissions; returns what was granted and revoked (for the audit log).</summary>
    public PermissionChange Update(string name, string? description, IEnumerable<string> permissions)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        Name = Guard.Required(name, "角色名称", NameMaxLength);
        Description = Guard.Optional(description, "角色描述", DescriptionMaxLength);
        var codes = permissions.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        DomainRuleException.ThrowIf(codes.Count == 0, "请至少选择一项权限");
        var unknown = codes.FirstOrDefault(c => !Accounts.Permissions.IsKnown(c) || c.Contains(Separator, StringComparison.Ordinal));
        DomainRuleException.ThrowIf(unknown is not null, $"未知的权限：{unknown}");
        var joined = string.Join(Separator, codes);
        DomainRuleException.ThrowIf(joined.Length > PermissionCodesMaxLength, "所选权限过多");
        var before = Permissions;
        PermissionCodes = joined;
        return new PermissionChange([.. codes.Except(before)], [.. before.Except(codes)]);
    }

    public bool Grants(string permission) => Permissions.Contains(permission);
}

/// <summary>权限变更: codes granted and revoked by one edit.</summary>
public sealed record PermissionChange(IReadOnlyList<string> Granted, IReadOnlyList<string> Revoked)
{
    public bool IsEmpty => Granted.Count == 0 && Revoked.Count == 0;

    public string Describe() =>
        string.Join("；", new[]
        {
            Granted.Count > 0 ? "授予：" + string.Join("、", Granted.Select(Accounts.Permissions.NameOf)) : null,
            Revoked.Count > 0 ? "收回：" + string.Join("、", Revoked.Select(Accounts.Permissions.NameOf)) : null,
        }.Where(s => s is not null));
}
