using System.ComponentModel.DataAnnotations;

namespace CertHub.Core.Reports;

/// <summary>
/// 审核状态 of a <see cref="WeeklyReport"/> (manual 6.1). Allowed transitions (the table in <see cref="WeeklyReport"/>):
/// 未提交 —提交→ 待审核; 审核退回 —提交→ 待审核; 待审核 —撤回→ 未提交; 待审核 —审核通过→ 审核通过;
/// 待审核 —审核退回→ 审核退回. 编辑 (no status change) is allowed in 未提交 and 审核退回.
/// </summary>
public enum WeeklyReportStatus
{
    [Display(Name = "未提交")] NotSubmitted,
    [Display(Name = "待审核")] PendingReview,
    [Display(Name = "审核通过")] Approved,
    [Display(Name = "审核退回")] Returned,
}

/// <summary>周报操作.</summary>
public enum WeeklyReportAction
{
    [Display(Name = "编辑")] Edit,
    [Display(Name = "提交")] Submit,
    [Display(Name = "撤回")] Withdraw,
    [Display(Name = "审核通过")] Approve,
    [Display(Name = "审核退回")] Return,
}
