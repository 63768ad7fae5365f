using System.Globalization;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Exams.RoomImport;
using CertHub.Web.Api;
using CertHub.Web.Components.Shared;
using CertHub.Web.Documents.Excel;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.ExamRooms;

/// <summary>5.2.5 考场管理: the school sets and manages its rooms; the organisation sees the rooms of its plans (read-only).</summary>
public partial class ExamRoomsPage
{
    private static readonly IReadOnlyList<XlsxColumn<ExamRoomListItem>> ExportColumns =
    [
        new(ExamRoomImportTemplate.Plan, r => r.PlanName),
        new(ExamRoomImportTemplate.Site, r => r.SiteName),
        new(ExamRoomImportTemplate.Certificate, r => r.CertificateName),
        new(ExamRoomImportTemplate.Level, r => r.Level.ToDisplayName()),
        new(ExamRoomImportTemplate.Subjects, r => r.SubjectCodesText),
        new(ExamRoomImportTemplate.Name, r => r.Name),
        new(ExamRoomImportTemplate.Address, r => r.Address),
        new(ExamRoomImportTemplate.SeatCount, r => r.SeatCount.ToString(CultureInfo.InvariantCulture)),
        new("科目名称", r => r.SubjectsText),
        new("考场类型", r => r.RoomType.ToDisplayName()),
        new("所属院校", r => r.SchoolName),
        new("状态", r => r.Status.ToDisplayName()),
    ];

    private readonly PagedRows<ExamRoomListItem> _rows = new();
    private MudTable<ExamRoomListItem>? _table;
    private HashSet<ExamRoomListItem> _selected = [];
    private IReadOnlyDictionary<ExamRoomStatus, int> _counts = new Dictionary<ExamRoomStatus, int>();
    private ExamRoomFilterOptions _options = new([], [], []);
    private ExamRoomStatus? _status;
    private int? _planId;
    private int? _siteId;
    private int? _certificateId;
    private string? _name;

    [Inject]
    private ExamRoomService Rooms { get; set; } = default!;

    [Inject]
    private ExamRoomImportService RoomImports { get; set; } = default!;

    private ExamRoomFilter Filter => new(_planId, _siteId, _certificateId, _name, _status);

    protected override async Task OnInitializedAsync() => _options = await Rooms.FilterOptionsAsync(CancellationToken.None);

    private async Task<TableData<ExamRoomListItem>> LoadAsync(TableState state, CancellationToken ct)
    {
        _selected = [];
        _counts = await Rooms.CountsAsync(Filter, ct);
        StateHasChanged(); // the status tabs live outside the table
        return _rows.Accept(await Rooms.ListAsync(Filter, PagedRows<ExamRoomListItem>.ToRequest(state), ct));
    }

    private async Task ReloadAsync()
    {
        _options = await Rooms.FilterOptionsAsync(CancellationToken.None);
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    private Task ResetAsync()
    {
        (_planId, _siteId, _certificateId, _name, _status) = (null, null, null, null, null);
        return ReloadAsync();
    }

    private Task StatusChangedAsync(ExamRoomStatus? status)
    {
        _status = status;
        return ReloadAsync();
    }

    private Task<IReadOnlyList<ExamRoomListItem>> ExportRowsAsync(CancellationToken ct) => Rooms.ExportRowsAsync(Filter, [], ct);

    private async Task CreateAsync()
    {
        var input = await ExamRoomEditDialog.ShowAsync(Dialogs, null);
        if (input is not null && await TryAsync(() => Rooms.CreateAsync(input, CancellationToken.None), "设置考场成功"))
        {
            await ReloadAsync();
        }
    }

    private async Task EditAsync(ExamRoomListItem item)
    {
        var input = await ExamRoomEditDialog.ShowAsync(Dialogs, item);
        if (input is not null && await TryAsync(() => item.CanEdit
                ? Rooms.UpdateAsync(item.Id, input with { Version = item.Version }, CancellationToken.None)
                : Rooms.RaiseSeatCountAsync(item.Id, input.SeatCount, item.Version, CancellationToken.None), "保存成功"))
        {
            await ReloadAsync();
        }
    }

    private Task<IDialogReference> ViewAsync(ExamRoomListItem item) =>
        Dialogs.ShowAsync<ExamRoomDetailDialog>("查看考场", new DialogParameters<ExamRoomDetailDialog> { { d => d.RoomId, item.Id } }, DialogOptions());

    private async Task DeleteAsync(ExamRoomListItem item)
    {
        if (await ConfirmDialog.AskAsync(Dialogs, "删除", $"确定删除考场“{item.Name}”吗？")
            && await TryAsync(() => Rooms.DeleteAsync(item.Id, CancellationToken.None), "删除成功"))
        {
            await ReloadAsync();
        }
    }

    private async Task CopyAsync()
    {
        var choice = await ExamRoomCopyDialog.ShowAsync(Dialogs);
        ExamRoomCopyResult? result = null;
        if (choice is { } c && await TryAsync(async () => result = await Rooms.CopyFromPlanAsync(c.Source, c.Target, CancellationToken.None)))
        {
            Snackbar.Add(result!.Summary, result.Skipped.Count == 0 ? Severity.Success : Severity.Warning);
            await ReloadAsync();
        }
    }

    private async Task ImportAsync()
    {
        var parameters = new DialogParameters<ImportDialog>
        {
            { d => d.Title, "批量导入考场信息" },
            { d => d.TemplateUrl, ExamRoomFileEndpoints.TemplateUrl },
            { d => d.Hint, "请下载模板，按“填写说明”填写考场信息后上传（.xlsx）。校验通过的行将导入，未通过的行可下载查看失败原因。" },
            { d => d.Import, (Func<Stream, string, IProgress<int>, CancellationToken, Task<ImportDialogResult>>)(async (file, name, progress, ct) =>
                ToDialog(await RoomImports.ImportAsync(file, name, progress, ct))) },
        };
        await (await Dialogs.ShowAsync<ImportDialog>("批量导入考场信息", parameters, DialogOptions())).Result;
        await ReloadAsync();
    }

    private static ImportDialogResult ToDialog(ExamRoomImportResult result) =>
        new(result.Succeeded, result.Failed, [.. result.Errors.Select(e => $"第{e.RowNumber}行：{e.Reason}")], [],
            result.FailedRowsPath is null ? null : CandidateFileEndpoints.FailedRowsUrl(result.ImportRecordId));
}
