using CertHub.Core.Catalog;
using CertHub.Core.Common;

namespace CertHub.Core.Reports;

/// <summary>
/// 周报: a school's report for one period (week or half-month, as its province sets), reviewed by the province.
/// One per school and period (<see cref="WeeklyReportPolicy"/> and a unique index).
/// </summary>
public sealed class WeeklyReport : Entity
{
    /// <summary>Visible characters allowed in each rich-text field (tags not counted).</summary>
    public const int TextMaxLength = 1000;

    /// <summary>Stored HTML length limit of each rich-text field.</summary>
    public const int HtmlMaxLength = 8000;

    public const int PathMaxLength = 260;
    public const int OpinionMaxLength = 500;
    public const int ActorNameMaxLength = 100;
    public const string SubmitTooLateMessage = "提交时间已过，该周报目前不能提交，谢谢";

    public static readonly TransitionTable<WeeklyReportStatus, WeeklyReportAction> Table = new TransitionTable<WeeklyReportStatus, WeeklyReportAction>()
        .Allow(WeeklyReportStatus.NotSubmitted, WeeklyReportAction.Edit, WeeklyReportStatus.NotSubmitted)
        .Allow(WeeklyReportStatus.Returned, WeeklyReportAction.Edit, WeeklyReportStatus.Returned)
        .Allow(WeeklyReportStatus.NotSubmitted, WeeklyReportAction.Submit, WeeklyReportStatus.PendingReview)
        .Allow(WeeklyReportStatus.Returned, WeeklyReportAction.Submit, WeeklyReportStatus.PendingReview)
        .Allow(WeeklyReportStatus.PendingReview, WeeklyReportAction.Withdraw, WeeklyReportStatus.NotSubmitted)
        .Allow(WeeklyReportStatus.PendingReview, WeeklyReportAction.Approve, WeeklyReportStatus.Approved)
        .Allow(WeeklyReportStatus.PendingReview, WeeklyReportAction.Return, WeeklyReportStatus.Returned);

    private readonly List<WeeklyReportReview> _reviews = [];

    private WeeklyReport()
    {
    }

    public int SchoolId { get; private set; }

    public int ProvinceId { get; private set; }

    public ReportingCycle Cycle { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    /// <summary>周报周期, e.g. 2021年09月 第二周.</summary>
    public string PeriodLabel { get; private set; } = "";

    /// <summary>工作进展 (sanitised HTML).</summary>
    public string WorkProgressHtml { get; private set; } = "";

    /// <summary>存在困难 (sanitised HTML).</summary>
    public string DifficultiesHtml { get; private set; } = "";

    /// <summary>政策建议 (sanitised HTML).</summary>
    public string PolicySuggestionsHtml { get; private set; } = "";

    /// <summary>签名盖章的扫描件 (one PDF).</summary>
    public string? ScanPdfPath { get; private set; }

    public WeeklyReportStatus Status { get; private set; }

    /// <summary>提交时间 of the current submission.</summary>
    public DateTimeOffset? SubmittedUtc { get; private set; }

    public DateTimeOffset CreatedUtc { get; private set; }

    /// <summary>One row per transition (提交, 撤回, 审核通过, 审核退回); the 审核记录 tab shows the <see cref="WeeklyReportReview.IsReview"/> rows.</summary>
    public IReadOnlyList<WeeklyReportReview> Reviews => _reviews;

    public ReportPeriod Period => new(Cycle, PeriodStart, PeriodEnd, PeriodLabel);

    public bool CanEdit => Table.CanApply(Status, WeeklyReportAction.Edit);

    public bool CanSubmit => Table.CanApply(Status, WeeklyReportAction.Submit);

    public bool CanWithdraw => Table.CanApply(Status, WeeklyReportAction.Withdraw);

    public bool CanReview => Table.CanApply(Status, WeeklyReportAction.Approve);

    public bool CanDelete => Status == WeeklyReportStatus.NotSubmitted;

    /// <summary>The deadline: submission is refused from the start of the next period on.</summary>
    public DateTimeOffset SubmitDeadlineUtc => Period.Next().StartUtc;

    /// <summary>保存 a new report (未提交). Each text ≤ 1000 visible characters; may be incomplete until submitted.</summary>
    public static WeeklyReport Create(int schoolId, int provinceId, ReportPeriod period, string? workProgressHtml, string? difficultiesHtml,
        string? policySuggestionsHtml, string? scanPdfPath, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(period);
        var report = new WeeklyReport
        {
            SchoolId = Guard.Positive(schoolId, "提交院校"),
            ProvinceId = Guard.Positive(provinceId, "省级教育行政部门"),
            Cycle = period.Cycle,
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            PeriodLabel = Guard.Required(period.Label, "周报周期", ReportPeriod.LabelMaxLength),
            Status = WeeklyReportStatus.NotSubmitted,
            CreatedUtc = nowUtc,
        };
        report.SetContent(workProgressHtml, difficultiesHtml, policySuggestionsHtml, scanPdfPath);
        return report;
    }

    /// <summary>编辑 (未提交 or 审核退回); the status does not change.</summary>
    public void Edit(string? workProgressHtml, string? difficultiesHtml, string? policySuggestionsHtml, string? scanPdfPath)
    {
        Table.Apply(Status, WeeklyReportAction.Edit);
        SetContent(workProgressHtml, difficultiesHtml, policySuggestionsHtml, scanPdfPath);
    }

    /// <summary>
    /// 提交 (未提交/审核退回 → 待审核): all three texts and the scan are required; refused once the next period has
    /// started ("提交时间已过，该周报目前不能提交，谢谢").
    /// </summary>
    public void Submit(string actorName, DateTimeOffset nowUtc)
    {
        Table.Apply(Status, WeeklyReportAction.Submit);
        DomainRuleException.ThrowIf(nowUtc >= SubmitDeadlineUtc, SubmitTooLateMessage);
        DomainRuleException.ThrowIf(RichText.CountText(WorkProgressHtml) == 0, "请填写工作进展");
        DomainRuleException.ThrowIf(RichText.CountText(DifficultiesHtml) == 0, "请填写存在困难");
        DomainRuleException.ThrowIf(RichText.CountText(PolicySuggestionsHtml) == 0, "请填写政策建议");
        DomainRuleException.ThrowIf(ScanPdfPath is null, "请上传签名盖章的扫描件");
        TransitionTo(WeeklyReportAction.Submit, actorName, null, nowUtc);
        SubmittedUtc = nowUtc;
    }

    /// <summary>撤回 (待审核 → 未提交), before the province reviews it.</summary>
    public void Withdraw(string actorName, DateTimeOffset nowUtc)
    {
        TransitionTo(WeeklyReportAction.Withdraw, actorName, null, nowUtc);
        SubmittedUtc = null;
    }

    /// <summary>审核通过 (待审核 → 审核通过); the opinion is optional.</summary>
    public void Approve(string reviewerName, string? opinion, DateTimeOffset nowUtc) =>
        TransitionTo(WeeklyReportAction.Approve, reviewerName, Guard.Optional(opinion, "审核意见", OpinionMaxLength), nowUtc);

    /// <summary>审核退回 (待审核 → 审核退回); the opinion is required.</summary>
    public void Return(string reviewerName, string opinion, DateTimeOffset nowUtc)
    {
        Table.Apply(Status, WeeklyReportAction.Return);
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(opinion), "请填写退回意见");
        TransitionTo(WeeklyReportAction.Return, reviewerName, Guard.Required(opinion, "审核意见", OpinionMaxLength), nowUtc);
    }

