using CertHub.Core.Common;
using CertHub.Core.Statistics;
using CertHub.Web.Documents.Excel;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Statistics;

/// <summary>
/// 7.1 证书通过率统计: tabs 按证书统计 / 按证书等级统计, filters (通过率排序, 筛选机构, 证书名称, 年度), the table, the charts and
/// 导出 behind an SMS code (the service refuses without a valid one).
/// </summary>
public partial class PassRatePage
{
    private PassRateReport? _report;
    private PassRateFilter _filter = new();
    private PassRateFilterOptions _options = new([], []);
    private int _tab;

    [Inject]
    private PassRateStatisticsService Statistics { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private bool ByLevel => _tab == 1;

    private PassRateGrouping Grouping => ByLevel ? PassRateGrouping.ByLevel : PassRateGrouping.ByCertificate;

    private PassRateOption? Organization => _options.Organizations.FirstOrDefault(o => o.Id == _filter.OrganizationId);

    private PassRateOption? Certificate => _options.Certificates.FirstOrDefault(c => c.Id == _filter.CertificateId);

    protected override async Task OnInitializedAsync()
    {
        await TryAsync(async () => _options = await Statistics.FilterOptionsAsync(CancellationToken.None));
        await LoadAsync();
    }

    private async Task LoadAsync() => await TryAsync(async () => _report = await Statistics.GetAsync(Grouping, _filter, CancellationToken.None));

    private Task ResetAsync()
    {
        _filter = new PassRateFilter();
        return LoadAsync();
    }

    private Task TabChangedAsync(int tab)
    {
        _tab = tab;
        return LoadAsync();
    }

    private Task SortChangedAsync(bool descending)
    {
        _filter = _filter with { Descending = descending };
        return LoadAsync();
    }

    private void OrganizationChanged(PassRateOption? organization) =>
        _filter = _filter with
        {
            OrganizationId = organization?.Id,
            CertificateId = organization is null || Certificate?.OrganizationId == organization.Id ? _filter.CertificateId : null,
        };

    private void CertificateChanged(PassRateOption? certificate) => _filter = _filter with { CertificateId = certificate?.Id };

    private Task<IEnumerable<PassRateOption>> SearchOrganizations(string? text, CancellationToken ct) =>
        Task.FromResult(Matching(_options.Organizations, text));

    private Task<IEnumerable<PassRateOption>> SearchCertificates(string? text, CancellationToken ct) =>
        Task.FromResult(Matching(_options.Certificates.Where(c => _filter.OrganizationId is null || c.OrganizationId == _filter.OrganizationId), text));

    private static IEnumerable<PassRateOption> Matching(IEnumerable<PassRateOption> options, string? text) =>
        string.IsNullOrWhiteSpace(text) ? options : options.Where(o => o.Name.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase));

    private async Task OpenExportAsync()
    {
        ExportVerification? verification = null;
        if (!await TryAsync(async () => verification = await Statistics.GetExportVerificationAsync(CancellationToken.None)) || verification is null)
        {
            return;
        }

        var grouping = Grouping;
        var filter = _filter;
        var parameters = new DialogParameters<PassRateExportDialog>
        {
            { d => d.Title, grouping.ToDisplayName() },
            { d => d.RowCount, _report?.Rows.Count ?? 0 },
            { d => d.Verification, verification },
            { d => d.SendCode, () => TryAsync(() => Statistics.SendExportCodeAsync(CancellationToken.None), "验证码已发送") },
            { d => d.Export, code => TryAsync(() => ExportAsync(grouping, filter, code)) },
        };
        await Dialogs.ShowAsync<PassRateExportDialog>(grouping.ToDisplayName(), parameters, DialogOptions(MaxWidth.Small));
    }

    private async Task ExportAsync(PassRateGrouping grouping, PassRateFilter filter, string code)
    {
        var report = await Statistics.ExportAsync(grouping, filter, code, CancellationToken.None);
        await using var stream = await PassRateSheet.ExportAsync(grouping, report.Rows, CancellationToken.None);
        await Shared.FileDownloads.SaveAsync(JS, Shared.FileDownloads.Stamped(grouping.ToDisplayName(), "xlsx"), stream);
    }
}
