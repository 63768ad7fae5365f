using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Registrations;
using CertHub.Core.Registrations.Import;
using CertHub.Web.Api;
using CertHub.Web.Components.Shared;
using CertHub.Web.Documents.Excel;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Registrations;

/// <summary>5.2.6 报考管理: filters, 报考状态 and 缴费 tabs with counts, 按证书/按科目导入, 导入记录, export and delete (school); read-only for organisations.</summary>
public partial class RegistrationsPage
{
    private static readonly IReadOnlyList<XlsxColumn<RegistrationExportRow>> ExportColumns =
    [
        new("考试计划", r => r.PlanName),
        new("院校名称", r => r.SchoolName),
        new("考核证书", r => r.CertificateName),
        new("证书等级", r => r.Level.ToDisplayName()),
        new("报考科目", r => r.SubjectName ?? "全部科目"),
        new("考生编号", r => r.CandidateNo),
        new("考生姓名", r => r.Name),
        new("姓名拼音", r => r.Pinyin),
        new("证件类型", r => r.IdType.ToDisplayName()),
        new("证件号码", r => r.MaskedIdNumber),
        new("专业", r => r.MajorName),
        new("考生类型", r => r.CandidateType.ToDisplayName()),
        new("报考状态", r => r.Status.ToDisplayName()),
        new("缴费状态", r => r.IsPaid ? "已缴费" : "未缴费"),
        new("报考时间", r => r.CreatedUtc.ToChinaDateTimeText()),
    ];

    private readonly PagedRows<RegistrationListItem> _rows = new();
    private MudTable<RegistrationListItem>? _table;
    private HashSet<RegistrationListItem> _selected = [];
    private RegistrationFilterOptions _options = new([], [], []);
    private RegistrationCounts _counts = new(new Dictionary<RegistrationStatus, int>(), new Dictionary<RegistrationPayment, int>());
    private RegistrationFilter _filter = new();
    private RegistrationStatus? _status;
    private RegistrationPayment? _payment;

    [Inject]
    private RegistrationService Registrations { get; set; } = default!;

    [Inject]
    private RegistrationImportService RegistrationImports { get; set; } = default!;

    private RegistrationFilter Filter => _filter with { Status = _status, Payment = _payment };

    private IReadOnlyCollection<int> SelectedIds => [.. _selected.Select(r => r.Id)];

    protected override async Task OnInitializedAsync() => _options = await Registrations.FilterOptionsAsync(CancellationToken.None);

    private async Task<TableData<RegistrationListItem>> LoadAsync(TableState state, CancellationToken ct)
    {
        _selected = [];
        _counts = await Registrations.CountsAsync(Filter, ct);
        StateHasChanged(); // the tab bars live outside the table
        return _rows.Accept(await Registrations.ListAsync(Filter, PagedRows<RegistrationListItem>.ToRequest(state), ct));
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private void FilterChanged(RegistrationFilter filter) => _filter = filter;

    private Task ResetAsync()
    {
        (_filter, _status, _payment) = (new RegistrationFilter(), null, null);
        return ReloadAsync();
    }

    private Task StatusChangedAsync(RegistrationStatus? status)
    {
        _status = status;
        return ReloadAsync();
    }

    private Task PaymentChangedAsync(RegistrationPayment? payment)
    {
        _payment = payment;
        return ReloadAsync();
    }

    private Task<IReadOnlyList<RegistrationExportRow>> ExportRowsAsync(CancellationToken ct) => Registrations.ExportRowsAsync(Filter, SelectedIds, ct);

    private async Task DeleteAsync(RegistrationListItem item)
    {
        if (await Dialogs.ShowMessageBoxAsync("删除", $"确定删除“{item.Name}”的报考信息吗？", yesText: "删除", cancelText: "取消") == true
            && await TryAsync(() => Registrations.DeleteAsync(item.Id, CancellationToken.None), "删除成功"))
        {
            await ReloadAsync();
        }
    }

    private async Task DeleteSelectedAsync()
    {
        if (await Dialogs.ShowMessageBoxAsync("批量删除报考数据", $"确定删除选中的 {_selected.Count} 条报考信息吗？只能删除未排考且未缴费的报考信息。", yesText: "删除", cancelText: "取消") != true)
        {
            return;
        }

        RegistrationBatchResult? result = null;
        if (await TryAsync(async () => result = await Registrations.DeleteManyAsync(SelectedIds, CancellationToken.None)))
        {
            Snackbar.Add(result!.Summary("删除"), result.Failed == 0 ? Severity.Success : Severity.Warning);
            await ReloadAsync();
        }
    }

    private async Task ImportAsync(RegistrationMode mode)
    {
        var title = mode == RegistrationMode.ByCertificate ? "批量导入报考-按证书导入" : "批量导入报考-按科目导入";
        IReadOnlyList<RegistrationImportPlan> plans = [];
        if (!await TryAsync(async () => plans = await Registrations.ImportPlansAsync(mode, CancellationToken.None)))
        {
            return;
        }

        var setup = await Dialogs.ShowAsync<RegistrationImportSetupDialog>(title, new DialogParameters<RegistrationImportSetupDialog>
        {
            { d => d.Mode, mode },
            { d => d.Plans, plans },
        }, DialogOptions(MaxWidth.Small));
        if (await setup.Result is not { Canceled: false, Data: RegistrationImportChoice choice })
        {
            return;
        }

        var parameters = new DialogParameters<ImportDialog>
        {
            { d => d.Title, title },
            { d => d.TemplateUrl, RegistrationFileEndpoints.TemplateUrl(mode) },
            { d => d.Hint, $"考试计划：{choice.PlanName}" + (choice.CertificateText is null ? "" : $"\n考核证书：{choice.CertificateText}")
                + "\n请下载模板，按“填写说明”填写后上传（.xlsx）。校验通过的行将导入，未通过的行可下载查看失败原因。" },
            { d => d.Import, (Func<Stream, string, IProgress<int>, CancellationToken, Task<ImportDialogResult>>)(async (file, name, progress, ct) =>
                ToDialog(await RegistrationImports.ImportAsync(choice.Request, file, name, progress, ct))) },
        };
        await (await Dialogs.ShowAsync<ImportDialog>(title, parameters, DialogOptions())).Result;
        await ReloadAsync();
    }

    private static ImportDialogResult ToDialog(RegistrationImportResult result) =>
        new(result.Succeeded, result.Failed, [.. result.Errors.Select(e => $"第{e.RowNumber}行：{e.Reason}")], [],
            result.FailedRowsPath is null ? null : CandidateFileEndpoints.FailedRowsUrl(result.ImportRecordId));
}