    /// <summary>Throws unless the report may be deleted (未提交 only).</summary>
    public void EnsureCanDelete() => DomainRuleException.ThrowIf(!CanDelete, "只有未提交的周报可以删除");

    private void SetContent(string? workProgressHtml, string? difficultiesHtml, string? policySuggestionsHtml, string? scanPdfPath)
    {
        WorkProgressHtml = RichTextField(workProgressHtml, "工作进展");
        DifficultiesHtml = RichTextField(difficultiesHtml, "存在困难");
        PolicySuggestionsHtml = RichTextField(policySuggestionsHtml, "政策建议");
        ScanPdfPath = Guard.Optional(scanPdfPath, "签名盖章的扫描件", PathMaxLength);
        DomainRuleException.ThrowIf(ScanPdfPath is not null && !ScanPdfPath.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase),
            "签名盖章的扫描件只能上传一个pdf文件");
    }

    private static string RichTextField(string? html, string field)
    {
        var value = html?.Trim() ?? "";
        DomainRuleException.ThrowIf(RichText.CountText(value) > TextMaxLength, $"{field}不能超过{TextMaxLength}个字");
        DomainRuleException.ThrowIf(value.Length > HtmlMaxLength, $"{field}内容过长");
        return value;
    }

    private void TransitionTo(WeeklyReportAction action, string actorName, string? opinion, DateTimeOffset nowUtc)
    {
        var next = Table.Apply(Status, action);
        _reviews.Add(new WeeklyReportReview(action, opinion, Guard.Required(actorName, "操作人", ActorNameMaxLength), nowUtc));
        Status = next;
    }
}

/// <summary>周报审核记录: one transition of a <see cref="WeeklyReport"/> (提交, 撤回, 审核通过, 审核退回).</summary>
public sealed class WeeklyReportReview : Entity
{
    private WeeklyReportReview()
    {
    }

    internal WeeklyReportReview(WeeklyReportAction result, string? opinion, string reviewerName, DateTimeOffset reviewedUtc)
    {
        Result = result;
        Opinion = opinion;
        ReviewerName = reviewerName;
        ReviewedUtc = reviewedUtc;
    }

    public int WeeklyReportId { get; private set; }

    /// <summary>审核结果 (审核通过 / 审核退回) or the school's 提交 / 撤回.</summary>
    public WeeklyReportAction Result { get; private set; }

    /// <summary>审核意见.</summary>
    public string? Opinion { get; private set; }

    /// <summary>审核人 (or the school user who submitted/withdrew).</summary>
    public string ReviewerName { get; private set; } = "";

    public DateTimeOffset ReviewedUtc { get; private set; }

    /// <summary>A province review (审核通过 / 审核退回) rather than the school's own step.</summary>
    public bool IsReview => Result is WeeklyReportAction.Approve or WeeklyReportAction.Return;
}

/// <summary>周报规则 spanning records: one report per school and period.</summary>
public static class WeeklyReportPolicy
{
    public const string DuplicateMessage = "本周周报已提交，请勿重复提交";

    /// <summary>
    /// Throws "本周周报已提交，请勿重复提交" when the school already has a report for the period (other than
    /// <paramref name="currentReportId"/>, the one being edited).
    /// </summary>
    public static void EnsureNoOtherReport(IEnumerable<WeeklyReport> existingReportsForPeriod, int currentReportId = 0)
    {
        ArgumentNullException.ThrowIfNull(existingReportsForPeriod);
        DomainRuleException.ThrowIf(existingReportsForPeriod.Any(r => r.Id != currentReportId || currentReportId == 0), DuplicateMessage);
    }
}
