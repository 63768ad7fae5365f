using CertHub.Core.Reports;
using CertHub.Web.Components.Pages.Reports.Components;
using CertHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Reports;

/// <summary>
/// 6.1 提交周报: the school's reports (周报周期 filter, status tabs with counts, 提交周报 and the row actions), and for the
/// province the same list of its schools' reports with 审核, the reporting cycle and the schools not yet submitted.
/// </summary>
public partial class WeeklyReportsPage
{
    private readonly PagedRows<WeeklyReportListItem> _rows = new();
    private MudTable<WeeklyReportListItem>? _table;
    private ProvinceReportPanel? _provincePanel;
    private IReadOnlyList<string> _periods = [];
    private IReadOnlyList<ReportSchoolOption> _schools = [];
    private IReadOnlyDictionary<WeeklyReportStatus, int> _counts = new Dictionary<WeeklyReportStatus, int>();
    private string? _period;
    private int? _schoolId;
    private WeeklyReportStatus? _status;

    [Inject]
    private WeeklyReportService Reports { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private WeeklyReportFilter Filter => new(_period, _schoolId, _status);

    protected override async Task OnInitializedAsync()
    {
        _periods = await Reports.PeriodOptionsAsync(CancellationToken.None);
        if (!Reports.CanWrite)
        {
            _schools = await Reports.SchoolOptionsAsync(CancellationToken.None);
        }
    }

    private async Task<TableData<WeeklyReportListItem>> LoadAsync(TableState state, CancellationToken ct)
    {
        _counts = await Reports.CountsAsync(Filter, ct);
        StateHasChanged(); // the status tabs live outside the table
        return _rows.Accept(await Reports.ListAsync(Filter, PagedRows<WeeklyReportListItem>.ToRequest(state), ct));
    }

    private async Task ReloadAsync()
    {
        _periods = await Reports.PeriodOptionsAsync(CancellationToken.None);
        if (_provincePanel is not null)
        {
            await _provincePanel.ReloadAsync();
        }

        await (_table?.ReloadServerData() ?? Task.CompletedTask);
    }

    private Task ResetAsync()
    {
        (_period, _schoolId, _status) = (null, null, null);
        return ReloadAsync();
    }

    private Task StatusChangedAsync(WeeklyReportStatus? status)
    {
        _status = status;
        return ReloadAsync();
    }

    private async Task NewAsync()
    {
        if (await TryAsync(() => Reports.NewReportHeaderAsync(CancellationToken.None)))
        {
            Navigation.NavigateTo("/reports/weekly/new");
        }
    }

    private void Edit(WeeklyReportListItem item) => Navigation.NavigateTo($"/reports/weekly/{item.Id}/edit");

    private Task<IDialogReference> ViewAsync(WeeklyReportListItem item) =>
        Dialogs.ShowAsync<WeeklyReportDetailDialog>("查看", new DialogParameters<WeeklyReportDetailDialog> { { d => d.ReportId, item.Id } }, DialogOptions(MaxWidth.Large));

    private async Task SubmitAsync(WeeklyReportListItem item)
    {
        if (await ConfirmDialog.AskAsync(Dialogs, "提示", $"确定提交“{item.PeriodLabel}”的周报吗？")
            && await TryAsync(() => Reports.SubmitAsync(item.Id, CancellationToken.None), "提交成功"))
        {
            await ReloadAsync();
        }
    }

    private async Task WithdrawAsync(WeeklyReportListItem item)
    {
        if (await ConfirmDialog.AskAsync(Dialogs, "提示", "确定撤回该周报吗？撤回后状态为未提交。")
            && await TryAsync(() => Reports.WithdrawAsync(item.Id, CancellationToken.None), "撤回成功"))
        {
            await ReloadAsync();
        }
    }

    private async Task DeleteAsync(WeeklyReportListItem item)
    {
        if (await ConfirmDialog.AskAsync(Dialogs, "提示", "您确定要删除吗")
            && await TryAsync(() => Reports.DeleteAsync(item.Id, CancellationToken.None), "删除成功"))
        {
            await ReloadAsync();
        }
    }

    private async Task ReviewAsync(WeeklyReportListItem item)
    {
        var dialog = await Dialogs.ShowAsync<WeeklyReportReviewDialog>("审核",
            new DialogParameters<WeeklyReportReviewDialog> { { d => d.ReportId, item.Id } }, DialogOptions(MaxWidth.Large));
        if (await dialog.Result is { Canceled: false, Data: WeeklyReportReviewDecision decision }
            && await TryAsync(() => decision.Approve
                ? Reports.ApproveAsync(item.Id, decision.Opinion, decision.Version, CancellationToken.None)
                : Reports.ReturnAsync(item.Id, decision.Opinion ?? "", decision.Version, CancellationToken.None), decision.Approve ? "审核通过" : "已退回"))
        {
            await ReloadAsync();
        }
    }
}
