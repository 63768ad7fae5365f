using System.Security.Cryptography;
using CertHub.Core.Common;

namespace CertHub.Core.Accounts;

/// <summary>
/// 用户管理 rules: who manages which sub-accounts (a school admin its school's 二级账户, an organisation admin its
/// organisation's users, the platform admin every sub-account), and what a sub-account's state allows
/// (编辑 and 删除 only when 停用, as the manual says).
/// </summary>
public static class SubAccountRules
{
    public const int UserNameMaxLength = 50;
    private const string CreateRefused = "只有院校管理员、培训评价组织管理员和平台管理员可以新增用户";

    /// <summary>The role given to the sub-accounts <paramref name="actor"/> creates.</summary>
    public static UserRole SubRoleOf(ICurrentUser actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role switch
        {
            UserRole.SchoolAdmin when actor.SchoolId is not null => UserRole.SchoolUser,
            UserRole.OrgAdmin when actor.OrganizationId is not null => UserRole.OrgUser,
            _ => throw new DomainRuleException("只有院校管理员和培训评价组织管理员可以新增用户"),
        };
    }

    /// <summary>
    /// 所属单位 of a sub-account <paramref name="actor"/> creates: a school or organisation admin's own (another tenant is
    /// refused), the one the platform admin chose (required); nobody else creates sub-accounts.
    /// </summary>
    public static SubAccountTenant TenantOfNew(ICurrentUser actor, SubAccountTenant? requested)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var own = actor.Role switch
        {
            UserRole.SchoolAdmin when actor.SchoolId is int school => new SubAccountTenant(SubAccountTenantKind.School, school),
            UserRole.OrgAdmin when actor.OrganizationId is int org => new SubAccountTenant(SubAccountTenantKind.Organization, org),
            UserRole.PlatformAdmin => null,
            _ => throw new DomainRuleException(CreateRefused),
        };
        if (own is null)
        {
            return requested ?? throw new DomainRuleException("请选择所属单位");
        }

        DomainRuleException.ThrowIf(requested is not null && requested != own, "无权为其他单位新增用户");
        return own;
    }

    /// <summary>School and organisation admins create sub-accounts for their own tenant, the platform admin for any.</summary>
    public static bool CanCreate(ICurrentUser actor) => actor?.Role switch
    {
        UserRole.SchoolAdmin => actor.SchoolId is not null,
        UserRole.OrgAdmin => actor.OrganizationId is not null,
        UserRole.PlatformAdmin => true,
        _ => false,
    };

    /// <summary>Refuses unless <paramref name="actor"/> may create sub-accounts (for some tenant).</summary>
    public static void EnsureCanCreate(ICurrentUser actor) =>
        DomainRuleException.ThrowIf(!CanCreate(actor), CreateRefused);

    /// <summary>Only the platform admin chooses the 所属单位 of a new sub-account.</summary>
    public static bool ChoosesTenant(ICurrentUser actor) => actor?.Role == UserRole.PlatformAdmin;

    /// <summary>更换手机号 of a sub-account: a valid number different from the bound one.</summary>
    public static string NewPhone(AccountInfo target, string? phone)
    {
        ArgumentNullException.ThrowIfNull(target);
        var number = PhoneNumbers.Normalize(phone);
        DomainRuleException.ThrowIf(number == target.Phone, "新手机号与当前绑定的手机号相同");
        return number;
    }

    /// <summary>The sub-accounts <paramref name="actor"/> may see and manage.</summary>
    public static SubAccountScope ScopeOf(ICurrentUser actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role switch
        {
            UserRole.PlatformAdmin => new SubAccountScope(null, null),
            UserRole.SchoolAdmin when actor.SchoolId is int school => new SubAccountScope(school, null),
            UserRole.OrgAdmin when actor.OrganizationId is int org => new SubAccountScope(null, org),
            _ => throw new DomainRuleException("您没有用户管理的权限"),
        };
    }

    /// <summary>Refuses unless <paramref name="target"/> is a sub-account within the actor's scope.</summary>
    public static void EnsureCanManage(ICurrentUser actor, AccountInfo target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var scope = ScopeOf(actor);
        var allowed = target.Role switch
        {
            UserRole.SchoolUser => scope.OrganizationId is null && (scope.SchoolId is null || scope.SchoolId == target.SchoolId),
            UserRole.OrgUser => scope.SchoolId is null && (scope.OrganizationId is null || scope.OrganizationId == target.OrganizationId),
            _ => false,
        };
        DomainRuleException.ThrowIf(!allowed || target.UserId == actor.UserId, "无权管理该账号");
    }

    public static bool CanEdit(bool isDisabled) => isDisabled;

    public static bool CanDelete(bool isDisabled) => isDisabled;

    public static void EnsureCanEdit(AccountInfo target) =>
        DomainRuleException.ThrowIf(!CanEdit(target.IsDisabled), "请先停用账号，停用后才能编辑");

    public static void EnsureCanDelete(AccountInfo target) =>
        DomainRuleException.ThrowIf(!CanDelete(target.IsDisabled), "只能删除已停用的账号，请先停用");

    public static void EnsureCanDisable(AccountInfo target) =>
        DomainRuleException.ThrowIf(target.IsDisabled, "账号已停用");

    public static void EnsureCanEnable(AccountInfo target) =>
        DomainRuleException.ThrowIf(!target.IsDisabled, "账号已启用");

    /// <summary>证书负责人 must name at least one 负责证书; an account that is not one names none.</summary>
    public static IReadOnlyList<int> OwnedCertificates(bool isCertificateOwner, IReadOnlyList<int>? certificateIds, IReadOnlyCollection<int> tenantCertificates)
    {
        ArgumentNullException.ThrowIfNull(tenantCertificates);
        var ids = (certificateIds ?? []).Distinct().Order().ToList();
        if (!isCertificateOwner)
        {
            return [];
        }

        DomainRuleException.ThrowIf(ids.Count == 0, "证书负责人请选择负责证书");
        DomainRuleException.ThrowIf(ids.Any(id => !tenantCertificates.Contains(id)), "负责证书不属于本单位");
        return ids;
    }

    /// <summary>账号: letters, digits and - . _ @ (Identity's rule), up to 50 characters.</summary>
    public static string UserName(string? userName)
    {
        var name = Guard.Required(userName, "账号", UserNameMaxLength);
        DomainRuleException.ThrowIf(!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '@'), "账号只能包含字母、数字和 - . _ @");
        return name;
    }

    /// <summary>A random 12-character password with upper, lower, digit and symbol (cryptographic RNG).</summary>
    public static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789", symbols = "@#$%&*!?";
        var all = upper + lower + digits + symbols;
        var chars = new List<char> { Pick(upper), Pick(lower), Pick(digits), Pick(symbols) };
        while (chars.Count < 12)
        {
            chars.Add(Pick(all));
        }

        var array = chars.ToArray();
        RandomNumberGenerator.Shuffle(array.AsSpan());
        return new string(array);

        static char Pick(string set) => set[RandomNumberGenerator.GetInt32(set.Length)];
    }
}
