using CertHub.Core.Catalog;
using CertHub.Core.Issuance;
using CertHub.Web.Components.Shared;
using CertHub.Web.Documents.Excel;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Issuance;

/// <summary>获取待发证记录: reads the choices and the preview; the page generates with the returned criteria.</summary>
public partial class IssuanceGenerateDialog
{
    private IReadOnlyList<int> _years = [];
    private IReadOnlyList<IssuanceOption> _plans = [];
    private IReadOnlyList<IssuanceOption> _certificates = [];
    private int? _year;
    private int? _planId;
    private int? _certificateId;
    private CertificateLevel? _level;
    private IssuanceOption? _school;
    private GenerationPreview? _preview;

    [CascadingParameter]
    private IMudDialogInstance? Dialog { get; set; }

    private IReadOnlyList<CertificateLevel> Levels =>
        _certificates.FirstOrDefault(c => c.Id == _certificateId)?.Levels ?? [];

    private GenerationCriteria? Criteria =>
        _year is { } year && _planId is { } plan && _certificateId is { } certificate && _level is { } level
            ? new GenerationCriteria(year, plan, certificate, level, _school?.Id)
            : null;

    protected override async Task OnInitializedAsync()
    {
        _years = await Issuance.YearsAsync(CancellationToken.None);
        if (_years.Count > 0)
        {
            await YearChangedAsync(_years.Max());
        }
    }

    private async Task YearChangedAsync(int? year)
    {
        (_year, _planId, _certificateId, _level, _certificates) = (year, null, null, null, []);
        _plans = year is null ? [] : await Issuance.PlansAsync(year, CancellationToken.None);
        if (_plans.Count == 1)
        {
            await PlanChangedAsync(_plans[0].Id);
            return;
        }

        await PreviewAsync();
    }

    private async Task PlanChangedAsync(int? planId)
    {
        (_planId, _certificateId, _level) = (planId, null, null);
        _certificates = planId is null ? [] : await Issuance.CertificatesAsync(planId, CancellationToken.None);
        if (_certificates.Count == 1)
        {
            await CertificateChangedAsync(_certificates[0].Id);
            return;
        }

        await PreviewAsync();
    }

    private Task CertificateChangedAsync(int? certificateId)
    {
        _certificateId = certificateId;
        _level = Levels.Count == 1 ? Levels[0] : null;
        return PreviewAsync();
    }

    private Task LevelChangedAsync(CertificateLevel? level)
    {
        _level = level;
        return PreviewAsync();
    }

    private Task SchoolChangedAsync(IssuanceOption? school)
    {
        _school = school;
        return PreviewAsync();
    }

    private async Task PreviewAsync() =>
        _preview = Criteria is { } criteria ? await Issuance.PreviewGenerationAsync(criteria, CancellationToken.None) : null;

    private async Task DownloadEligibleAsync()
    {
        await using var stream = await XlsxExporter.ExportAsync(_preview?.Eligible ?? [], IssuanceText.EligibleColumns, "可发证名单");
        await FileDownloads.SaveAsync(JS, FileDownloads.Stamped("可发证名单", "xlsx"), stream);
    }

    private async Task DownloadIneligibleAsync()
    {
        await using var stream = await XlsxExporter.ExportAsync(_preview?.Ineligible ?? [], IssuanceText.IneligibleColumns, "不可发证名单");
        await FileDownloads.SaveAsync(JS, FileDownloads.Stamped("不可发证名单", "xlsx"), stream);
    }

    private void Confirm()
    {
        if (Criteria is { } criteria)
        {
            Dialog?.Close(DialogResult.Ok(criteria));
        }
    }

    private void Cancel() => Dialog?.Cancel();
}
