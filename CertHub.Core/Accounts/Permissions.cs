using CertHub.Core.Common;

namespace CertHub.Core.Accounts;

/// <summary>One permission a role may grant: its code (e.g. 考生管理.导入), its group and its name.</summary>
public sealed record PermissionDefinition(string Code, string Group, string Name);

/// <summary>
/// 权限目录: the actions a sub-account's role may grant, checked by the services through <see cref="Demand"/>, plus one
/// menu permission per menu entry (<see cref="Menu"/>; the Web menu table lists them). Admin accounts hold every permission.
/// </summary>
public static class Permissions
{
    public const int CodeMaxLength = 80;
    public const string MenuPrefix = "菜单:";

    public const string CandidateImport = "考生管理.导入";
    public const string CandidateEdit = "考生管理.编辑";
    public const string RegistrationImport = "报考管理.导入";
    public const string IssuanceSign = "证书发放.签发";
    public const string IssuanceIssue = "证书发放.发放";
    public const string WeeklyReportSubmit = "周报管理.提交";

    // 考场签到 (issue 11)
    public const string CheckIn = "考场签到.签到";

    /// <summary>The action permissions (the menu permissions come from the menu table).</summary>
    public static readonly IReadOnlyList<PermissionDefinition> Actions =
    [
        new(CandidateImport, "考生管理", "导入考生"),
        new(CandidateEdit, "考生管理", "新增、编辑、删除考生"),
        new(RegistrationImport, "报考管理", "导入报考"),
        new(IssuanceSign, "证书发放", "签发证书"),
        new(IssuanceIssue, "证书发放", "发放证书"),
        new(WeeklyReportSubmit, "周报管理", "保存、提交、撤回周报"),
        new(CheckIn, "考场签到", "考生签到、关闭签到"),
    ];

    /// <summary>The permission to open a menu entry, e.g. 菜单:/exams/candidates.</summary>
    public static string Menu(string route) => MenuPrefix + route;

    /// <summary>An action of the catalogue or a well-formed menu permission.</summary>
    public static bool IsKnown(string code) =>
        Actions.Any(a => a.Code == code)
        || (code.StartsWith(MenuPrefix, StringComparison.Ordinal) && code.Length > MenuPrefix.Length + 1 && code[MenuPrefix.Length] == '/'
            && code.Length <= CodeMaxLength);

    /// <summary>The Chinese name of an action permission (the code itself for a menu permission).</summary>
    public static string NameOf(string code) => Actions.FirstOrDefault(a => a.Code == code)?.Name ?? code;

    /// <summary>Refuses the current user unless it holds <paramref name="permission"/> (services call it before acting).</summary>
    public static void Demand(this ICurrentUser user, string permission)
    {
        ArgumentNullException.ThrowIfNull(user);
        DomainRuleException.ThrowIf(!user.HasPermission(permission), $"您没有“{NameOf(permission)}”的权限，请联系管理员");
    }
}
