using CertHub.Core.Common;
using CertHub.Core.Exams;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.ExamRooms;

public partial class ExamRoomEditDialog
{
    private readonly HashSet<int> _subjectIds = [];
    private IReadOnlyList<ExamRoomOption> _plans = [];
    private IReadOnlyList<ExamRoomSiteOption> _sites = [];
    private IReadOnlyList<ExamRoomCertificateOption> _certificates = [];
    private IReadOnlyList<ExamRoomSubjectOption> _subjects = [];
    private int? _planId;
    private int? _siteId;
    private ExamRoomCertificateOption? _certificate;
    private string? _name;
    private string? _address;
    private int _seats = 30;

    [CascadingParameter]
    private IMudDialogInstance? Dialog { get; set; }

    [Inject]
    private ExamRoomService Rooms { get; set; } = default!;

    /// <summary>The room being edited; null for 设置考场.</summary>
    [Parameter]
    public ExamRoomListItem? Room { get; set; }

    private bool IsExisting => Room is not null;

    /// <summary>排考中: only 考位数 may be raised (the entity's table decides).</summary>
    private bool SeatsOnly => Room is { CanEdit: false };

    private string Title => Room is null ? "设置考场" : SeatsOnly ? "增加考位数" : "编辑考场";

    private IReadOnlyList<RoomType> RoomTypes => [.. _subjects.Where(s => _subjectIds.Contains(s.Id)).Select(s => s.RoomType).Distinct()];

    private string RoomTypeText => string.Join("、", RoomTypes.Select(t => t.ToDisplayName()));

    /// <summary>Shows the dialog; returns what the school entered (null when cancelled).</summary>
    public static async Task<ExamRoomInput?> ShowAsync(IDialogService dialogs, ExamRoomListItem? room)
    {
        var title = room is null ? "设置考场" : "编辑考场";
        var dialog = await dialogs.ShowAsync<ExamRoomEditDialog>(title, new DialogParameters<ExamRoomEditDialog> { { d => d.Room, room } }, DialogOptions());
        var result = await dialog.Result;
        return result is { Canceled: false, Data: ExamRoomInput input } ? input : null;
    }

    protected override async Task OnInitializedAsync()
    {
        if (Room is null)
        {
            _plans = await Rooms.PlanOptionsAsync(CancellationToken.None);
            return;
        }

        _plans = [new ExamRoomOption(Room.ExamPlanId, Room.PlanName)];
        _sites = [new ExamRoomSiteOption(Room.ExamSiteId, Room.SiteName, false)];
        _certificate = new ExamRoomCertificateOption(Room.CertificateId, Room.CertificateName, Room.Level);
        _certificates = [_certificate];
        (_planId, _siteId, _name, _address, _seats) = (Room.ExamPlanId, Room.ExamSiteId, Room.Name, Room.Address, Room.SeatCount);
        _subjects = await Rooms.SubjectOptionsAsync(Room.ExamPlanId, Room.CertificateId, Room.Level, CancellationToken.None);
        _subjectIds.UnionWith(Room.Subjects.Select(s => s.Id));
    }

    private async Task PlanChangedAsync(int? planId)
    {
        (_planId, _siteId, _certificate, _sites, _certificates, _subjects) = (planId, null, null, [], [], []);
        _subjectIds.Clear();
        if (planId is int id)
        {
            await TryAsync(async () => _sites = await Rooms.SiteOptionsAsync(id, CancellationToken.None));
        }
    }

    private async Task SiteChangedAsync(int? siteId)
    {
        (_siteId, _certificate, _certificates, _subjects) = (siteId, null, [], []);
        _subjectIds.Clear();
        if (_planId is int planId && siteId is int id)
        {
            await TryAsync(async () => _certificates = await Rooms.CertificateOptionsAsync(planId, id, CancellationToken.None));
            if (_certificates.Count == 1)
            {
                await CertificateChangedAsync(_certificates[0]);
            }
        }
    }

    private async Task CertificateChangedAsync(ExamRoomCertificateOption? option)
    {
        (_certificate, _subjects) = (option, []);
        _subjectIds.Clear();
        if (_planId is int planId && option is not null)
        {
            _subjects = await Rooms.SubjectOptionsAsync(planId, option.CertificateId, option.Level, CancellationToken.None);
        }
    }

    private void Toggle(int subjectId, bool on)
    {
        if (on)
        {
            _subjectIds.Add(subjectId);
        }
        else
        {
            _subjectIds.Remove(subjectId);
        }
    }

    private void Save()
    {
        if (_planId is null || _siteId is null || _certificate is null)
        {
            Snackbar.Add("请选择考试计划、考核站点和考试证书", Severity.Error);
            return;
        }

        Dialog?.Close(DialogResult.Ok(new ExamRoomInput(_planId.Value, _siteId.Value, _certificate.Level, [.. _subjectIds.Order()], _name ?? "", _address ?? "", _seats)));
    }
}
