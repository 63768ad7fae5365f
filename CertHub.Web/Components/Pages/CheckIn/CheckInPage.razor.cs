using CertHub.Core.CheckIn;
using CertHub.Core.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace CertHub.Web.Components.Pages.CheckIn;

/// <summary>
/// /checkin on a phone: choose the room session (or come from the roster/门贴 with ?session=), scan the 准考证 QR with the
/// camera (BarcodeDetector, only where the browser has it) or type the 准考证号, check the photo, name and seat, 确认签到.
/// </summary>
public sealed partial class CheckInPage
{
    private IReadOnlyList<CheckInSessionItem> _sessions = [];
    private CheckInSessionItem? _session;
    private int? _sessionId;
    private string? _code;
    private string? _error;
    private CheckInCandidate? _candidate;
    private bool _loading = true;
    private bool _busy;
    private bool _cameraSupported;
    private bool _scanning;
    private ElementReference _video;
    private IJSObjectReference? _scanner;
    private DotNetObjectReference<CheckInPage>? _self;

    [Inject]
    private CheckInService CheckIns { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "session")]
    public int? SessionFromQuery { get; set; }

    protected override async Task OnInitializedAsync()
    {
        await TryAsync(async () => _sessions = await CheckIns.SessionsAsync(CancellationToken.None));
        _loading = false;
        _sessionId = SessionFromQuery is { } id && _sessions.Any(s => s.RoomSessionId == id) ? id : _sessions.Count == 1 ? _sessions[0].RoomSessionId : null;
        _session = _sessions.FirstOrDefault(s => s.RoomSessionId == _sessionId);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        try
        {
            _scanner = await Js.InvokeAsync<IJSObjectReference>("import", "./js/checkin-scanner.js");
            _cameraSupported = _scanner is not null && await _scanner.InvokeAsync<bool>("isSupported");
        }
        catch (JSException)
        {
            _cameraSupported = false;
        }

        if (_cameraSupported)
        {
            StateHasChanged();
        }
    }

    private async Task SelectSessionAsync(int? id)
    {
        await StopCameraAsync();
        _sessionId = id;
        _session = _sessions.FirstOrDefault(s => s.RoomSessionId == id);
        (_candidate, _error, _code) = (null, null, null);
    }

    private async Task OnKeyUpAsync(KeyboardEventArgs e)
    {
        if (e.Key is "Enter")
        {
            await FindAsync();
        }
    }

    private async Task FindAsync()
    {
        if (_sessionId is not { } id)
        {
            return;
        }

        await RunAsync(async () => _candidate = await CheckIns.FindAsync(id, _code ?? "", CancellationToken.None));
    }

    private async Task ConfirmAsync()
    {
        if (_sessionId is not { } id)
        {
            return;
        }

        if (await RunAsync(async () => _candidate = await CheckIns.CheckInAsync(id, _code ?? "", CancellationToken.None)))
        {
            Snackbar.Add($"{_candidate!.CandidateName} 签到成功", MudBlazor.Severity.Success);
            _code = null;
            await ReloadSessionsAsync();
        }
    }

    /// <summary>Runs a lookup or check-in; a refusal is shown in the page (and the candidate card cleared).</summary>
    private async Task<bool> RunAsync(Func<Task> action)
    {
        _busy = true;
        _error = null;
        try
        {
            await action();
            return true;
        }
        catch (DomainRuleException ex)
        {
            (_error, _candidate) = (ex.Message, null);
            return false;
        }
        finally
        {
            _busy = false;
        }
    }

    [JSInvokable]
    public async Task OnScanned(string text)
    {
        _scanning = false;
        _code = text;
        await FindAsync();
        StateHasChanged();
    }

    private async Task ToggleCameraAsync()
    {
        if (_scanning)
        {
            await StopCameraAsync();
            return;
        }

        if (_scanner is null)
        {
            return;
        }

        _self ??= DotNetObjectReference.Create(this);
        _scanning = true;
        try
        {
            await _scanner.InvokeVoidAsync("start", _video, _self);
        }
        catch (JSException)
        {
            _scanning = false;
            _error = "无法打开摄像头，请输入准考证号签到";
        }
    }

    private async Task StopCameraAsync()
    {
        if (_scanning && _scanner is not null)
        {
            _scanning = false;
            await _scanner.InvokeVoidAsync("stop", _video);
        }
    }

    private async Task OnChangedAsync(ChangeNotice notice) => await ReloadSessionsAsync();

    private async Task ReloadSessionsAsync()
    {
        _sessions = await CheckIns.SessionsAsync(CancellationToken.None);
        _session = _sessions.FirstOrDefault(s => s.RoomSessionId == _sessionId);
    }

    private static string PhotoUrl(byte[] photo) =>
        (photo is [0xFF, 0xD8, ..] ? "data:image/jpeg;base64," : "data:image/png;base64,") + Convert.ToBase64String(photo);

    private static string StatusText(CheckInCandidate c) => c.Status switch
    {
        AttendanceStatus.CheckedIn when c.CheckedInUtc is { } at => $"{(c.IsLate ? "迟到" : "已签到")}　{at.ToChinaDateTimeText()}",
        _ => c.Status.ToDisplayName(),
    };

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopCameraAsync();
            if (_scanner is not null)
            {
                await _scanner.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // the circuit is gone: nothing to stop
        }

        _self?.Dispose();
    }
}
