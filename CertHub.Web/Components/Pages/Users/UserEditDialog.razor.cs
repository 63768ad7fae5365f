using CertHub.Core.Accounts;
using CertHub.Core.Catalog;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Users;

/// <summary>
/// 新增 / 编辑用户: the page passes the options and the service calls; the dialog closes once the save succeeds. The platform
/// admin first chooses the 所属单位 (院校 or 培训评价组织), which loads that tenant's 角色 and 负责证书.
/// </summary>
public partial class UserEditDialog
{
    private string _userName = "", _displayName = "", _phone = "", _code = "";
    private int? _roleId;
    private bool _isOwner;
    private IReadOnlyCollection<int> _certificateIds = [];
    private SubAccountChoices _choices = new([], []);
    private SubAccountTenantKind _tenantKind = SubAccountTenantKind.School;
    private CatalogOption? _tenant;
    private int _countdown;
    private System.Threading.Timer? _timer;

    [CascadingParameter]
    private IMudDialogInstance? Dialog { get; set; }

    /// <summary>The account being edited; null for 新增.</summary>
    [Parameter]
    public UserDetail? Existing { get; set; }

    /// <summary>角色 and 负责证书 options (of the caller's tenant or of the edited account's); empty until a tenant is chosen.</summary>
    [Parameter]
    public SubAccountChoices Choices { get; set; } = new([], []);

    /// <summary>The platform admin chooses the 所属单位 of a new account.</summary>
    [Parameter]
    public bool ChooseTenant { get; set; }

    [Parameter]
    public Func<SubAccountTenantKind, string?, CancellationToken, Task<IReadOnlyList<CatalogOption>>>? SearchTenants { get; set; }

    [Parameter]
    public Func<SubAccountTenant, Task<SubAccountChoices>>? LoadChoices { get; set; }

    [Parameter]
    public Func<string, Task>? SendCode { get; set; }

    [Parameter]
    public Func<NewUserInput, Task>? SaveNew { get; set; }

    [Parameter]
    public Func<UserEditInput, Task>? SaveEdit { get; set; }

    private bool IsNew => Existing is null;

    private SubAccountTenant? Tenant => _tenant is null ? null : new SubAccountTenant(_tenantKind, _tenant.Id);

    protected override void OnInitialized()
    {
        _choices = Choices;
        if (Existing is { Account: var account })
        {
            (_userName, _displayName, _roleId, _isOwner) = (account.UserName, account.DisplayName, account.AccountRoleId, account.IsCertificateOwner);
            _certificateIds = account.OwnedCertificateIds;
        }
    }

    private string CertificateName(int id) => _choices.Certificates.FirstOrDefault(c => c.Id == id)?.Name ?? "";

    private async Task<IEnumerable<CatalogOption>> SearchTenantsAsync(string? text, CancellationToken ct) =>
        SearchTenants is null ? [] : await SearchTenants(_tenantKind, text, ct);

    private Task TenantKindChangedAsync(SubAccountTenantKind kind)
    {
        _tenantKind = kind;
        return TenantChangedAsync(null);
    }

    /// <summary>A new 所属单位: its roles and certificates replace the options, the choices made for another tenant are cleared.</summary>
    private async Task TenantChangedAsync(CatalogOption? tenant)
    {
        _tenant = tenant;
        (_roleId, _certificateIds, _choices) = (null, [], new SubAccountChoices([], []));
        if (Tenant is { } chosen && LoadChoices is not null)
        {
            await TryAsync(async () => _choices = await LoadChoices(chosen));
        }
    }

    private async Task SendCodeAsync()
    {
        if (SendCode is not null && await TryAsync(() => SendCode(_phone), "验证码已发送"))
        {
            _countdown = (int)SmsVerification.Interval.TotalSeconds;
            _timer?.Dispose();
            _timer = new System.Threading.Timer(_ => InvokeAsync(() =>
            {
                _countdown = Math.Max(0, _countdown - 1);
                StateHasChanged();
            }), null, 1000, 1000);
        }
    }

    private async Task SaveAsync()
    {
        var certificates = _isOwner ? _certificateIds.ToList() : [];
        var saved = IsNew
            ? await TryAsync(() => SaveNew!(new NewUserInput(_userName, _displayName, _phone, _code, _roleId, _isOwner, certificates, Tenant)))
            : await TryAsync(() => SaveEdit!(new UserEditInput(_displayName, _roleId, _isOwner, certificates, _phone, _code) { Version = Existing?.Account.Version }), "保存成功");
        if (saved)
        {
            Dialog?.Close(DialogResult.Ok(true));
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        GC.SuppressFinalize(this);
    }
}
