using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Issuance;

/// <summary>
/// 手机签名 sessions in the database: the desk on one app instance, the phone on another (each "instance" is its own service,
/// change feed and contexts over the same database), tenancy, expiry and one-time use.
/// </summary>
public sealed class PhoneSigningServiceTests : IDisposable
{
    private static readonly FixedCurrentUser Phone = new(null, UserName: "", DisplayName: "");

    private readonly SqliteTestDb _db = new();
    private readonly CatalogTestData _catalog;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2021, 9, 20, 2, 0, 0, TimeSpan.Zero));
    private readonly RecordingChangeFeed _instanceA = new();
    private readonly RecordingChangeFeed _instanceB = new();

    public PhoneSigningServiceTests() => _catalog = CatalogTestData.Seed(_db);

    private FixedCurrentUser Desk => new(UserRole.OrgAdmin, OrganizationId: _catalog.OrgWlId, UserName: "wl", DisplayName: "张组织");

    private FixedCurrentUser Colleague => Desk with { UserName = "wl-2", DisplayName = "李组织" };

    private FixedCurrentUser OtherOrg => new(UserRole.OrgAdmin, OrganizationId: _catalog.OrgTeduId, UserName: "tedu", DisplayName: "达内");

    public void Dispose() => _db.Dispose();

    private PhoneSigningService On(RecordingChangeFeed instance, ICurrentUser user) => new(_db.FactoryFor(user), user, instance, _clock);

    [Fact]
    public async Task Phone_Should_ReachTheSessionOpenedOnAnotherInstance_And_TheDeskTakesItOnce()
    {
        var link = await On(_instanceA, Desk).OpenAsync("张组织", 3, default);
        var png = TestImages.Png();

        var seen = await On(_instanceB, Phone).FindAsync(link.Token, default);
        Assert.Equal(("张组织", 3), (seen!.SignerName, seen.RecordCount));
        Assert.True(await On(_instanceB, Phone).SubmitAsync(link.Token, png, default));

        Assert.Contains(_instanceB.Published, n => n.Topic == PhoneSigningService.TopicOf(link.Token));
        Assert.Null(await On(_instanceB, Phone).FindAsync(link.Token, default)); // used
        Assert.False(await On(_instanceB, Phone).SubmitAsync(link.Token, png, default)); // one-time
        Assert.Equal(png, await On(_instanceA, Desk).TakeAsync(link.Token, default));
        Assert.Null(await On(_instanceA, Desk).TakeAsync(link.Token, default));
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Submit_Should_LetOnlyOneOfTwoInstancesWin_When_BothLoadedTheWaitingSession()
    {
        var link = await On(_instanceA, Desk).OpenAsync("张组织", 1, default);
        await using var first = _db.Open(Phone);
        await using var second = _db.Open(Phone);
        var a = await first.Set<PhoneSigningSession>().IgnoreQueryFilters().AsTracking().SingleAsync(s => s.Token == link.Token);
        var b = await second.Set<PhoneSigningSession>().IgnoreQueryFilters().AsTracking().SingleAsync(s => s.Token == link.Token);

        a.Submit(TestImages.Png(), _clock.GetUtcNow());
        b.Submit([.. TestImages.Png(), 0], _clock.GetUtcNow());
        await first.SaveChangesAsync();
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => second.SaveChangesAsync());

        Assert.True(ConcurrencyConflict.Is(refused));
        Assert.Equal(TestImages.Png(), await On(_instanceA, Desk).TakeAsync(link.Token, default));
    }

    [Fact]
    public async Task Take_Should_BeRefused_When_AnotherAccountOrTenantAsks()
    {
        var link = await On(_instanceA, Desk).OpenAsync("张组织", 1, default);
        Assert.True(await On(_instanceB, Phone).SubmitAsync(link.Token, TestImages.Png(), default));

        Assert.Null(await On(_instanceB, OtherOrg).TakeAsync(link.Token, default));
        Assert.Null(await On(_instanceB, Colleague).TakeAsync(link.Token, default));
        await On(_instanceB, OtherOrg).CloseAsync(link.Token, default);
        await using (var other = _db.Open(OtherOrg))
        {
            Assert.Empty(await other.Set<PhoneSigningSession>().ToListAsync()); // the tenancy filter hides another tenant's sessions
        }

        Assert.NotNull(await On(_instanceA, Desk).TakeAsync(link.Token, default));
    }

    [Fact]
    public async Task Link_Should_StopWorking_When_ExpiredOrClosedOrUnknown()
    {
        var expiring = await On(_instanceA, Desk).OpenAsync("张组织", 1, default);
        var closed = await On(_instanceA, Desk).OpenAsync("张组织", 1, default);
        await On(_instanceA, Desk).CloseAsync(closed.Token, default);

        _clock.Advance(PhoneSigningSession.Lifetime);

        Assert.Null(await On(_instanceB, Phone).FindAsync(expiring.Token, default));
        Assert.False(await On(_instanceB, Phone).SubmitAsync(expiring.Token, TestImages.Png(), default));
        Assert.False(await On(_instanceB, Phone).SubmitAsync(closed.Token, TestImages.Png(), default));
        Assert.False(await On(_instanceB, Phone).SubmitAsync("00000000000000000000000000000000", TestImages.Png(), default));
        Assert.Null(await On(_instanceB, Phone).FindAsync("' OR 1=1 --", default));
        Assert.Equal(1, await CountAsync());
        await On(_instanceA, Desk).OpenAsync("张组织", 1, default); // opening a new link deletes the expired ones
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task Open_Should_Refuse_When_TheAccountMayNotSign()
    {
        var clerk = new FixedCurrentUser(UserRole.OrgUser, OrganizationId: _catalog.OrgWlId, UserName: "wl-clerk", DisplayName: "王组织");

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => On(_instanceA, clerk).OpenAsync("王组织", 1, default));

        Assert.Contains("权限", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DomainRuleException>(() => On(_instanceA, Phone).OpenAsync("张组织", 1, default));
        Assert.Equal(0, await CountAsync());
    }

    private async Task<int> CountAsync()
    {
        await using var ctx = _db.OpenAsSystem();
        return await ctx.Set<PhoneSigningSession>().CountAsync();
    }
}
