using CertHub.Core.Common;
using CertHub.Core.Scheduling;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Scheduling;

public sealed partial class ReplaceInvigilatorDialog
{
    private int _outgoingId;
    private int? _incomingId;
    private bool _busy;
    private string? _refusal;
    private IReadOnlyList<InvigilatorSuggestion> _suggestions = [];

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
    public InvigilatorChoices Choices { get; set; } = new([], []);

    /// <summary>Opens the dialog; true when a replacement was saved.</summary>
    public static async Task<bool> ShowAsync(IDialogService dialogs, DialogParameters<ReplaceInvigilatorDialog> parameters)
    {
        var dialog = await dialogs.ShowAsync<ReplaceInvigilatorDialog>("更换监考", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: true };
    }

    protected override void OnInitialized()
    {
        _outgoingId = Choices.Assigned.Count > 0 ? Choices.Assigned[0].InvigilatorId : 0;
        _incomingId = Choices.Certified.FirstOrDefault(c => Choices.Assigned.All(a => a.InvigilatorId != c.InvigilatorId))?.InvigilatorId;
    }

    private string NameOf(int invigilatorId) => Choices.Certified.FirstOrDefault(c => c.InvigilatorId == invigilatorId)?.Text ?? invigilatorId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string SuggestionText(InvigilatorSuggestion suggestion) => suggestion.IsCrossInvigilation ? $"{NameOf(suggestion.InvigilatorId)}（交叉监考）" : NameOf(suggestion.InvigilatorId);

    private async Task ReplaceAsync(int incomingId)
    {
        _busy = true;
        try
        {
            var edit = await Scheduling.ReplaceInvigilatorAsync(ExamPlanId, RoomId, SubjectId, _outgoingId, incomingId, CancellationToken.None);
            if (!edit.Done)
            {
                (_refusal, _suggestions) = (edit.Refusal, edit.InvigilatorSuggestions);
                return;
            }

            Snackbar.Add($"更换成功：{NameOf(incomingId)} 已安排监考", Severity.Success);
            Dialog!.Close(DialogResult.Ok(true));
        }
        catch (DomainRuleException ex)
        {
            (_refusal, _suggestions) = (ex.Message, []);
        }
        finally
        {
            _busy = false;
        }
    }
}
