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

    /// <summary>School and organisation admins create sub-accounts; the platform admin manages existing ones.</summary>
    private bool CanCreate => CurrentUser.Role is UserRole.SchoolAdmin or UserRole.OrgAdmin;

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
        var parameters = await DialogParametersAsync(null, null);
        GeneratedPassword? created = null;
        parameters.Add(d => d.SaveNew, async input => created = await Users.CreateAsync(input, CancellationToken.None));
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
                var detail = await Users.GetAsync(item.UserId, CancellationToken.None);
                var parameters = await DialogParametersAsync(detail, item.UserId);
                parameters.Add(d => d.SaveEdit, input => Users.UpdateAsync(item.UserId, input, CancellationToken.None));
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

    private async Task<DialogParameters<UserEditDialog>> DialogParametersAsync(UserDetail? existing, string? userId) => new()
    {
        { d => d.Existing, existing },
        { d => d.Roles, await Users.RoleOptionsAsync(userId, CancellationToken.None) },
        { d => d.Certificates, await Users.CertificateOptionsAsync(userId, CancellationToken.None) },
        { d => d.SendCode, phone => Users.SendNewAccountCodeAsync(phone, CancellationToken.None) },
    };

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
