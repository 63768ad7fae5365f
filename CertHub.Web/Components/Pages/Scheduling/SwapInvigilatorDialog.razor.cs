using CertHub.Core.Common;
using CertHub.Core.Scheduling;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Scheduling;

/// <summary>互换监考 (organisation, within 排考时间): the domain checks certification and time clashes; a refusal keeps the dialog open.</summary>
public sealed partial class SwapInvigilatorDialog
{
    private int _ownId;
    private int? _otherIndex;
    private bool _busy;
    private string? _refusal;

    [CascadingParameter]
    private IMudDialogInstance? Dialog { get; set; }

    [Inject]
    private SchedulingService Scheduling { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Parameter]
    public int ExamPlanId { get; set; }

    [Parameter]
    public int RoomId { get; set; }

    [Parameter]
    public int SubjectId { get; set; }

    [Parameter]
    public InvigilatorSwapChoices Choices { get; set; } = new([], []);

    private InvigilatorSwapOption? Other => _otherIndex is { } i && i >= 0 && i < Choices.Others.Count ? Choices.Others[i] : null;

    private string? Summary => Other is { } other && Choices.Own.FirstOrDefault(o => o.InvigilatorId == _ownId) is { } own
        ? $"{own.Name} 改到 {other.RoomName}（{other.SubjectName}）监考，{other.Invigilator.Name} 改到本考场监考"
        : null;

    /// <summary>Opens the dialog; true when a swap was saved.</summary>
    public static async Task<bool> ShowAsync(IDialogService dialogs, DialogParameters<SwapInvigilatorDialog> parameters)
    {
        var dialog = await dialogs.ShowAsync<SwapInvigilatorDialog>("互换监考", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: true };
    }

    protected override void OnInitialized()
    {
        _ownId = Choices.Own.Count > 0 ? Choices.Own[0].InvigilatorId : 0;
        _otherIndex = Choices.Others.Count > 0 ? 0 : null;
    }

    private async Task SwapAsync()
    {
        if (Other is not { } other)
        {
            return;
        }

        _busy = true;
        try
        {
            var edit = await Scheduling.SwapInvigilatorsAsync(ExamPlanId, (RoomId, SubjectId), _ownId, (other.RoomId, other.SubjectId), other.Invigilator.InvigilatorId, CancellationToken.None);
            if (!edit.Done)
            {
                _refusal = edit.Refusal;
                return;
            }

            Snackbar.Add($"互换成功：{other.Invigilator.Name} 已安排到本考场监考", Severity.Success);
            Dialog!.Close(DialogResult.Ok(true));
        }
        catch (DomainRuleException ex)
        {
            _refusal = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
