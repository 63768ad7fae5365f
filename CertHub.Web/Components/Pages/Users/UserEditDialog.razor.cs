using CertHub.Core.Accounts;
using CertHub.Core.Catalog;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Users;

/// <summary>新增 / 编辑用户: the page passes the options and the service calls; the dialog closes once the save succeeds.</summary>
public partial class UserEditDialog
{
    private string _userName = "", _displayName = "", _phone = "", _code = "";
    private int? _roleId;
    private bool _isOwner;
    private IReadOnlyCollection<int> _certificateIds = [];
    private int _countdown;
    private System.Threading.Timer? _timer;

    [CascadingParameter]
    private IMudDialogInstance? Dialog { get; set; }

    /// <summary>The account being edited; null for 新增.</summary>
    [Parameter]
    public UserDetail? Existing { get; set; }

    [Parameter]
    public IReadOnlyList<CatalogOption> Roles { get; set; } = [];

    [Parameter]
    public IReadOnlyList<CatalogOption> Certificates { get; set; } = [];

    [Parameter]
    public Func<string, Task>? SendCode { get; set; }

    [Parameter]
    public Func<NewUserInput, Task>? SaveNew { get; set; }

    [Parameter]
    public Func<UserEditInput, Task>? SaveEdit { get; set; }

    private bool IsNew => Existing is null;

    protected override void OnInitialized()
    {
        if (Existing is { Account: var account })
        {
            (_userName, _displayName, _roleId, _isOwner) = (account.UserName, account.DisplayName, account.AccountRoleId, account.IsCertificateOwner);
            _certificateIds = account.OwnedCertificateIds;
        }
    }

    private string CertificateName(int id) => Certificates.FirstOrDefault(c => c.Id == id)?.Name ?? "";

    private async Task SendCodeAsync()
    {
        if (SendCode is not null && await TryAsync(() => SendCode(_phone), "验证码已发送"))
        {
            _countdown = (int)SmsVerification.Interval.TotalSeconds;
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
            ? await TryAsync(() => SaveNew!(new NewUserInput(_userName, _displayName, _phone, _code, _roleId, _isOwner, certificates)))
            : await TryAsync(() => SaveEdit!(new UserEditInput(_displayName, _roleId, _isOwner, certificates)), "保存成功");
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
