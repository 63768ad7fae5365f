using System.ComponentModel.DataAnnotations;

namespace CertHub.Core.Applications;

/// <summary>申报计划状态, computed from the plan's window (never stored).</summary>
public enum ApplicationPlanStatus
{
    [Display(Name = "未开始")] NotStarted,
    [Display(Name = "进行中")] InProgress,
    [Display(Name = "已结束")] Ended,
}

/// <summary>开放证书范围.</summary>
public enum OpenScope
{
    [Display(Name = "全部")] All,
    [Display(Name = "部分")] Partial,
}

/// <summary>
/// 申报状态 of a <see cref="PilotApplication"/>. Allowed transitions (PilotApplication.Table):
/// 未提交 --编辑--> 未提交; 审核退回 --编辑--> 审核退回;
/// 未提交 --提交--> 审核中; 审核退回 --提交--> 审核中;
/// 审核中 --审核通过--> 审核通过; 审核中 --审核退回--> 审核退回;
/// 审核通过 --退回修改--> 审核退回.
/// When the plan requires 地市级教育局审批: 未提交/审核退回 --提交--> 待地市审核; 待地市审核 --地市级审核通过--> 审核中;
/// 待地市审核 --地市级审核退回--> 审核退回 (the province can approve only after the city bureau did).
/// </summary>
public enum PilotApplicationStatus
{
    [Display(Name = "未提交")] Draft,
    [Display(Name = "待地市审核")] CityReview,
    [Display(Name = "审核中")] UnderReview,
    [Display(Name = "审核通过")] Approved,
    [Display(Name = "审核退回")] Returned,
}

/// <summary>Actions on a <see cref="PilotApplication"/>.</summary>
public enum PilotApplicationAction
{
    [Display(Name = "编辑")] Edit,
    [Display(Name = "提交")] Submit,
    [Display(Name = "审核通过")] Approve,
    [Display(Name = "审核退回")] Return,
    [Display(Name = "退回修改")] ReturnApproved,
    [Display(Name = "提交")] SubmitToCity,
    [Display(Name = "地市级审核通过")] CityApprove,
    [Display(Name = "地市级审核退回")] CityReturn,
}

/// <summary>审核结果 of one review row.</summary>
public enum ApplicationReviewResult
{
    [Display(Name = "审核通过")] Approved,
    [Display(Name = "审核退回")] Returned,
}

/// <summary>审核阶段 of one review row: 地市级 (the city bureau's decision, recorded by the province) or 省级.</summary>
public enum ApplicationReviewStage
{
    [Display(Name = "省级")] Province,
    [Display(Name = "地市级")] City,
}
