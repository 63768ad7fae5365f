using CertHub.Core.Common;
using CertHub.Core.Scheduling;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Scheduling;

public sealed partial class MoveSeatDialog
{
    private int _roomId;
    private int? _seatNo;
    private bool _busy;
    private string? _refusal;
    private IReadOnlyList<SeatSuggestion> _suggestions = [];

    [CascadingParameter]
    private IMudDialogInstance? Dialog { get; set; }

    [Inject]
    private SchedulingService Scheduling { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Parameter]
    public int ExamPlanId { get; set; }

    [Parameter]
    public int SubjectId { get; set; }

    [Parameter]
    public int RegistrationId { get; set; }

    [Parameter]
    public int CurrentRoomId { get; set; }

    [Parameter]
    public int CurrentSeatNo { get; set; }

    [Parameter]
    public string CandidateName { get; set; } = "";

    [Parameter]
    public IReadOnlyList<SeatMoveTarget> Targets { get; set; } = [];

    /// <summary>Opens the dialog; true when a move was saved.</summary>
    public static async Task<bool> ShowAsync(IDialogService dialogs, DialogParameters<MoveSeatDialog> parameters)
    {
        var dialog = await dialogs.ShowAsync<MoveSeatDialog>("调整座位", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: true };
    }

    protected override void OnInitialized() => _roomId = CurrentRoomId;

    private string SuggestionText(SeatSuggestion suggestion)
    {
        var room = Targets.FirstOrDefault(t => t.RoomId == suggestion.RoomId)?.RoomName ?? "";
        return suggestion.SameSchoolNeighbours == 0 ? $"{room} {suggestion.SeatNo}号座" : $"{room} {suggestion.SeatNo}号座（相邻同校{suggestion.SameSchoolNeighbours}人）";
    }

    private async Task MoveAsync(int roomId, int? seatNo)
    {
        _busy = true;
        try
        {
            var edit = await Scheduling.MoveSeatAsync(ExamPlanId, RegistrationId, SubjectId, roomId, seatNo, CancellationToken.None);
            if (!edit.Done)
            {
                (_refusal, _suggestions) = (edit.Refusal, edit.SeatSuggestions);
                return;
            }

            var room = Targets.FirstOrDefault(t => t.RoomId == roomId)?.RoomName ?? "";
            var seat = edit.Sessions.FirstOrDefault(s => s.RoomId == roomId && s.SubjectId == SubjectId)?.Seats.FirstOrDefault(x => x.RegistrationId == RegistrationId)?.SeatNo;
            Snackbar.Add($"调整成功：{CandidateName} 已调整到{room} {seat}号座", Severity.Success);
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
