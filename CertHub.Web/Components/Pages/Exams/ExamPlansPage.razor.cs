using CertHub.Core.Exams;
using CertHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Exams;

/// <summary>5.2.2 考试计划: the organisation creates, edits, publishes and extends its plans; a school sees the published plans listing it.</summary>
public partial class ExamPlansPage
{
    private readonly PagedRows<ExamPlanListItem> _rows = new();
    private MudTable<ExamPlanListItem>? _table;
    private IReadOnlyDictionary<ExamPlanStage, int> _counts = new Dictionary<ExamPlanStage, int>();
    private ExamPlanStage? _stage;
    private int? _year;
    private string? _name;

    [Inject]
    private ExamPlanService Plans { get; set; } = default!;

    private ExamPlanFilter Filter => new(_year, _name, _stage);

    private async Task<TableData<ExamPlanListItem>> LoadAsync(TableState state, CancellationToken ct)
    {
        _counts = await Plans.CountsAsync(Filter, ct);
        StateHasChanged();
        return _rows.Accept(await Plans.ListAsync(Filter, PagedRows<ExamPlanListItem>.ToRequest(state), ct));
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private Task ResetAsync()
    {
        (_year, _name, _stage) = (null, null, null);
        return ReloadAsync();
    }

    private Task StageChangedAsync(ExamPlanStage? stage)
    {
        _stage = stage;
        return ReloadAsync();
    }

    private async Task CreateAsync()
    {
        var input = await ExamPlanEditDialog.ShowAsync(Dialogs, null);
        if (input is not null && await TryAsync(() => Plans.CreateAsync(input, CancellationToken.None), "新增成功"))
        {
            await ReloadAsync();
        }
    }

    private async Task EditAsync(ExamPlanListItem item)
    {
        var input = await ExamPlanEditDialog.ShowAsync(Dialogs, item.Id);
        if (input is not null && await TryAsync(() => Plans.UpdateAsync(item.Id, input, CancellationToken.None), "保存成功"))
        {
            await ReloadAsync();
        }
    }

    private async Task PublishAsync(ExamPlanListItem item)
    {
        if (await ConfirmDialog.AskAsync(Dialogs, "发布", $"确定发布“{item.Name}”吗？发布后不能再修改，只能延长时间。")
            && await TryAsync(() => Plans.PublishAsync(item.Id, item.Version, CancellationToken.None), "发布成功"))
        {
            await ReloadAsync();
        }
    }

    private async Task ExtendAsync(ExamPlanListItem item)
    {
        var extension = await ExamPlanExtendDialog.ShowAsync(Dialogs, item);
        if (extension is not null
            && await TryAsync(() => Plans.ExtendWindowAsync(item.Id, extension.Window, extension.NewEndUtc, item.Version, CancellationToken.None), "延长成功"))
        {
            await ReloadAsync();
        }
    }

    private async Task ViewAsync(ExamPlanListItem item) =>
        await Dialogs.ShowAsync<ExamPlanDetailDialog>("查看考试计划",
            new DialogParameters<ExamPlanDetailDialog> { { d => d.PlanId, item.Id } }, DialogOptions(MaxWidth.Large));
}
