using CertHub.Core.Common;

namespace CertHub.Web.Components.Layout;

/// <summary>One entry of the top menu: its group (the manual's top menu), title, route and policy.</summary>
public sealed record NavMenuItem(string Group, string Title, string Route, string Policy);

/// <summary>
/// The manual's top menu (机构管理, 标准管理, 证书管理, 考务管理, 周报管理, 统计分析, 系统管理) in one table.
/// Only routes that exist are listed; each item is shown to the users its policy admits.
/// </summary>
public static class NavMenuItems
{
    public static readonly IReadOnlyList<string> Groups = ["机构管理", "标准管理", "证书管理", "考务管理", "周报管理", "统计分析", "系统管理"];

    public static readonly IReadOnlyList<NavMenuItem> All =
    [
        new("机构管理", "培训评价组织管理", "/orgs", Policies.OrgDirectory),
        new("机构管理", "试点院校管理", "/schools", Policies.SchoolProvincePlatform),
        new("标准管理", "职业技能等级标准", "/standards/skills", Policies.SignedIn),
        new("标准管理", "考核站点建设标准", "/standards/sites", Policies.SignedIn),
        new("证书管理", "证书信息管理", "/certificates", Policies.SignedIn),
        new("证书管理", "证书发放管理", "/issuance", Policies.SchoolOrOrg),
        new("证书管理", "证书试点申报", "/applications", Policies.School),
        new("证书管理", "申报计划", "/application-plans", Policies.Province),
        new("证书管理", "试点申报审核", "/applications/review", Policies.Province),
        // 考务管理 in the manual's order (5.2.1 … 5.2.11).
        new("考务管理", "考试科目", "/exams/subjects", Policies.SchoolOrOrg),
        new("考务管理", "考试计划", "/exams/plans", Policies.SchoolOrOrg),
        new("考务管理", "考生管理", "/exams/candidates", Policies.School),
        new("考务管理", "考核站点", "/exams/sites", Policies.SchoolOrOrg),
        new("考务管理", "考核站点分配", "/exams/site-allocations", Policies.SchoolOrOrg),
        new("考务管理", "考场管理", "/exams/rooms", Policies.SchoolOrOrg),
        new("考务管理", "报考管理", "/exams/registrations", Policies.SchoolOrOrg),
        new("考务管理", "缴费管理", "/exams/payments", Policies.SchoolOrOrg),
        new("考务管理", "考核站点编排", "/exams/scheduling/sites", Policies.SchoolOrOrg),
        new("考务管理", "考场编排", "/exams/scheduling/rooms", Policies.SchoolOrOrg),
        new("考务管理", "排考明细", "/exams/scheduling/details", Policies.SchoolOrOrg),
        new("考务管理", "科目成绩", "/exams/scores", Policies.SchoolOrOrg),
        new("考务管理", "考证结果", "/exams/results", Policies.SchoolOrOrg),
        new("考务管理", "监考人员", "/exams/invigilators", Policies.SchoolOrOrg),
        new("考务管理", "导入记录", "/imports", Policies.SchoolOrOrg),
        // 考场签到 (issue 11).
        new("考务管理", "考场签到", "/checkin", Policies.SchoolOrOrg),
        new("周报管理", "提交周报", "/reports/weekly", Policies.SchoolProvincePlatform),
        new("统计分析", "数据看板", "/dashboard", Policies.Dashboard),
        // 证书通过率统计 (7.1).
        new("统计分析", "证书通过率统计", "/statistics/pass-rate", Policies.Statistics),
        new("系统管理", "省份管理", "/admin/provinces", Policies.Platform),
        new("系统管理", "院校维护", "/admin/schools", Policies.Platform),
        new("系统管理", "培训评价组织维护", "/admin/organizations", Policies.Platform),
        new("系统管理", "证书维护", "/admin/certificates", Policies.Platform),
        new("系统管理", "标准维护", "/admin/standards", Policies.Platform),
        new("系统管理", "账号管理", "/admin/accounts", Policies.Platform),
        new("系统管理", "审计日志", "/system/audit", Policies.AuditLog),
        // 用户管理 (8.1), roles, the development SMS outbox and 个人中心.
        new("系统管理", "用户管理", "/system/users", Policies.AccountAdmin),
        new("系统管理", "角色管理", "/system/roles", Policies.RoleAdmin),
        new("系统管理", "短信发件箱", "/system/sms-outbox", Policies.Platform),
        new("系统管理", "个人中心", "/account/profile", Policies.SignedIn),
        new("系统管理", "接口密钥", "/system/api-keys", Policies.OrgAdmin),
    ];
}
