using CertHub.Core.ExamSites;
using CertHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.ExamSites;

/// <summary>5.2.4 考核站点: the school declares and manages its sites; the organisation reviews the sites of its certificates.</summary>
public partial class ExamSitesPage
{
    private readonly PagedRows<ExamSiteListItem> _rows = new();
    private MudTable<ExamSiteListItem>? _table;
    private HashSet<ExamSiteListItem> _selected = [];
    private IReadOnlyDictionary<ExamSiteStatus, int> _counts = new Dictionary<ExamSiteStatus, int>();
    private ExamSiteStatus? _status;
    private string? _name;
    private string? _certificate;
    private string? _school;

    [Inject]
    private ExamSiteService Sites { get; set; } = default!;

    private ExamSiteFilter Filter => new(_name, _certificate, _school, _status);

    private async Task<TableData<ExamSiteListItem>> LoadAsync(TableState state, CancellationToken ct)
    {
        _selected = [];
        _counts = await Sites.CountsAsync(Filter, ct);
        StateHasChanged();
        return _rows.Accept(await Sites.ListAsync(Filter, PagedRows<ExamSiteListItem>.ToRequest(state), ct));
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private Task ResetAsync()
    {
        (_name, _certificate, _school, _status) = (null, null, null, null);
        return ReloadAsync();
    }

    private Task StatusChangedAsync(ExamSiteStatus? status)
    {
        _status = status;
        return ReloadAsync();
    }

    private async Task CreateAsync()
    {
        var input = await ExamSiteEditDialog.ShowAsync(Dialogs, null);
        if (input is not null && await TryAsync(() => Sites.CreateAsync(input, CancellationToken.None), "申报成功"))
        {
            await ReloadAsync();
        }
    }

    private async Task EditAsync(ExamSiteListItem item)
    {
        var input = await ExamSiteEditDialog.ShowAsync(Dialogs, item.Id);
        if (input is not null && await TryAsync(() => Sites.UpdateAsync(item.Id, input, CancellationToken.None), "保存成功"))
        {
            await ReloadAsync();
        }
    }

    private async Task ViewAsync(ExamSiteListItem item, bool review)
    {
        var decision = await ExamSiteDetailDialog.ShowAsync(Dialogs, item.Id, review);
        if (decision is not null && await TryAsync(() => decision.Approve
                ? Sites.ApproveAsync(item.Id, decision.Opinion, decision.Version, CancellationToken.None)
                : Sites.ReturnAsync(item.Id, decision.Opinion ?? "", decision.Version, CancellationToken.None), decision.Approve ? "审核通过" : "已退回"))
        {
            await ReloadAsync();
        }
    }

    private async Task DeleteAsync(ExamSiteListItem item)
    {
        if (await ConfirmDialog.AskAsync(Dialogs, "删除", $"确定删除“{item.Name}”吗？"))
        {
            await RunBatchAsync([item.Id]);
        }
    }

    private async Task DeleteSelectedAsync()
    {
        if (await ConfirmDialog.AskAsync(Dialogs, "批量删除考核站点", $"确定删除选中的 {_selected.Count} 个考核站点吗？只能删除未提交、审核退回的考核站点。"))
        {
            await RunBatchAsync([.. _selected.Select(s => s.Id)]);
        }
    }

    private async Task RunBatchAsync(IReadOnlyCollection<int> ids)
    {
        ExamSiteBatchResult? result = null;
        if (await TryAsync(async () => result = await Sites.DeleteManyAsync(ids, CancellationToken.None)))
        {
            Snackbar.Add(result!.Summary("删除"), result.Failures.Count == 0 ? Severity.Success : Severity.Warning);
            await ReloadAsync();
        }
    }

    private async Task SubmitAsync(ExamSiteListItem item)
    {
        if (await TryAsync(() => Sites.SubmitAsync(item.Id, CancellationToken.None), "提交成功"))
        {
            await ReloadAsync();
        }
    }

    private async Task WithdrawAsync(ExamSiteListItem item)
    {
        if (await ConfirmDialog.AskAsync(Dialogs, "撤销", $"确定撤销“{item.Name}”的申报吗？")
            && await TryAsync(() => Sites.WithdrawAsync(item.Id, CancellationToken.None), "撤销成功"))
        {
            await ReloadAsync();
        }
    }
}
