using CertHub.Core.Scores;
using CertHub.Web.Api;
using CertHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Scores;

/// <summary>
/// 5.2.9 科目成绩: filters, list, 批量导出科目成绩; an organisation imports scores per plan (template, 导入记录), corrects them and
/// answers 成绩复核; a school files 成绩复核 in the 公示期. The rules live in <see cref="ScoreService"/> and the entities.
/// </summary>
public partial class ScoresPage
{
    private readonly PagedRows<ScoreListItem> _rows = new();
    private MudTable<ScoreListItem>? _table;
    private ScoreReviewsPanel? _reviews;
    private HashSet<ScoreListItem> _selected = [];
    private IReadOnlyList<ScorePlanOption> _plans = [];
    private ScoreFilter _filter = new();
    private int _tab;

    [Inject]
    private ScoreService Scores { get; set; } = default!;

    /// <summary>?plan=ID opens the scores of one exam plan (the filter's 考试计划 is preselected).</summary>
    [SupplyParameterFromQuery(Name = "plan")]
    public int? PlanId { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _plans = await Scores.PlanOptionsAsync(null, CancellationToken.None);
        if (PlanId is int planId && _plans.Any(p => p.Id == planId))
        {
            _filter = _filter with { ExamPlanId = planId };
        }
    }

    private async Task<TableData<ScoreListItem>> LoadAsync(TableState state, CancellationToken ct)
    {
        _selected = [];
        return _rows.Accept(await Scores.ListAsync(_filter, PagedRows<ScoreListItem>.ToRequest(state), ct));
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private async Task ReloadAllAsync()
    {
        await ReloadAsync();
        await (_reviews?.ReloadAsync() ?? Task.CompletedTask);
    }

    private async Task FilterChangedAsync(ScoreFilter filter)
    {
        var yearChanged = filter.Year != _filter.Year;
        _filter = filter;
        if (yearChanged)
        {
            _plans = await Scores.PlanOptionsAsync(filter.Year, CancellationToken.None);
        }
    }

    private async Task ResetAsync()
    {
        _filter = new ScoreFilter();
        _plans = await Scores.PlanOptionsAsync(null, CancellationToken.None);
        await ReloadAsync();
    }

    private Task<IReadOnlyList<ScoreListItem>> ExportRowsAsync(CancellationToken ct) => Scores.ExportRowsAsync(_filter, null, ct);

    private async Task ImportAsync()
    {
        var plan = _plans.FirstOrDefault(p => p.Id == _filter.ExamPlanId);
        if (plan is null)
        {
            Snackbar.Add("请先在查询条件中选择要导入成绩的考试计划", Severity.Warning);
            return;
        }

        var parameters = new DialogParameters<ImportDialog>
        {
            { d => d.Title, $"按科目导入成绩：{plan.Name}" },
            { d => d.TemplateUrl, ScoreFileEndpoints.TemplateUrl },
            { d => d.Hint, "请下载模板，按“填写说明”填写准考证号、考生编号、姓名、科目编号和成绩（未参加考试填写“缺考”）后上传（.xlsx）。只能在成绩登记时间内导入；校验通过的行将导入，未通过的行可下载查看失败原因。" },
            { d => d.Import, (Func<Stream, string, IProgress<int>, CancellationToken, Task<ImportDialogResult>>)(async (file, name, progress, ct) =>
                ScoreDialogs.ToDialog(await Scores.ImportAsync(plan.Id, file, name, progress, ct))) },
        };
        await (await Dialogs.ShowAsync<ImportDialog>("按科目导入成绩", parameters, DialogOptions())).Result;
        await ReloadAsync();
    }

    private async Task CorrectAsync(ScoreListItem item)
    {
        var change = await ScoreDialogs.CorrectAsync(Dialogs,
            $"{item.CandidateName}（{item.CandidateNo}）  {item.SubjectName}  当前成绩：{item.ScoreText}", item.FullMark, reviewing: false);
        if (change is not null && await TryAsync(() => Scores.CorrectAsync(item.Id, change.Score, change.IsAbsent, change.Reason, CancellationToken.None), "成绩已更正"))
        {
            await ReloadAsync();
        }
    }

    private async Task FileReviewAsync(ScoreListItem item)
    {
        var reason = await ScoreDialogs.ReasonAsync(Dialogs, "申请成绩复核", $"{item.CandidateName}  {item.SubjectName}  成绩：{item.ScoreText}", "复核理由");
        if (reason is not null && await TryAsync(() => Scores.FileReviewAsync(item.Id, reason, CancellationToken.None), "复核申请已提交"))
        {
            await ReloadAllAsync();
        }
    }

    private async Task HistoryAsync(ScoreListItem item)
    {
        var corrections = await Scores.CorrectionsAsync(item.Id, CancellationToken.None);
        await Dialogs.ShowAsync<ScoreHistoryDialog>("修改记录", new DialogParameters<ScoreHistoryDialog> { { d => d.Corrections, corrections } }, DialogOptions());
    }
}
