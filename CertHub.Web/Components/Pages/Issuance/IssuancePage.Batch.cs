using CertHub.Core.Issuance;
using CertHub.Web.Components.Shared;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Issuance;

/// <summary>The toolbar's batch actions and the shared confirm → service → result flow.</summary>
public partial class IssuancePage
{
    private async Task BatchAsync(IssuanceBatchAction action)
    {
        if (action == IssuanceBatchAction.Generate)
        {
            await GenerateAsync();
            return;
        }

        if (_selected.Count == 0)
        {
            Snackbar.Add("请先选择发证记录", Severity.Warning);
            return;
        }

        int[] ids = [.. _selected];
        var count = ids.Length;
        switch (action)
        {
            case IssuanceBatchAction.Sign:
                await SignAsync(ids, "批量确认签发", batch: true);
                break;
            case IssuanceBatchAction.Resign:
                await ConfirmThenRunAsync("批量重新签发", $"确认重新签发选中的{count}条发证记录？确认后不可撤回。", () => Issuance.ResignAsync(ids, CancellationToken.None), batch: true);
                break;
            case IssuanceBatchAction.IssuePaper:
                await ConfirmThenRunAsync("批量发放纸质证书", $"确认发放选中的{count}条纸质证书？确认后颁证状态变为证书生成中。", () => Issuance.IssueAsync(ids, IssueMethod.Paper, CancellationToken.None), batch: true);
                break;
            case IssuanceBatchAction.IssueElectronic:
                await ConfirmThenRunAsync("批量发放电子证书", $"确认发放选中的{count}条电子证书？确认后颁证状态变为证书生成中。", () => Issuance.IssueAsync(ids, IssueMethod.Electronic, CancellationToken.None), batch: true);
                break;
            case IssuanceBatchAction.Reissue:
                await ConfirmThenRunAsync("批量重新发放", $"确认重新发放选中的{count}条证书？", () => Issuance.ReissueAsync(ids, CancellationToken.None), batch: true);
                break;
            case IssuanceBatchAction.Download:
                await DownloadAsync(ids);
                break;
        }
    }

    private async Task GenerateAsync()
    {
        if (await AskAsync<IssuanceGenerateDialog>("获取待发证记录", [], MaxWidth.Medium) is GenerationCriteria criteria)
        {
            var created = 0;
            if (await TryAsync(async () => created = await Issuance.GenerateAsync(criteria, CancellationToken.None)))
            {
                Snackbar.Add($"已生成{created}条发证记录", Severity.Success);
                await ReloadAsync();
            }
        }
    }

    private async Task SignAsync(int[] ids, string title, bool batch)
    {
        var parameters = new DialogParameters<IssuanceSignDialog>
        {
            { d => d.Title, title }, { d => d.Count, ids.Length }, { d => d.SignerName, CurrentUser.DisplayName },
        };
        var signature = await AskAsync<IssuanceSignDialog>(title, parameters, MaxWidth.Medium) as SignatureInput;
        await RunAsync(signature is null ? null : () => Issuance.SignAsync(ids, signature, CancellationToken.None), batch);
    }

    private async Task RejectAsync(int[] ids)
    {
        var reason = await AskAsync<IssuanceRejectDialog>("拒绝签发", new DialogParameters<IssuanceRejectDialog> { { d => d.Count, ids.Length } }) as string;
        await RunAsync(reason is null ? null : () => Issuance.RejectAsync(ids, reason, CancellationToken.None), batch: false);
    }

    private async Task DownloadAsync(int[] ids)
    {
        DownloadFile? file = null;
        await TryAsync(async () => file = await Issuance.DownloadAsync(ids, CancellationToken.None));
        if (file is null)
        {
            Snackbar.Add("没有可下载的电子证书", Severity.Warning);
            return;
        }

        await FileDownloads.SaveAsync(JS, file.FileName, file.Content);
    }

    private async Task ConfirmThenRunAsync(string title, string message, Func<Task<BatchResult>> action, bool batch)
    {
        if (await ConfirmDialog.AskAsync(Dialogs, title, message))
        {
            await RunAsync(action, batch);
        }
    }

    /// <summary>Runs a service call; shows 成功N条，失败M条 (a dialog with the reasons for batches or any failure), then reloads.</summary>
    private async Task RunAsync(Func<Task<BatchResult>>? action, bool batch)
    {
        if (action is null)
        {
            return;
        }

        BatchResult? result = null;
        await TryAsync(async () => result = await action());
        if (result is null)
        {
            return;
        }

        Snackbar.Add(result.Summary, result.Failed == 0 ? Severity.Success : Severity.Warning);
        if (batch || result.Failed > 0)
        {
            var names = _rows.Items.ToDictionary(r => r.Id, r => $"{r.CandidateName}（{r.CandidateNo}）");
            await Dialogs.ShowAsync<IssuanceBatchResultDialog>("操作结果",
                new DialogParameters<IssuanceBatchResultDialog> { { d => d.Result, result }, { d => d.Names, names } }, DialogOptions(MaxWidth.Small));
        }

        _selected.Clear();
        await ReloadAsync();
    }

    /// <summary>Shows a dialog and returns what it returned; null when it was cancelled.</summary>
    private async Task<object?> AskAsync<TDialog>(string title, DialogParameters parameters, MaxWidth width = MaxWidth.Small)
        where TDialog : Microsoft.AspNetCore.Components.IComponent
    {
        var reference = await Dialogs.ShowAsync<TDialog>(title, parameters, DialogOptions(width));
        var result = await reference.Result;
        return result is { Canceled: false } ? result.Data : null;
    }
}
