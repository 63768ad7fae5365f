using System.Globalization;
using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Dashboard;

/// <summary>数据看板: issuance progress in the user's scope, refreshed live when any record changes.</summary>
public sealed partial class DashboardPage
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private IssuanceDashboardSnapshot? _snapshot;
    private List<ChartSeries<double>> _statusSeries = [];
    private string[] _statusLabels = [];
    private List<ChartSeries<double>> _throughputSeries = [];
    private string[] _throughputLabels = [];
    private readonly CoalescingRefresh _live;
    private readonly PeriodicTimer _clock = new(TimeSpan.FromSeconds(30));

    public DashboardPage() => _live = new CoalescingRefresh(LoadAsync, TimeSpan.FromSeconds(2));

    [Inject]
    private IIssuanceDashboard Dashboard { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    /// <summary>The throughput window moves on even when nothing changes: refresh every 30 s while the page is open.</summary>
    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _ = TickAsync();
        }
    }

    private async Task TickAsync()
    {
        try
        {
            while (await _clock.WaitForNextTickAsync())
            {
                await InvokeAsync(async () =>
                {
                    await _live.RequestAsync();
                    StateHasChanged();
                });
            }
        }
        catch (ObjectDisposedException)
        {
            // The circuit ended while refreshing.
        }
    }

    public void Dispose() => _clock.Dispose();

    private async Task LoadAsync()
    {
        var snapshot = await Dashboard.GetAsync(CancellationToken.None);
        var statuses = Enum.GetValues<IssuanceStatus>();
        _statusLabels = [.. statuses.Select(s => s.ToDisplayName())];
        _statusSeries = [new ChartSeries<double> { Name = "发证记录", Data = new ChartData<double>([.. statuses.Select(s => (double)snapshot.Totals.GetValueOrDefault(s))]) }];
        _throughputLabels = [.. snapshot.Throughput.Select(p => p.MinuteUtc.ToChina().ToString("HH:mm", Invariant))];
        _throughputSeries = [new ChartSeries<double> { Name = "完成发放", Data = new ChartData<double>([.. snapshot.Throughput.Select(p => (double)p.Completed)]) }];
        _snapshot = snapshot;
    }

    private string Count(IssuanceStatus status) => (_snapshot?.Totals.GetValueOrDefault(status) ?? 0).ToString(Invariant);
}
