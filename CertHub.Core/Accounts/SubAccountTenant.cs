using System.ComponentModel.DataAnnotations;
using CertHub.Core.Common;

namespace CertHub.Core.Accounts;

/// <summary>所属单位类型 of a sub-account: a school's 二级账户 or an organisation's user.</summary>
public enum SubAccountTenantKind
{
    [Display(Name = "院校")] School,
    [Display(Name = "培训评价组织")] Organization,
}

/// <summary>所属单位 of a new sub-account: the platform admin chooses it; a tenant admin's is always its own.</summary>
public sealed record SubAccountTenant(SubAccountTenantKind Kind, int Id)
{
    /// <summary>The role the sub-accounts of this tenant have.</summary>
    public UserRole SubRole => Kind == SubAccountTenantKind.School ? UserRole.SchoolUser : UserRole.OrgUser;

    /// <summary>The tenant of an existing sub-account (null for any other account).</summary>
    public static SubAccountTenant? Of(AccountInfo account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account switch
        {
            { Role: UserRole.SchoolUser, SchoolId: int school } => new SubAccountTenant(SubAccountTenantKind.School, school),
            { Role: UserRole.OrgUser, OrganizationId: int org } => new SubAccountTenant(SubAccountTenantKind.Organization, org),
            _ => null,
        };
    }
}

/// <summary>The options of the 新增 / 编辑用户 dialog for one tenant: its 角色 and its 负责证书.</summary>
public sealed record SubAccountChoices(IReadOnlyList<Catalog.CatalogOption> Roles, IReadOnlyList<Catalog.CatalogOption> Certificates);
