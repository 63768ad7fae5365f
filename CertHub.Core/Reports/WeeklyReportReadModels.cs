using CertHub.Core.Catalog;

namespace CertHub.Core.Reports;

/// <summary>查询条件 of the 周报 list: 周报周期 (label), 提交院校 (province side) and the status tab.</summary>
public sealed record WeeklyReportFilter(string? PeriodLabel = null, int? SchoolId = null, WeeklyReportStatus? Status = null);

/// <summary>One row of the 周报 list (序号, 周报周期, 提交单位, 院校类型, 省级教育行政部门, 提交时间, 审核状态).</summary>
public sealed record WeeklyReportListItem(
    int Id,
    string PeriodLabel,
    DateOnly PeriodStart,
    int SchoolId,
    string SchoolName,
    SchoolType SchoolType,
    string AuthorityName,
    DateTimeOffset? SubmittedUtc,
    WeeklyReportStatus Status)
{
    public bool CanEdit => WeeklyReport.Table.CanApply(Status, WeeklyReportAction.Edit);

    public bool CanSubmit => WeeklyReport.Table.CanApply(Status, WeeklyReportAction.Submit);

    public bool CanWithdraw => WeeklyReport.Table.CanApply(Status, WeeklyReportAction.Withdraw);

    public bool CanReview => WeeklyReport.Table.CanApply(Status, WeeklyReportAction.Approve);

    public bool CanDelete => Status == WeeklyReportStatus.NotSubmitted;
}

/// <summary>The read-only head of the 提交周报 form: 周报周期, 提交院校, 院校类型, 省级教育行政部门.</summary>
public sealed record WeeklyReportHeader(ReportPeriod Period, string SchoolName, SchoolType SchoolType, string AuthorityName);

/// <summary>查看 / 编辑: the report, its head and every transition (审核记录).</summary>
public sealed record WeeklyReportDetail(
    int Id,
    WeeklyReportHeader Header,
    string WorkProgressHtml,
    string DifficultiesHtml,
    string PolicySuggestionsHtml,
    bool HasScan,
    string? ScanFileName,
    WeeklyReportStatus Status,
    DateTimeOffset? SubmittedUtc,
    IReadOnlyList<WeeklyReportReviewItem> Reviews)
{
    /// <summary>The row's <see cref="CertHub.Core.Common.Entity.RowVersion"/> when loaded: 保存 sends it back.</summary>
    public long Version { get; init; }

    public bool CanEdit => WeeklyReport.Table.CanApply(Status, WeeklyReportAction.Edit);

    /// <summary>The province's 退回意见 while the report stands returned; null otherwise.</summary>
    public string? ReturnOpinion => Status == WeeklyReportStatus.Returned && Reviews.Count > 0 && Reviews[^1].Result == WeeklyReportAction.Return
        ? Reviews[^1].Opinion
        : null;
}

/// <summary>审核记录: one 提交 / 撤回 / 审核通过 / 审核退回.</summary>
public sealed record WeeklyReportReviewItem(WeeklyReportAction Result, string? Opinion, string ReviewerName, DateTimeOffset ReviewedUtc)
{
    public bool IsReview => Result is WeeklyReportAction.Approve or WeeklyReportAction.Return;
}

/// <summary>The three rich-text fields as the user typed them (sanitised by the service before saving).</summary>
public sealed record WeeklyReportInput(string? WorkProgressHtml, string? DifficultiesHtml, string? PolicySuggestionsHtml)
{
    /// <summary>The <see cref="CertHub.Core.Common.Entity.RowVersion"/> the form was loaded with (null: not from a form).</summary>
    public long? Version { get; init; }
}

/// <summary>An uploaded 签名盖章的扫描件.</summary>
public sealed record ScanUpload(string FileName, byte[] Content);

/// <summary>未提交院校: a school of the province with no submitted report for the period (no report, or one still 未提交).</summary>
public sealed record MissingReportItem(int SchoolId, string SchoolName, SchoolType SchoolType, WeeklyReportStatus? Status);

/// <summary>A school option of the province's 提交院校 filter.</summary>
public sealed record ReportSchoolOption(int Id, string Name);
