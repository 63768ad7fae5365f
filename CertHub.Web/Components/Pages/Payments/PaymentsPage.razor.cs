using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Payments;
using CertHub.Web.Components.Shared;
using CertHub.Web.Documents.Excel;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Payments;

/// <summary>5.2.7 缴费管理: the school generates, views, exports and deletes 缴费申请单; the organisation confirms them.</summary>
public partial class PaymentsPage
{
    private static readonly IReadOnlyList<XlsxColumn<PaymentListItem>> ExportColumns =
    [
        new("缴费单号", r => r.RequestNo),
        new("考试计划", r => r.PlanName),
        new("院校名称", r => r.SchoolName),
        new("考试证书", r => r.CertificateName),
        new("证书等级", r => r.Level.ToDisplayName()),
        new("报考方式", r => r.ModeText),
        new("报考科目", r => r.SubjectName ?? ""),
        new("人数", r => r.Count),
        new("考试费用（元）", r => r.UnitFee),
        new("金额（元）", r => r.Amount),
        new("状态", r => r.Status.ToDisplayName()),
        new("生成人", r => r.CreatedBy),
        new("生成时间", r => r.CreatedUtc.ToChinaDateTimeText()),
        new("确认人", r => r.ConfirmedBy ?? ""),
        new("确认时间", r => r.ConfirmedUtc?.ToChinaDateTimeText() ?? ""),
    ];

    private readonly PagedRows<PaymentListItem> _rows = new();
    private MudTable<PaymentListItem>? _table;
    private HashSet<PaymentListItem> _selected = [];
    private IReadOnlyDictionary<PaymentStatus, int> _counts = new Dictionary<PaymentStatus, int>();
    private PaymentStatus? _status;
    private string? _plan;
    private string? _certificate;
    private string? _requestNo;
    private string? _school;

    [Inject]
    private PaymentService Payments { get; set; } = default!;

    private PaymentFilter Filter => new(_plan, _certificate, _requestNo, _school, _status);

    private async Task<TableData<PaymentListItem>> LoadAsync(TableState state, CancellationToken ct)
    {
        _selected = [];
        _counts = await Payments.CountsAsync(Filter, ct);
        StateHasChanged();
        return _rows.Accept(await Payments.ListAsync(Filter, PagedRows<PaymentListItem>.ToRequest(state), ct));
    }

    private Task<IReadOnlyList<PaymentListItem>> ExportRowsAsync(CancellationToken ct) => Payments.ExportRowsAsync(Filter, ct);

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private Task ResetAsync()
    {
        (_plan, _certificate, _requestNo, _school, _status) = (null, null, null, null, null);
        return ReloadAsync();
    }

    private Task StatusChangedAsync(PaymentStatus? status)
    {
        _status = status;
        return ReloadAsync();
    }

    private async Task GenerateAsync(RegistrationMode mode)
    {
        var input = await PaymentGenerateDialog.ShowAsync(Dialogs, mode);
        PaymentListItem? created = null;
        if (input is not null && await TryAsync(async () => created = await Payments.GenerateAsync(input, CancellationToken.None)))
        {
            Snackbar.Add($"已生成缴费申请单 {created!.RequestNo}：{created.Count}人，金额{created.AmountText}元", Severity.Success);
            await ReloadAsync();
        }
    }

    private Task ViewAsync(PaymentListItem item) => PaymentDetailDialog.ShowAsync(Dialogs, item.Id);

    private async Task DeleteAsync(PaymentListItem item)
    {
        if (await ConfirmDialog.AskAsync(Dialogs, "删除", $"确定删除缴费申请单“{item.RequestNo}”吗？删除后其报考记录可重新生成缴费申请单。")
            && await TryAsync(() => Payments.DeleteAsync(item.Id, CancellationToken.None), "删除成功"))
        {
            await ReloadAsync();
        }
    }

    private async Task ConfirmAsync(PaymentListItem item)
    {
        if (await ConfirmDialog.AskAsync(Dialogs, "确认缴费", $"确认已收到缴费申请单“{item.RequestNo}”的费用 {item.AmountText} 元（{item.Count}人）吗？确认后考生报考记录将标记为已缴费。")
            && await TryAsync(() => Payments.ConfirmAsync(item.Id, CancellationToken.None), "确认缴费成功"))
        {
            await ReloadAsync();
        }
    }

    private async Task ConfirmSelectedAsync()
    {
        var selected = _selected.ToList();
        var amount = Money.Of(selected.Sum(s => s.Amount));
        if (!await ConfirmDialog.AskAsync(Dialogs, "批量确认缴费", $"确认已收到选中的 {selected.Count} 张缴费申请单的费用共 {amount} 元吗？确认后考生报考记录将标记为已缴费。"))
        {
            return;
        }

        Core.Issuance.BatchResult? result = null;
        if (await TryAsync(async () => result = await Payments.ConfirmManyAsync([.. selected.Select(s => s.Id)], CancellationToken.None)))
        {
            var message = result!.Failed == 0 ? $"确认缴费{result.Summary}" : $"确认缴费{result.Summary}：" + string.Join("；", result.Failures.Take(5).Select(f => f.Reason));
            Snackbar.Add(message, result.Failed == 0 ? Severity.Success : Severity.Warning);
            await ReloadAsync();
        }
    }
}
