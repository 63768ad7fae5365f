using System.ComponentModel.DataAnnotations;

namespace CertHub.Core.ExamSites;

/// <summary>
/// 考核站点状态. Allowed transitions (ExamSite.Table):
/// 未提交 --编辑--> 未提交; 审核退回 --编辑--> 审核退回 (edit and delete only here);
/// 未提交 --提交--> 待审核; 审核退回 --提交--> 待审核;
/// 待审核 --撤销--> 未提交;
/// 待审核 --审核通过--> 审核通过; 待审核 --审核退回--> 审核退回.
/// </summary>
public enum ExamSiteStatus
{
    [Display(Name = "未提交")] Draft,
    [Display(Name = "待审核")] Pending,
    [Display(Name = "审核通过")] Approved,
    [Display(Name = "审核退回")] Returned,
}

/// <summary>Actions on an <see cref="ExamSite"/>.</summary>
public enum ExamSiteAction
{
    [Display(Name = "编辑")] Edit,
    [Display(Name = "提交")] Submit,
    [Display(Name = "撤销")] Withdraw,
    [Display(Name = "审核通过")] Approve,
    [Display(Name = "审核退回")] Return,
}
