using CertHub.Core.Catalog;
using CertHub.Core.ExamSites;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.ExamSites;

public partial class ExamSiteEditDialog
{
    private readonly HashSet<CertificateLevel> _levels = [];
    private IReadOnlyList<SiteCertificateOption> _options = [];
    private long? _version;
    private int? _certificateId;
    private string? _name;
    private string? _address;
    private int _seats = 30;
    private string? _equipment;
    private string? _contactName;
    private string? _contactPhone;

    [CascadingParameter]
    private IMudDialogInstance? Dialog { get; set; }

    [Inject]
    private ExamSiteService Sites { get; set; } = default!;

    [Parameter]
    public int? SiteId { get; set; }

    private IReadOnlyList<CertificateLevel> Levels => _options.FirstOrDefault(o => o.CertificateId == _certificateId)?.Levels ?? [];

    public static async Task<ExamSiteInput?> ShowAsync(IDialogService dialogs, int? siteId)
    {
        var dialog = await dialogs.ShowAsync<ExamSiteEditDialog>(siteId is null ? "申报考核站点" : "编辑考核站点",
            new DialogParameters<ExamSiteEditDialog> { { d => d.SiteId, siteId } }, DialogOptions());
        var result = await dialog.Result;
        return result is { Canceled: false, Data: ExamSiteInput input } ? input : null;
    }

    protected override async Task OnInitializedAsync()
    {
        _options = await Sites.CertificateOptionsAsync(CancellationToken.None);
        if (SiteId is int id && await Sites.GetAsync(id, CancellationToken.None) is { } detail)
        {
            var site = detail.Site;
            (_certificateId, _name, _address, _seats, _equipment, _contactName, _contactPhone) =
                (detail.CertificateId, site.Name, site.Address, site.SeatCount, detail.Equipment, site.ContactName, site.ContactPhone);
            _levels.UnionWith(site.Levels);
            _version = detail.Version;
        }
    }

    private Task CertificateChangedAsync(int? certificateId)
    {
        _certificateId = certificateId;
        _levels.Clear();
        return PreviewAsync();
    }

    private Task ToggleAsync(CertificateLevel level, bool on)
    {
        if (on)
        {
            _levels.Add(level);
        }
        else
        {
            _levels.Remove(level);
        }

        return PreviewAsync();
    }

    private async Task PreviewAsync() =>
        _name = _certificateId is int id ? await Sites.PreviewNameAsync(id, [.. _levels], CancellationToken.None) : null;

    private void Save()
    {
        if (_certificateId is null)
        {
            Snackbar.Add("请选择考核证书", Severity.Error);
            return;
        }

        Dialog?.Close(DialogResult.Ok(new ExamSiteInput(_certificateId.Value, [.. _levels.Order()], _address ?? "", _seats, _equipment, _contactName ?? "", _contactPhone ?? "") { Version = _version }));
    }
}
