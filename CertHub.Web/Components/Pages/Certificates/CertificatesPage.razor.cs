using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Web.Components.Shared;
using CertHub.Web.Documents.Excel;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Certificates;

/// <summary>4.1 证书信息管理: scope, filters, 查看, 上链信息 and 批量导出.</summary>
public partial class CertificatesPage
{
    private static readonly IReadOnlyList<XlsxColumn<CertificateListItem>> ExportColumns =
    [
        new("证书名称", c => c.Name),
        new("证书代码", c => c.Code),
        new("培训评价组织", c => c.OrganizationName),
        new("证书等级", c => CertificateLevelText.Join(c.Levels)),
        new("适用领域", c => c.Field),
        new("状态", c => c.Status.ToDisplayName()),
        new("发布时间", c => c.PublishedUtc.ToChinaDateText()),
    ];

    private readonly PagedRows<CertificateListItem> _rows = new();
    private MudTable<CertificateListItem>? _table;
    private HashSet<CertificateListItem> _selected = [];
    private IReadOnlyList<CatalogOption> _organizations = [];
    private CertificateScope _scope;
    private string? _name;
    private int? _organizationId;
    private CertificateLevel? _level;

    [Inject]
    private CertificateQueries Certificates { get; set; } = default!;

    [Inject]
    private OrganizationQueries Organizations { get; set; } = default!;

    private CertificateFilter Filter => new(_scope, _name, _organizationId, _level);

    protected override async Task OnInitializedAsync()
    {
        _scope = Certificates.DefaultScope;
        _organizations = await Organizations.OptionsAsync(CancellationToken.None);
    }

    private async Task<TableData<CertificateListItem>> LoadAsync(TableState state, CancellationToken ct)
    {
        _selected = [];
        return _rows.Accept(await Certificates.ListAsync(Filter, PagedRows<CertificateListItem>.ToRequest(state), ct));
    }

    private Task<IReadOnlyList<CertificateListItem>> ExportRowsAsync(CancellationToken ct) => Certificates.ListAllAsync(Filter, ct);

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private Task ScopeChangedAsync(CertificateScope scope)
    {
        _scope = scope;
        return ReloadAsync();
    }

    private Task ResetAsync()
    {
        (_scope, _name, _organizationId, _level) = (Certificates.DefaultScope, null, null, null);
        return ReloadAsync();
    }

    private Task<IDialogReference> ViewAsync(CertificateListItem item) =>
        Dialogs.ShowAsync<CertificateDetailDialog>("查看", new DialogParameters<CertificateDetailDialog> { { d => d.CertificateId, item.Id } }, DialogOptions(MaxWidth.Large));

    private Task<IDialogReference> LedgerAsync(CertificateListItem item) =>
        Dialogs.ShowAsync<CertificateLedgerDialog>("上链信息",
            new DialogParameters<CertificateLedgerDialog> { { d => d.CertificateId, item.Id }, { d => d.CertificateName, item.Name } }, DialogOptions(MaxWidth.Small));
}
