using CertHub.Core.CheckIn;
using CertHub.Core.Common;
using CertHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.CheckIn;

/// <summary>
/// 考场签到名单 of a room session (the 门贴 QR opens it): 应到/已签到/迟到/未签到/缺考, live on every open page; 关闭签到 after
/// the start plus the grace period (absentees become 缺考); the organisation's 缺考更正 with a reason.
/// </summary>
public sealed partial class CheckInRosterPage
{
    private RosterView? _roster;
    private bool _loading = true;

    [Inject]
    private CheckInService CheckIns { get; set; } = default!;

    [Parameter]
    public int RoomSessionId { get; set; }

    private string ClosableText => _roster?.ClosableFromUtc.ToChinaDateTimeText() ?? "";

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        _loading = false;
    }

    private async Task LoadAsync() =>
        await TryAsync(async () => _roster = await CheckIns.RosterAsync(RoomSessionId, CancellationToken.None));

    private async Task OnChangedAsync(ChangeNotice notice) => await LoadAsync();

    private async Task CloseAsync()
    {
        if (_roster is null || !await ConfirmDialog.AskAsync(Dialogs, "关闭签到",
                $"确定关闭签到吗？关闭后不能再签到，{_roster.Counts.NotCheckedIn}名未签到考生将记为缺考。"))
        {
            return;
        }

        if (await TryAsync(() => CheckIns.CloseAsync(RoomSessionId, CancellationToken.None), "签到已关闭"))
        {
            await LoadAsync();
        }
    }

    private async Task CorrectAsync(RosterRow row)
    {
        var reason = await AbsenceCorrectionDialog.AskAsync(Dialogs, row.CandidateName);
        if (reason is null)
        {
            return;
        }

        if (await TryAsync(() => CheckIns.CorrectAbsenceAsync(RoomSessionId, row.RegistrationId, reason, CancellationToken.None), "缺考已更正"))
        {
            await LoadAsync();
        }
    }

    private static Color StatusColor(RosterRow row) => row switch
    {
        { IsLate: true } => Color.Warning,
        { Status: AttendanceStatus.CheckedIn } => Color.Success,
        { Status: AttendanceStatus.Absent } => Color.Error,
        _ => Color.Default,
    };
}
