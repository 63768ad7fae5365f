using CertHub.Core.Api;
using CertHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.ApiKeys;

/// <summary>接口密钥 of the organisation (组织管理员): 新增 (the key is shown once), list, 吊销.</summary>
public partial class ApiKeysPage
{
    private List<ApiKeyItem> _keys = [];
    private bool _loading = true;

    [Inject]
    private ApiKeyService Keys { get; set; } = default!;

    protected override async Task OnInitializedAsync() => await ReloadAsync();

    private async Task ReloadAsync()
    {
        _loading = true;
        await TryAsync(async () => _keys = [.. await Keys.ListAsync(CancellationToken.None)]);
        _loading = false;
    }

    private async Task CreateAsync()
    {
        var reference = await Dialogs.ShowAsync<ApiKeyCreateDialog>("新增接口密钥", DialogOptions(MaxWidth.Small));
        if (await reference.Result is not { Canceled: false, Data: string name })
        {
            return;
        }

        ApiKeyCreated? created = null;
        if (await TryAsync(async () => created = await Keys.CreateAsync(name, CancellationToken.None)) && created is not null)
        {
            await ReloadAsync();
            StateHasChanged();
            var shown = await Dialogs.ShowAsync<ApiKeyShownOnceDialog>("密钥已创建",
                new DialogParameters<ApiKeyShownOnceDialog> { { d => d.Created, created } },
                new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false, CloseOnEscapeKey = false });
            await shown.Result;
        }
    }

    private async Task RevokeAsync(ApiKeyItem key)
    {
        if (!await ConfirmDialog.AskAsync(Dialogs, "吊销密钥", $"确定吊销密钥“{key.Name}”（{key.Prefix}…）吗？吊销后使用该密钥的系统将无法访问接口，且不能恢复。"))
        {
            return;
        }

        if (await TryAsync(() => Keys.RevokeAsync(key.Id, CancellationToken.None), "密钥已吊销"))
        {
            await ReloadAsync();
        }
    }
}
