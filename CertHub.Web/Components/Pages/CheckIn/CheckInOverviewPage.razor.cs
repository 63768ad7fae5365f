using CertHub.Core.CheckIn;
using CertHub.Core.Common;
using Microsoft.AspNetCore.Components;

namespace CertHub.Web.Components.Pages.CheckIn;

/// <summary>
/// 签到总览 of the site's dashboard: for a plan and exam time (default: the one running now or next), every room the user may see
/// with 应到/已签到/未签到/缺考/迟到 and a progress bar, totals on top, live on every check-in, closing or correction.
/// </summary>
public sealed partial class CheckInOverviewPage
{
    private CheckInOverview? _overview;
    private int? _planId;
    private DateTimeOffset? _startUtc;

    [Inject]
    private CheckInService CheckIns { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        await TryAsync(async () => _overview = await CheckIns.OverviewAsync(_planId, _startUtc, CancellationToken.None));
        (_planId, _startUtc) = (_overview?.Slot?.ExamPlanId, _overview?.Slot?.StartUtc);
    }

    private async Task SelectPlanAsync(int planId)
    {
        (_planId, _startUtc) = (planId, null);
        await LoadAsync();
    }

    private async Task SelectTimeAsync(DateTimeOffset startUtc)
    {
        _startUtc = startUtc;
        await LoadAsync();
    }

    private Task OnChangedAsync(ChangeNotice notice) => LoadAsync();
}
