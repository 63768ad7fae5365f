using CertHub.Core.Scheduling;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Scheduling;

/// <summary>查看 of 考场编排: the seat map; the plan's organisation may also 调整座位, 更换监考 and 互换监考 from here, inside 排考时间 only (outside it a hint says why).</summary>
public sealed partial class SeatMapDialog
{
    private SeatMap? _map;
    private bool _loading = true;
    private ScheduleAdjustability _adjust = ScheduleAdjustability.None;

    [CascadingParameter]
    private IMudDialogInstance? Dialog { get; set; }

    [Inject]
    private ScheduleQueries Schedules { get; set; } = default!;

    [Inject]
    private SchedulingService Scheduling { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Parameter]
    public int RoomSessionId { get; set; }

    public static async Task ShowAsync(IDialogService dialogs, int roomSessionId, string title)
    {
        var dialog = await dialogs.ShowAsync<SeatMapDialog>(title, new DialogParameters<SeatMapDialog> { { d => d.RoomSessionId, roomSessionId } },
            new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseButton = true, CloseOnEscapeKey = true });
        await dialog.Result;
    }

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _map = await Schedules.SeatMapAsync(RoomSessionId, CancellationToken.None);
        _adjust = _map is not null && Scheduling.CanSchedule
            ? await Scheduling.AdjustabilityAsync(_map.Room.ExamPlanId, CancellationToken.None)
            : ScheduleAdjustability.None;
        _loading = false;
    }

    /// <summary>更换监考 (organisation only): on a saved replacement the details reload.</summary>
    private async Task ReplaceInvigilatorAsync()
    {
        var choices = await Schedules.InvigilatorChoicesAsync(RoomSessionId, CancellationToken.None);
        var parameters = new DialogParameters<ReplaceInvigilatorDialog>
        {
            { d => d.ExamPlanId, _map!.Room.ExamPlanId },
            { d => d.RoomId, _map.RoomId },
            { d => d.SubjectId, _map.SubjectId },
            { d => d.Choices, choices },
        };
        if (await ReplaceInvigilatorDialog.ShowAsync(Dialogs, parameters))
        {
            await LoadAsync();
        }
    }

    /// <summary>互换监考 (organisation only): with an invigilator of another room session at the same time; on a saved swap the details reload.</summary>
    private async Task SwapInvigilatorsAsync()
    {
        var choices = await Schedules.SwapChoicesAsync(RoomSessionId, CancellationToken.None);
        var parameters = new DialogParameters<SwapInvigilatorDialog>
        {
            { d => d.ExamPlanId, _map!.Room.ExamPlanId },
            { d => d.RoomId, _map.RoomId },
            { d => d.SubjectId, _map.SubjectId },
            { d => d.Choices, choices },
        };
        if (await SwapInvigilatorDialog.ShowAsync(Dialogs, parameters))
        {
            await LoadAsync();
        }
    }

    /// <summary>调整座位 (organisation only): on a saved move the seat map reloads.</summary>
    private async Task MoveAsync(SeatMapCell seat, int registrationId)
    {
        var targets = await Schedules.MoveTargetsAsync(RoomSessionId, CancellationToken.None);
        var parameters = new DialogParameters<MoveSeatDialog>
        {
            { d => d.ExamPlanId, _map!.Room.ExamPlanId },
            { d => d.SubjectId, _map.SubjectId },
            { d => d.RegistrationId, registrationId },
            { d => d.CurrentRoomId, _map.RoomId },
            { d => d.CurrentSeatNo, seat.SeatNo },
            { d => d.CandidateName, seat.CandidateName ?? "" },
            { d => d.Targets, targets },
        };
        if (await MoveSeatDialog.ShowAsync(Dialogs, parameters))
        {
            await LoadAsync();
        }
    }
}
