using System.Globalization;
using CertHub.Core.Common;
using CertHub.Core.Issuance;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Dashboard;

/// <summary>数据看板: issuance progress in the user's scope, refreshed live when any record changes.</summary>
public partial class DashboardPage
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private IssuanceDashboardSnapshot? _snapshot;
    private List<ChartSeries<double>> _statusSeries = [];
    private string[] _statusLabels = [];
    private List<ChartSeries<double>> _throughputSeries = [];
    private string[] _throughputLabels = [];

    [Inject]
    private IIssuanceDashboard Dashboard { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

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
