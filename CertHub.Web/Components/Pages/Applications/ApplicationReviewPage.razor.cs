using CertHub.Core.Applications;
using CertHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Applications;

/// <summary>Province review of its schools' applications: 查看, 地市审批 (recorded for the city bureau), 审核通过 (批准培训人数), 审核退回, 退回 an approved one.</summary>
public partial class ApplicationReviewPage
{
    private readonly PagedRows<ApplicationListItem> _rows = new();
    private MudTable<ApplicationListItem>? _table;
    private IReadOnlyList<int> _years = [];
    private IReadOnlyDictionary<PilotApplicationStatus, int> _counts = new Dictionary<PilotApplicationStatus, int>();
    private ApplicationFilter _filter = new();
    private PilotApplicationStatus? _status = PilotApplicationStatus.UnderReview;

    [Inject]
    private PilotApplicationService Applications { get; set; } = default!;

    private ApplicationFilter Filter => _filter with { Status = _status };

    protected override async Task OnInitializedAsync() => _years = await Applications.YearsAsync(CancellationToken.None);

    private async Task<TableData<ApplicationListItem>> LoadAsync(TableState state, CancellationToken ct)
    {
        _counts = await Applications.CountsAsync(Filter, ct);
        StateHasChanged();
        return _rows.Accept(await Applications.ListAsync(Filter, PagedRows<ApplicationListItem>.ToRequest(state), ct));
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private Task ResetAsync()
    {
        (_filter, _status) = (new ApplicationFilter(), null);
        return ReloadAsync();
    }

    private Task StatusChangedAsync(PilotApplicationStatus? status)
    {
        _status = status;
        return ReloadAsync();
    }

    private Task<IReadOnlyList<ApplicationExportRow>> ExportRowsAsync(CancellationToken ct) => Applications.ExportRowsAsync(Filter, ct);

    private async Task ApproveAsync(ApplicationListItem item)
    {
        var detail = await Applications.GetAsync(item.Id, CancellationToken.None);
        var input = await ShowAsync(item, detail?.Majors ?? [], approve: true, "审核通过");
        var version = item.Version; // the row and the majors the dialog showed; versions only grow, so this covers the detail too
        if (input is not null && await TryAsync(() => input.ApprovedByMajor is { } byMajor
                ? Applications.ApproveByMajorAsync(item.Id, byMajor, input.Opinion, version, CancellationToken.None)
                : Applications.ApproveAsync(item.Id, input.ApprovedTotal, input.Opinion, version, CancellationToken.None), "审核通过"))
        {
            await ReloadAsync();
        }
    }

    /// <summary>地市审批: the province records the city bureau's decision (审批单位, 通过/退回, 意见) on its behalf.</summary>
    private async Task CityDecisionAsync(ApplicationListItem item)
    {
        var dialog = await Dialogs.ShowAsync<CityDecisionDialog>("地市级教育局审批", new DialogParameters<CityDecisionDialog> { { d => d.Item, item } }, DialogOptions());
        if (await dialog.Result is { Canceled: false, Data: CityDecisionInput input }
            && await TryAsync(() => Applications.RecordCityDecisionAsync(item.Id, input.Approved, input.ApprovingUnit, input.Opinion, item.Version, CancellationToken.None),
                input.Approved ? "地市级审核通过，已转省级审核" : "地市级审核退回"))
        {
            await ReloadAsync();
        }
    }

    private async Task ReturnAsync(ApplicationListItem item)
    {
        var approved = item.CanReturnApproved;
        var input = await ShowAsync(item, [], approve: false, approved ? "退回修改" : "审核退回");
        if (input is not null && await TryAsync(() => approved
                ? Applications.ReturnApprovedAsync(item.Id, input.Opinion!, item.Version, CancellationToken.None)
                : Applications.ReturnAsync(item.Id, input.Opinion!, item.Version, CancellationToken.None), "已退回"))
        {
            await ReloadAsync();
        }
    }

    private async Task<ApplicationReviewInput?> ShowAsync(ApplicationListItem item, IReadOnlyList<ApplicationMajorRow> majors, bool approve, string title)
    {
        var parameters = new DialogParameters<ApplicationReviewDialog>
        {
            { d => d.Item, item },
            { d => d.Majors, majors },
            { d => d.Approve, approve },
            { d => d.Title, title },
        };
        var dialog = await Dialogs.ShowAsync<ApplicationReviewDialog>(title, parameters, DialogOptions());
        var result = await dialog.Result;
        return result is { Canceled: false, Data: ApplicationReviewInput input } ? input : null;
    }
}
