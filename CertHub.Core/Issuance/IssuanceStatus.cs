using System.ComponentModel.DataAnnotations;

namespace CertHub.Core.Issuance;

/// <summary>
/// 颁证状态 of an <see cref="IssuanceRecord"/> (DESIGN §3.1). Allowed transitions (the table in
/// <see cref="IssuanceRecord"/> is the source of truth):
/// <list type="bullet">
/// <item>(new) —获取待发证记录→ 培训评价组织待签发</item>
/// <item>培训评价组织待签发 —签发 (org)→ 考核站点待签发; —拒绝签发 (org)→ 培训评价组织拒绝签发</item>
/// <item>培训评价组织拒绝签发 —重新签发 (org)→ 考核站点待签发</item>
/// <item>考核站点待签发 —签发 (site)→ 证书待发放; —拒绝签发 (site)→ 考核站点拒绝签发</item>
/// <item>考核站点拒绝签发 —重新签发 (site)→ 证书待发放</item>
/// <item>证书待发放 —发放 (org)→ 证书生成中</item>
/// <item>证书生成中 —生成成功 (system)→ 完成发放; —生成失败 (system)→ 盖章失败</item>
/// <item>盖章失败 —重新发放 (org)→ 证书待发放</item>
/// <item>完成发放 —重新发放 (org)→ 证书生成中 (a new version; the old one stays in history)</item>
/// </list>
/// </summary>
public enum IssuanceStatus
{
    [Display(Name = "培训评价组织待签发")] OrgPendingSign,
    [Display(Name = "培训评价组织拒绝签发")] OrgRejected,
    [Display(Name = "考核站点待签发")] SitePendingSign,
    [Display(Name = "考核站点拒绝签发")] SiteRejected,
    [Display(Name = "证书待发放")] PendingIssue,
    [Display(Name = "证书生成中")] Generating,
    [Display(Name = "盖章失败")] SealFailed,
    [Display(Name = "完成发放")] Issued,
}

/// <summary>发证操作: the actions of the issuance state machine.</summary>
public enum IssuanceAction
{
    /// <summary>Creation only (the first history row); not in the transition table.</summary>
    [Display(Name = "获取待发证记录")] Generate,
    [Display(Name = "签发")] Sign,
    [Display(Name = "拒绝签发")] Reject,
    [Display(Name = "重新签发")] Resign,
    [Display(Name = "发放")] Issue,
    [Display(Name = "生成成功")] GenerationSucceeded,
    [Display(Name = "生成失败")] GenerationFailed,
    [Display(Name = "重新发放")] Reissue,
}

/// <summary>签发方: who acts on an issuance record.</summary>
public enum IssuanceParty
{
    [Display(Name = "培训评价组织")] Organization,
    [Display(Name = "考核站点")] Site,
    [Display(Name = "系统")] System,
}

/// <summary>发证方式.</summary>
public enum IssueMethod
{
    [Display(Name = "纸质证书")] Paper,
    [Display(Name = "电子证书")] Electronic,
}
