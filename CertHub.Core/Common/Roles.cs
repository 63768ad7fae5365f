using System.ComponentModel.DataAnnotations;

namespace CertHub.Core.Common;

/// <summary>角色: the roles of DESIGN §1. The member names are the Identity role names.</summary>
public enum UserRole
{
    [Display(Name = "院校管理员")] SchoolAdmin,
    [Display(Name = "二级账户")] SchoolUser,
    [Display(Name = "培训评价组织管理员")] OrgAdmin,
    [Display(Name = "培训评价组织用户")] OrgUser,
    [Display(Name = "省级教育行政部门")] ProvinceAdmin,
    [Display(Name = "平台管理员")] PlatformAdmin,
}

/// <summary>Role name strings and policy names used by [Authorize] and the menu.</summary>
public static class Roles
{
    public const string SchoolAdmin = nameof(UserRole.SchoolAdmin);
    public const string SchoolUser = nameof(UserRole.SchoolUser);
    public const string OrgAdmin = nameof(UserRole.OrgAdmin);
    public const string OrgUser = nameof(UserRole.OrgUser);
    public const string ProvinceAdmin = nameof(UserRole.ProvinceAdmin);
    public const string PlatformAdmin = nameof(UserRole.PlatformAdmin);

    public const string AnySchool = SchoolAdmin + "," + SchoolUser;
    public const string AnyOrg = OrgAdmin + "," + OrgUser;
}

/// <summary>Authorization policy names; every page names one.</summary>
public static class Policies
{
    public const string SignedIn = "SignedIn";
    public const string School = "School";
    public const string Organization = "Organization";
    public const string Province = "Province";
    public const string Platform = "Platform";
    public const string SchoolOrOrg = "SchoolOrOrg";
    public const string SchoolProvincePlatform = "SchoolProvincePlatform";
    public const string OrgDirectory = "OrgDirectory";
    public const string AccountAdmin = "AccountAdmin";
    public const string Reporting = "Reporting";
    public const string Dashboard = "Dashboard";
    public const string AuditLog = "AuditLog";
    public const string RoleAdmin = "RoleAdmin";

    /// <summary>培训评价组织管理员 only (接口密钥).</summary>
    public const string OrgAdmin = "OrgAdmin";

    /// <summary>统计分析 → 证书通过率统计: schools, organisations, provinces and the platform.</summary>
    public const string Statistics = "Statistics";
}
