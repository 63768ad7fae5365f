using CertHub.Core.Accounts;
using CertHub.Core.Common;

namespace CertHub.Tests.Support;

/// <summary>An account port that stores nothing, for catalogue services whose tests do not look at accounts.</summary>
public sealed class NoAccounts : IAccountAdmin
{
    public Task<PagedResult<AccountListItem>> ListAsync(AccountFilter filter, PageRequest page, CancellationToken ct) => Task.FromResult(PagedResult<AccountListItem>.Empty());

    public Task<string> CreateAsync(NewAccount account, CancellationToken ct) => Task.FromResult("id");

    public Task UpdateDisplayNameAsync(string userId, string displayName, CancellationToken ct) => Task.CompletedTask;

    public Task SetDisabledAsync(string userId, bool disabled, CancellationToken ct) => Task.CompletedTask;
}
