using CertHub.Core.Issuance;
using CertHub.Core.Scheduling;
using CertHub.Web.Components.Shared;
using CertHub.Web.Documents.Pdf;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Scheduling;

/// <summary>The downloads of one 考场编排 row.</summary>
public enum RoomDocument
{
    AdmissionTickets,
    DoorSticker,
    DeskStickers,
    SignInSheet,
}

/// <summary>
/// 5.2.8.2 考场编排: the scheduled room sessions the user may see, 查看 (seat map), the room documents for the host school and
/// the organisation, 导出准考证 for a row or the selection, and 批量导出考场编排记录.
/// </summary>
public partial class RoomArrangementsPage
{
    private readonly PagedRows<RoomArrangementListItem> _rows = new();
    private MudTable<RoomArrangementListItem>? _table;
    private HashSet<RoomArrangementListItem> _selected = [];
    private IReadOnlyList<SchedulePlanOption> _plans = [];
    private int? _planId;
    private string? _room;
    private string? _subject;
    private string? _site;
    private bool _busy;

    [Inject]
    private ScheduleQueries Schedules { get; set; } = default!;

    [Inject]
    private ScheduleDocuments Documents { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private RoomArrangementFilter Filter => new(_planId, _room, _subject, _site);

    protected override async Task OnInitializedAsync() => _plans = await Schedules.PlanOptionsAsync(CancellationToken.None);

    private async Task<TableData<RoomArrangementListItem>> LoadAsync(TableState state, CancellationToken ct)
    {
        _selected = [];
        return _rows.Accept(await Schedules.ListRoomsAsync(Filter, PagedRows<RoomArrangementListItem>.ToRequest(state), ct));
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private Task ResetAsync()
    {
        (_planId, _room, _subject, _site) = (null, null, null, null);
        return ReloadAsync();
    }

    private Task<IReadOnlyList<RoomArrangementListItem>> ExportRowsAsync(CancellationToken ct) => Schedules.AllRoomsAsync(Filter, ct);

    private Task ViewAsync(RoomArrangementListItem item) => SeatMapDialog.ShowAsync(Dialogs, item.RoomSessionId, $"{item.RoomName} · {item.SubjectName}");

    private Task DownloadAsync(RoomArrangementListItem item, RoomDocument document)
    {
        var name = $"{item.RoomName}_{item.SubjectName}";
        int[] ids = [item.RoomSessionId];
        return SaveAsync(document switch
        {
            RoomDocument.DoorSticker => () => Documents.DoorStickersAsync(ids, name, CancellationToken.None),
            RoomDocument.DeskStickers => () => Documents.DeskStickersAsync(ids, name, CancellationToken.None),
            RoomDocument.SignInSheet => () => Documents.SignInSheetsAsync(ids, name, CancellationToken.None),
            _ => () => Documents.AdmissionTicketsAsync(ids, name, CancellationToken.None),
        });
    }

    private Task ExportSelectedTicketsAsync()
    {
        int[] ids = [.. _selected.OrderBy(_rows.Number).Select(r => r.RoomSessionId)];
        return SaveAsync(() => Documents.AdmissionTicketsAsync(ids, $"{ids.Length}个考场", CancellationToken.None));
    }

    private async Task SaveAsync(Func<Task<DownloadFile>> build)
    {
        _busy = true;
        try
        {
            DownloadFile? file = null;
            if (await TryAsync(async () => file = await build()))
            {
                await FileDownloads.SaveAsync(JS, file!.FileName, file.Content);
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
