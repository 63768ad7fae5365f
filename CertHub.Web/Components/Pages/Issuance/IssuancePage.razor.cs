using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Web.Components.Pages.Issuance.Components;
using CertHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Issuance;

/// <summary>4.2 证书发放管理: tabs per 颁证状态 (in the URL), filters, rows with their actions, batch actions, live updates.</summary>
public partial class IssuancePage
{
    private readonly PagedRows<IssuanceListItem> _rows = new();
    private readonly IssuanceFilterModel _filter = new();
    private readonly HashSet<int> _selected = [];
    private readonly CoalescingRefresh _live;
    private MudTable<IssuanceListItem>? _table;
    private IReadOnlyDictionary<IssuanceStatus, int> _counts = new Dictionary<IssuanceStatus, int>();
    private IssuanceStatus? _status;

    public IssuancePage() => _live = new CoalescingRefresh(ReloadAsync, TimeSpan.FromSeconds(1));

    [Inject]
    private IIssuanceService Issuance { get; set; } = default!;

    [Inject]
    private ICurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>?tab=OrgPendingSign etc.; absent or unknown means 全部.</summary>
    [SupplyParameterFromQuery(Name = "tab")]
    public string? Tab { get; set; }

    private IssuanceBatchAction BatchActions => IssuanceBatchActions.For(_status, CurrentUser);

    private bool AllSelected => _rows.Items.Count > 0 && _rows.Items.All(r => _selected.Contains(r.Id));

    private IssuanceFilter Filter => _filter.ToFilter(_status);

    protected override async Task OnParametersSetAsync()
    {
        var status = Enum.TryParse<IssuanceStatus>(Tab, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : (IssuanceStatus?)null;
        if (_counts.Count == 0 || status != _status)
        {
            _status = status;
            _selected.Clear();
            await ReloadAsync();
        }
    }

    private Task<TableData<IssuanceListItem>> LoadAsync(TableState state, CancellationToken ct) => _rows.LatestAsync(LoadRowsAsync(state, ct));

    private async Task<TableData<IssuanceListItem>> LoadRowsAsync(TableState state, CancellationToken ct)
    {
        var filter = Filter;
        var data = _rows.Accept(await Issuance.ListAsync(filter, _rows.Request(state, filter), ct), filter);
        _selected.IntersectWith(_rows.Items.Select(r => r.Id));
        return data;
    }

    private async Task ReloadAsync()
    {
        // One count serves the tabs and the list's total; paging through the same filter counts nothing again.
        var filter = Filter;
        _counts = await Issuance.CountsAsync(filter, CancellationToken.None);
        _rows.UseTotal(filter, filter.Status is { } status ? _counts.GetValueOrDefault(status) : _counts.Values.Sum());
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    private async Task TabChangedAsync(IssuanceStatus? status)
    {
        _status = status;
        _selected.Clear();
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("tab", status?.ToString()), replace: true);
        await ReloadAsync();
    }

    private void Select(IssuanceListItem item, bool selected)
    {
        if (selected)
        {
            _selected.Add(item.Id);
        }
        else
        {
            _selected.Remove(item.Id);
        }
    }

    private void SelectAll(bool selected)
    {
        foreach (var item in _rows.Items)
        {
            Select(item, selected);
        }
    }

    private Task<IReadOnlyList<IssuanceListItem>> ExportRowsAsync(CancellationToken ct) => Issuance.ExportAsync(Filter, [.. _selected], ct);

    private async Task RowAsync((IssuanceListItem Item, RowAction Action) row)
    {
        int[] ids = [row.Item.Id];
        var name = $"{row.Item.CandidateName}（{row.Item.CandidateNo}）";
        switch (row.Action)
        {
            case RowAction.View:
                await Dialogs.ShowAsync<IssuanceDetailDialog>("查看", new DialogParameters<IssuanceDetailDialog> { { d => d.RecordId, row.Item.Id } }, DialogOptions(MaxWidth.Large));
                return;
            case RowAction.Sign:
                await SignAsync(ids, "签发", batch: false);
                return;
            case RowAction.Reject:
                await RejectAsync(ids);
                return;
            case RowAction.Download:
                await DownloadAsync(ids);
                return;
            case RowAction.Issue:
                var method = await AskAsync<IssuanceIssueDialog>("发放", new DialogParameters<IssuanceIssueDialog> { { d => d.Count, 1 } }) as IssueMethod?;
                await RunAsync(method is { } m ? () => Issuance.IssueAsync(ids, m, CancellationToken.None) : null, batch: false);
                return;
            case RowAction.Resign:
                await ConfirmThenRunAsync("重新签发", $"确认重新签发{name}的发证记录？确认后不可撤回。", () => Issuance.ResignAsync(ids, CancellationToken.None), batch: false);
                return;
            case RowAction.Reissue:
                await ConfirmThenRunAsync("重新发放", $"确认重新发放{name}的证书？", () => Issuance.ReissueAsync(ids, CancellationToken.None), batch: false);
                return;
            case RowAction.Delete:
                await ConfirmThenRunAsync("删除", $"确认删除{name}的发证记录？", () => Issuance.DeleteAsync(ids, CancellationToken.None), batch: false);
                return;
        }
    }
}
