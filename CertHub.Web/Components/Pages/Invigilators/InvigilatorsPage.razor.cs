using CertHub.Core.Invigilators;
using CertHub.Core.Invigilators.Import;
using CertHub.Web.Api;
using CertHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Invigilators;

/// <summary>5.2.11 监考人员: the school's list (新增, 批量导入, 编辑, 删除, 提交, 查看, 批量导出); the organisation sees its certification view.</summary>
public partial class InvigilatorsPage
{
    private readonly PagedRows<InvigilatorListItem> _rows = new();
    private MudTable<InvigilatorListItem>? _table;
    private HashSet<InvigilatorListItem> _selected = [];
    private string? _name;
    private string? _teacherNo;
    private string? _certificate;

    [Inject]
    private InvigilatorService Invigilators { get; set; } = default!;

    [Inject]
    private InvigilatorImportService Imports { get; set; } = default!;

    private InvigilatorFilter Filter => new(_name, _teacherNo, _certificate);

    private async Task<TableData<InvigilatorListItem>> LoadAsync(TableState state, CancellationToken ct)
    {
        _selected = [];
        return _rows.Accept(await Invigilators.ListAsync(Filter, PagedRows<InvigilatorListItem>.ToRequest(state), ct));
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private Task ResetAsync()
    {
        (_name, _teacherNo, _certificate) = (null, null, null);
        return ReloadAsync();
    }

    private Task<IReadOnlyList<InvigilatorExportRow>> ExportRowsAsync(CancellationToken ct) =>
        Invigilators.ExportRowsAsync(Filter, [.. _selected.Select(i => i.Id)], ct);

    private async Task CreateAsync()
    {
        var input = await InvigilatorEditDialog.ShowAsync(Dialogs, null);
        if (input is not null && await TryAsync(() => Invigilators.CreateAsync(input, CancellationToken.None), "新增成功"))
        {
            await ReloadAsync();
        }
    }

    private async Task ImportAsync()
    {
        var parameters = new DialogParameters<ImportDialog>
        {
            { d => d.Title, "批量导入监考人员" },
            { d => d.TemplateUrl, CandidateFileEndpoints.InvigilatorTemplateUrl },
            { d => d.Hint, "请下载模板，按“填写说明”填写监考人员信息后上传（.xlsx）。导入后请在列表中“提交”证书申请，由培训评价组织认证。" },
            { d => d.Import, (Func<Stream, string, IProgress<int>, CancellationToken, Task<ImportDialogResult>>)(async (file, name, progress, ct) =>
            {
                var result = await Imports.ImportAsync(file, name, progress, ct);
                return new ImportDialogResult(result.Succeeded, result.Failed, [.. result.Errors.Select(e => $"第{e.RowNumber}行：{e.Reason}")], [],
                    result.FailedRowsPath is null ? null : CandidateFileEndpoints.FailedRowsUrl(result.ImportRecordId));
            }) },
        };
        await (await Dialogs.ShowAsync<ImportDialog>("批量导入监考人员", parameters, DialogOptions())).Result;
        await ReloadAsync();
    }

    private async Task EditAsync(InvigilatorListItem item)
    {
        var input = await InvigilatorEditDialog.ShowAsync(Dialogs, item.Id);
        if (input is not null && await TryAsync(() => Invigilators.UpdateAsync(item.Id, input, CancellationToken.None), "保存成功"))
        {
            await ReloadAsync();
        }
    }

    private Task<IDialogReference> ViewAsync(InvigilatorListItem item) =>
        Dialogs.ShowAsync<InvigilatorDetailDialog>("查看", new DialogParameters<InvigilatorDetailDialog> { { d => d.InvigilatorId, item.Id } }, DialogOptions());

    private async Task SubmitAsync(InvigilatorListItem item)
    {
        if (await TryAsync(() => Invigilators.SubmitAsync(item.Id, CancellationToken.None), "已提交认证"))
        {
            await ReloadAsync();
        }
    }

    private async Task DeleteAsync(InvigilatorListItem item)
    {
        if (await ConfirmDialog.AskAsync(Dialogs, "删除", $"确定删除监考人员“{item.Name}”吗？")
            && await TryAsync(() => Invigilators.DeleteAsync(item.Id, CancellationToken.None), "删除成功"))
        {
            await ReloadAsync();
        }
    }
}
