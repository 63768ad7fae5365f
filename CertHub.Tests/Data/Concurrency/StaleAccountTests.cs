using CertHub.Core.Accounts;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Ledger;
using CertHub.Tests.Support;

namespace CertHub.Tests.Data.Concurrency;

/// <summary>
/// Account edits (编辑用户, the platform's rename) carry the version the dialog showed: Identity's ConcurrencyStamp of the user,
/// renewed on every update. A second admin who opened the dialog before the first saved is refused and nothing changes.
/// </summary>
public sealed class StaleAccountTests : IDisposable
{
    private readonly AccountsHarness _h = new();

    public void Dispose() => _h.Dispose();

    private async Task<(string UserId, int RoleId)> DisabledUserAsync()
    {
        var roleId = await _h.RoleAsync(_h.SchoolAAdmin, "考务专员", Permissions.CandidateEdit);
        var (userId, _) = await _h.CreateUserAsync(_h.SchoolAAdmin, "kw", "13800138006", roleId);
        await _h.As(_h.SchoolAAdmin).Users.DisableAsync(userId, CancellationToken.None);
        return (userId, roleId);
    }

    [Fact]
    public async Task EditUser_Should_RefuseTheStaleDialog_And_KeepTheFirstAdminsValues()
    {
        var (userId, roleId) = await DisabledUserAsync();
        var users = _h.As(_h.SchoolAAdmin).Users;
        var seenByA = await users.GetAsync(userId, CancellationToken.None);
        var seenByB = await users.GetAsync(userId, CancellationToken.None);

        await users.UpdateAsync(userId, new UserEditInput("王老师", roleId, false, []) { Version = seenByB.Account.Version }, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            users.UpdateAsync(userId, new UserEditInput("李老师", roleId, false, []) { Version = seenByA.Account.Version }, CancellationToken.None));

        Assert.Equal(ConcurrencyConflict.Message, refused.Message);
        var current = await users.GetAsync(userId, CancellationToken.None);
        Assert.Equal("王老师", current.Account.DisplayName);
        Assert.NotEqual(seenByA.Account.Version, current.Account.Version);
        await users.UpdateAsync(userId, new UserEditInput("李老师", roleId, false, []) { Version = current.Account.Version }, CancellationToken.None);
        Assert.Equal("李老师", (await users.GetAsync(userId, CancellationToken.None)).Account.DisplayName);
    }

    [Fact]
    public async Task EditUser_Should_RefuseTheStaleDialog_When_TheAccountWasOnlyReEnabledAndDisabledMeanwhile()
    {
        var (userId, roleId) = await DisabledUserAsync();
        var users = _h.As(_h.SchoolAAdmin).Users;
        var seen = await users.GetAsync(userId, CancellationToken.None);

        await users.EnableAsync(userId, CancellationToken.None);
        await users.DisableAsync(userId, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            users.UpdateAsync(userId, new UserEditInput("李老师", roleId, false, []) { Version = seen.Account.Version }, CancellationToken.None));

        Assert.Equal(ConcurrencyConflict.Message, refused.Message);
        Assert.Equal("张老师", (await users.GetAsync(userId, CancellationToken.None)).Account.DisplayName);
    }

    [Fact]
    public async Task UpdateAccountName_Should_RefuseAStaleVersion_And_RenameWithTheCurrentOne()
    {
        var (userId, _) = await DisabledUserAsync();
        var platform = AccountsHarness.Platform;
        var actor = _h.As(platform);
        var admin = new CatalogAdminService(_h.Database.FactoryFor(platform), platform, actor.Accounts, new RecordingChangeFeed(),
            new LedgerService(_h.Database.FactoryFor(platform), TimeProvider.System), TimeProvider.System);
        var seen = (await actor.Accounts.FindAsync(userId, CancellationToken.None))!;

        await admin.UpdateAccountNameAsync(userId, "王老师", seen.Version, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => admin.UpdateAccountNameAsync(userId, "李老师", seen.Version, CancellationToken.None));

        Assert.Equal(ConcurrencyConflict.Message, refused.Message);
        var current = (await _h.As(platform).Accounts.FindAsync(userId, CancellationToken.None))!;
        Assert.Equal("王老师", current.DisplayName);
        await admin.UpdateAccountNameAsync(userId, "李老师", current.Version, CancellationToken.None);
        Assert.Equal("李老师", (await _h.As(platform).Accounts.FindAsync(userId, CancellationToken.None))!.DisplayName);
    }
}
