using CertHub.Core.Accounts;
using CertHub.Core.Common;
using CertHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Users;

/// <summary>用户管理 (8.1): the sub-accounts the admin manages; every action goes through <see cref="UserManagementService"/>.</summary>
public partial class UsersPage
{
    private readonly PagedRows<UserListItem> _rows = new();
    private MudTable<UserListItem>? _table;
    private string? _userName;
    private string? _displayName;
    private bool? _disabled;

    [Inject]
    private UserManagementService Users { get; set; } = default!;

    [Inject]
    private ICurrentUser CurrentUser { get; set; } = default!;

    /// <summary>School and organisation admins create sub-accounts for their tenant, the platform admin for a chosen one.</summary>
    private bool CanCreate => SubAccountRules.CanCreate(CurrentUser);

    private async Task<TableData<UserListItem>> LoadAsync(TableState state, CancellationToken ct) =>
        _rows.Accept(await Users.ListAsync(new UserFilter(_userName, _displayName, _disabled), PagedRows<UserListItem>.ToRequest(state), ct));

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private Task ResetAsync()
    {
        (_userName, _displayName, _disabled) = (null, null, null);
        return ReloadAsync();
    }

    private async Task CreateAsync()
    {
        var choosesTenant = SubAccountRules.ChoosesTenant(CurrentUser);
        SubAccountChoices? choices = choosesTenant ? new SubAccountChoices([], []) : null;
        if (choices is null && !await TryAsync(async () => choices = await Users.NewAccountChoicesAsync(null, CancellationToken.None)))
        {
            return;
        }

        GeneratedPassword? created = null;
        var parameters = new DialogParameters<UserEditDialog>
        {
            { d => d.Choices, choices },
            { d => d.ChooseTenant, choosesTenant },
            { d => d.SearchTenants, Users.TenantOptionsAsync },
            { d => d.LoadChoices, tenant => Users.NewAccountChoicesAsync(tenant, CancellationToken.None) },
            { d => d.SendCode, phone => Users.SendNewAccountCodeAsync(phone, CancellationToken.None) },
            { d => d.SaveNew, async input => created = await Users.CreateAsync(input, CancellationToken.None) },
        };
        if (await ShowEditAsync("新增用户", parameters) && created is not null)
        {
            await ReloadAsync();
            await ShowPasswordAsync("新增成功", created);
        }
    }

    private async Task EditAsync(UserListItem item)
    {
        if (!await TryAsync(async () =>
            {
                var parameters = new DialogParameters<UserEditDialog>
                {
                    { d => d.Existing, await Users.GetAsync(item.UserId, CancellationToken.None) },
                    { d => d.Choices, await Users.ChoicesForAsync(item.UserId, CancellationToken.None) },
                    { d => d.SendCode, phone => Users.SendPhoneCodeAsync(item.UserId, phone, CancellationToken.None) },
                    { d => d.SaveEdit, input => Users.UpdateAsync(item.UserId, input, CancellationToken.None) },
                };
                if (await ShowEditAsync("编辑用户", parameters))
                {
                    await ReloadAsync();
                }
            }))
        {
            await ReloadAsync();
        }
    }

    private async Task ShowAsync(UserListItem item)
    {
        UserDetail? detail = null;
        if (await TryAsync(async () => detail = await Users.GetAsync(item.UserId, CancellationToken.None)) && detail is not null)
        {
            await Dialogs.ShowAsync<UserDetailDialog>("查看用户", new DialogParameters<UserDetailDialog> { { d => d.Detail, detail } }, DialogOptions());
        }
    }

    private Task DisableAsync(UserListItem item) =>
        ConfirmAndRunAsync("停用", $"确定停用账号“{item.UserName}”吗？停用后该账号不能登录。", () => Users.DisableAsync(item.UserId, CancellationToken.None), "已停用");

    private Task EnableAsync(UserListItem item) =>
        ConfirmAndRunAsync("启用", $"确定启用账号“{item.UserName}”吗？", () => Users.EnableAsync(item.UserId, CancellationToken.None), "已启用");

    private Task DeleteAsync(UserListItem item) =>
        ConfirmAndRunAsync("删除", $"确定删除账号“{item.UserName}”吗？删除后不能恢复。", () => Users.DeleteAsync(item.UserId, CancellationToken.None), "已删除");

    private async Task ResetPasswordAsync(UserListItem item)
    {
        if (!await ConfirmDialog.AskAsync(Dialogs, "重置密码", $"确定重置账号“{item.UserName}”的密码吗？"))
        {
            return;
        }

        GeneratedPassword? password = null;
        if (await TryAsync(async () => password = await Users.ResetPasswordAsync(item.UserId, CancellationToken.None)) && password is not null)
        {
            await ShowPasswordAsync("重置密码成功", password);
        }
    }

    private async Task ConfirmAndRunAsync(string title, string question, Func<Task> action, string success)
    {
        if (await ConfirmDialog.AskAsync(Dialogs, title, question) && await TryAsync(action, success))
        {
            await ReloadAsync();
        }
    }

    private async Task<bool> ShowEditAsync(string title, DialogParameters<UserEditDialog> parameters)
    {
        var dialog = await Dialogs.ShowAsync<UserEditDialog>(title, parameters, DialogOptions());
        var result = await dialog.Result;
        return result is { Canceled: false };
    }

    private async Task ShowPasswordAsync(string title, GeneratedPassword password)
    {
        var dialog = await Dialogs.ShowAsync<PasswordShownDialog>(title, new DialogParameters<PasswordShownDialog> { { d => d.Password, password } }, DialogOptions(MaxWidth.Small));
        await dialog.Result;
    }
}
