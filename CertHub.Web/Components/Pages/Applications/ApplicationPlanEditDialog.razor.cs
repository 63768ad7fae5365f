using CertHub.Core.Applications;
using CertHub.Core.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Applications;

public partial class ApplicationPlanEditDialog
{
    private IReadOnlyList<CertificateLevelOption> _options = [];
    private long? _version;
    private int _year = DateTime.Today.Year;
    private int _batch = 1;
    private string? _title;
    private DateTime? _start = DateTime.Today;
    private DateTime? _end = DateTime.Today.AddDays(30);
    private bool _byMajor;
    private bool _city;
    private OpenScope _scope = OpenScope.All;
    private IReadOnlyCollection<CertificateLevelKey> _open = [];

    [CascadingParameter]
    private IMudDialogInstance? Dialog { get; set; }

    [Inject]
    private ApplicationPlanService Plans { get; set; } = default!;

    [Parameter]
    public int? PlanId { get; set; }

    public static async Task<ApplicationPlanInput?> ShowAsync(IDialogService dialogs, int? planId)
    {
        var dialog = await dialogs.ShowAsync<ApplicationPlanEditDialog>(planId is null ? "新增申报计划" : "编辑申报计划",
            new DialogParameters<ApplicationPlanEditDialog> { { d => d.PlanId, planId } }, DialogOptions());
        var result = await dialog.Result;
        return result is { Canceled: false, Data: ApplicationPlanInput input } ? input : null;
    }

    protected override async Task OnInitializedAsync()
    {
        _options = await Plans.CertificateOptionsAsync(CancellationToken.None);
        if (PlanId is int id && await Plans.GetAsync(id, CancellationToken.None) is { } detail)
        {
            var plan = detail.Plan;
            (_year, _batch, _title, _byMajor, _city, _scope) = (plan.Year, plan.Batch, plan.Title, plan.RequiresByMajor, plan.RequiresCityApproval, plan.OpenScope);
            _start = plan.StartUtc.ToChina().Date;
            _end = plan.EndUtc.ToChina().AddDays(-1).Date;
            _open = detail.OpenCertificates;
            _version = detail.Version;
        }
        else
        {
            _title = $"{_year}年1+X证书试点申报";
        }
    }

    private string TextOf(CertificateLevelKey? key) =>
        key is null ? "" : _options.FirstOrDefault(o => o.Key == key)?.Text ?? $"#{key.CertificateId}";

    private void Save()
    {
        if (_start is null || _end is null)
        {
            Snackbar.Add("请选择申报时间", Severity.Error);
            return;
        }

        var input = new ApplicationPlanInput(_year, _batch, _title ?? "",
            ChinaMidnight(_start.Value), ChinaMidnight(_end.Value.AddDays(1)), _byMajor, _city, _scope, [.. _open])
        {
            Version = _version,
        };
        Dialog?.Close(DialogResult.Ok(input));
    }

    private static DateTimeOffset ChinaMidnight(DateTime date) => new DateTimeOffset(date.Date, ChinaTime.Offset).ToUniversalTime();
}
