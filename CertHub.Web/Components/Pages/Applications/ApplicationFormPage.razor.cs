using CertHub.Core.Applications;
using CertHub.Core.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Applications;

/// <summary>申报证书试点 (new, under a plan in 进行中) and 编辑 (未提交/审核退回): 保存, 保存并提交, 取消.</summary>
public partial class ApplicationFormPage
{
    private readonly List<ApplicationMajorRow> _majors = [];
    private long? _version;
    private IReadOnlyList<CertificateLevelOption> _certificates = [];
    private IReadOnlyList<ApplicationMajorOption> _majorOptions = [];
    private CertificateLevelOption? _certificate;
    private bool _loading = true;
    private bool _busy;
    private string? _error;
    private int _year;
    private string _batchName = "";
    private bool _byMajor;
    private int _total;
    private string? _faculty;
    private string? _venue;

    [Inject]
    private PilotApplicationService Applications { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Parameter]
    public int? Id { get; set; }

    [SupplyParameterFromQuery(Name = "planId")]
    public int? PlanId { get; set; }

    private int Total => _majors.Count > 0 ? _majors.Sum(m => m.RequestedTrainees) : _total;

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        if (Id is int id)
        {
            await LoadExistingAsync(id);
        }
        else if (PlanId is int planId && await Applications.FormPlanAsync(planId, CancellationToken.None) is { } form)
        {
            (_year, _batchName, _byMajor, _certificates) = (form.Plan.Year, form.Plan.BatchName, form.Plan.RequiresByMajor, form.Certificates);
            _error = form.Plan.CanApply ? null : $"申报计划{form.Plan.Status.ToDisplayName()}，不能申报";
        }
        else
        {
            _error = "申报计划不存在";
        }

        _loading = false;
    }

    private async Task LoadExistingAsync(int id)
    {
        var detail = await Applications.GetAsync(id, CancellationToken.None);
        if (detail is null || !detail.Item.CanEdit)
        {
            _error = detail is null ? PilotApplicationService.NotFound : $"申报状态为“{detail.Item.Status.ToDisplayName()}”，不能编辑";
            return;
        }

        var item = detail.Item;
        (_year, _batchName, _byMajor, _total, _faculty, _venue) = (item.Year, item.BatchName, item.RequiresByMajor, item.RequestedTotal, detail.FacultyHtml, detail.VenueHtml);
        _certificate = new CertificateLevelOption(detail.CertificateId, item.Level, item.CertificateName, item.OrganizationName);
        _majors.Clear();
        _majors.AddRange(detail.Majors);
        _version = detail.Version;
        _majorOptions = await Applications.MajorOptionsAsync(detail.CertificateId, CancellationToken.None);
    }

    private Task<IEnumerable<CertificateLevelOption>> SearchCertificates(string? text, CancellationToken ct) =>
        Task.FromResult(string.IsNullOrWhiteSpace(text)
            ? _certificates
            : _certificates.Where(c => c.Text.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)));

    private async Task CertificateChangedAsync(CertificateLevelOption? option)
    {
        _certificate = option;
        _majors.Clear();
        _majorOptions = option is null ? [] : await Applications.MajorOptionsAsync(option.CertificateId, CancellationToken.None);
    }

    private async Task SaveAsync(bool submit)
    {
        if (_certificate is null)
        {
            Snackbar.Add("请选择试点证书", Severity.Error);
            return;
        }

        _busy = true;
        var input = new ApplicationInput(_certificate.CertificateId, _certificate.Level, Total,
            [.. _majors.Select(m => new PilotApplicationMajorInput(m.MajorId, m.StudentCount, m.TeacherCount, m.RequestedTrainees))], _faculty, _venue)
        {
            Version = _version,
        };
        var saved = await TryAsync(() => Id is int id
            ? Applications.UpdateAsync(id, input, submit, CancellationToken.None)
            : Applications.CreateAsync(PlanId!.Value, input, submit, CancellationToken.None), submit ? "提交成功" : "保存成功");
        _busy = false;
        if (saved)
        {
            Navigation.NavigateTo("/applications");
        }
    }
}
