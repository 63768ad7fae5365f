using CertHub.Core.Common;
using CertHub.Core.Reports;
using CertHub.Web.Components.Pages.Reports.Components;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Reports;

/// <summary>6.1 提交周报 / 编辑: the form for a new report of the current period or an editable one (未提交 / 审核退回).</summary>
public partial class WeeklyReportEditPage
{
    private static readonly List<BreadcrumbItem> Crumbs = [new("周报管理", null, true), new("提交周报", "/reports/weekly")];

    private WeeklyReportHeader? _header;
    private WeeklyReportInput? _initial;
    private long? _version;
    private string? _scanName;
    private string? _returnOpinion;
    private bool _notFound;

    [Inject]
    private WeeklyReportService Reports { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Parameter]
    public int? Id { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (Id is null)
        {
            try
            {
                _header = await Reports.NewReportHeaderAsync(CancellationToken.None);
            }
            catch (DomainRuleException ex)
            {
                Snackbar.Add(ex.Message, Severity.Warning);
                Back();
            }

            return;
        }

        var detail = await Reports.GetAsync(Id.Value, CancellationToken.None);
        if (detail is null || !detail.CanEdit)
        {
            _notFound = true;
            return;
        }

        (_header, _scanName, _returnOpinion) = (detail.Header, detail.ScanFileName, detail.ReturnOpinion);
        _initial = new WeeklyReportInput(detail.WorkProgressHtml, detail.DifficultiesHtml, detail.PolicySuggestionsHtml);
        _version = detail.Version;
    }

    private Task<string?> DraftAsync() => Reports.DraftWorkProgressAsync(_header!.Period, CancellationToken.None)!;

    private async Task SaveAsync(WeeklyReportFormResult result)
    {
        if (await TryAsync(() => Reports.SaveAsync(Id ?? 0, result.Input with { Version = _version }, result.Scan, result.Submit, CancellationToken.None),
                result.Submit ? "提交成功" : "保存成功"))
        {
            Back();
        }
    }

    private void Back() => Navigation.NavigateTo("/reports/weekly");
}
