using CertHub.Core.Accounts;
using CertHub.Core.Common;

namespace CertHub.Tests.Support;

/// <summary>
/// An account port that stores nothing, for catalogue services whose tests do not look at accounts; <see cref="Known"/>
/// accounts (e.g. with a bound phone) are returned by <see cref="FindAsync"/>.
/// </summary>
public sealed class NoAccounts : IAccountAdmin
{
    public List<AccountInfo> Known { get; } = [];

    public Task<PagedResult<AccountListItem>> ListAsync(AccountFilter filter, PageRequest page, CancellationToken ct) => Task.FromResult(PagedResult<AccountListItem>.Empty());

    public Task<string> CreateAsync(NewAccount account, CancellationToken ct) => Task.FromResult("id");

    public Task UpdateDisplayNameAsync(string userId, string displayName, string? expectedVersion, CancellationToken ct) => Task.CompletedTask;

    public Task SetDisabledAsync(string userId, bool disabled, CancellationToken ct) => Task.CompletedTask;

    public Task<PagedResult<UserListItem>> ListSubAccountsAsync(SubAccountScope scope, UserFilter filter, PageRequest page, CancellationToken ct) =>
        Task.FromResult(PagedResult<UserListItem>.Empty());

    public Task<AccountInfo?> FindAsync(string userId, CancellationToken ct) => Task.FromResult(Known.Find(a => a.UserId == userId));

    public Task<string> CreateSubAccountAsync(NewSubAccount account, CancellationToken ct) => Task.FromResult("id");

    public Task UpdateSubAccountAsync(string userId, string displayName, int roleId, bool isCertificateOwner, IReadOnlyList<int> certificateIds, string? expectedVersion, CancellationToken ct) =>
        Task.CompletedTask;

    public Task DeleteAsync(string userId, CancellationToken ct) => Task.CompletedTask;

    public Task SetPasswordAsync(string userId, string password, bool mustChange, CancellationToken ct) => Task.CompletedTask;

    public Task ChangePasswordAsync(string userId, string currentPassword, string newPassword, CancellationToken ct) => Task.CompletedTask;

    public Task SetPhoneAsync(string userId, string phone, CancellationToken ct) => Task.CompletedTask;

    public Task<bool> IsPhoneInUseAsync(string phone, string? exceptUserId, CancellationToken ct) => Task.FromResult(false);

    public Task<int> CountWithRoleAsync(int roleId, CancellationToken ct) => Task.FromResult(0);
}
