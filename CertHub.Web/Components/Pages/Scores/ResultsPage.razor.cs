using CertHub.Core.Scores;
using CertHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Scores;

/// <summary>5.2.10 考证结果: filters (考试年度, 考试计划, 考生编号), status tabs with counts, 查看 and 批量导出证书考核详情.</summary>
public partial class ResultsPage
{
    private readonly PagedRows<ResultListItem> _rows = new();
    private MudTable<ResultListItem>? _table;
    private HashSet<ResultListItem> _selected = [];
    private IReadOnlyList<ScorePlanOption> _plans = [];
    private IReadOnlyDictionary<CertificateResultStatus, int> _counts = new Dictionary<CertificateResultStatus, int>();
    private ResultFilter _filter = new();
    private CertificateResultStatus? _status;

    [Inject]
    private ResultService Results { get; set; } = default!;

    [Inject]
    private ScoreService Scores { get; set; } = default!;

    private ResultFilter Filter => _filter with { Status = _status };

    protected override async Task OnInitializedAsync() => _plans = await Scores.PlanOptionsAsync(null, CancellationToken.None);

    private async Task<TableData<ResultListItem>> LoadAsync(TableState state, CancellationToken ct)
    {
        _selected = [];
        _counts = await Results.CountsAsync(Filter, ct);
        StateHasChanged(); // the status tabs live outside the table
        return _rows.Accept(await Results.ListAsync(Filter, PagedRows<ResultListItem>.ToRequest(state), ct));
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private async Task YearChangedAsync(int? year)
    {
        _filter = _filter with { Year = year, ExamPlanId = null };
        _plans = await Scores.PlanOptionsAsync(year, CancellationToken.None);
    }

    private async Task ResetAsync()
    {
        (_filter, _status) = (new ResultFilter(), null);
        _plans = await Scores.PlanOptionsAsync(null, CancellationToken.None);
        await ReloadAsync();
    }

    private Task StatusChangedAsync(CertificateResultStatus? status)
    {
        _status = status;
        return ReloadAsync();
    }

    private Task<IReadOnlyList<ResultListItem>> ExportRowsAsync(CancellationToken ct) => Results.ExportRowsAsync(Filter, null, ct);

    private Task<IDialogReference> ViewAsync(ResultListItem item) =>
        Dialogs.ShowAsync<ResultDetailDialog>("查看", new DialogParameters<ResultDetailDialog> { { d => d.ResultId, item.Id } }, DialogOptions());

    private static Color StatusColor(CertificateResultStatus status) => status switch
    {
        CertificateResultStatus.Passed => Color.Success,
        CertificateResultStatus.Failed => Color.Error,
        CertificateResultStatus.Recording => Color.Info,
        _ => Color.Default,
    };
}
