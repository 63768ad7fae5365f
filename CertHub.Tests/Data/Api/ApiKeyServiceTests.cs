using CertHub.Core.Api;
using CertHub.Core.Audit;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Api;

/// <summary>接口密钥 on SQLite: an organisation admin creates (shown once, stored hashed), lists and revokes its own keys; authentication by hash.</summary>
public sealed class ApiKeyServiceTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));
    private readonly CatalogTestData _data;

    public ApiKeyServiceTests() => _data = CatalogTestData.Seed(_db);

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser Tedu => new(UserRole.OrgAdmin, OrganizationId: _data.OrgTeduId, UserName: "tedu", DisplayName: "达内教育");

    private FixedCurrentUser WlUser => new(UserRole.OrgUser, OrganizationId: _data.OrgWlId, UserName: "wl-user", DisplayName: "中物联物流用户");

    private ApiKeyService Keys(ICurrentUser user) =>
        new(_db.FactoryFor(user), user, new AuditLogService(_db.FactoryFor(user), user, _clock), _clock);

    private ApiKeyService Anonymous => Keys(new FixedCurrentUser(null));

    [Fact]
    public async Task Create_Should_ReturnTheKeyOnceAndStoreOnlyItsHash()
    {
        var created = await Keys(_data.Wl).CreateAsync("考务系统", default);

        await using var db = _db.OpenAsSystem();
        var stored = await db.Set<ApiKey>().SingleAsync();
        Assert.Equal(ApiKey.HashOf(created.Key), stored.KeyHash);
        Assert.Equal(_data.OrgWlId, stored.OrganizationId);
        Assert.Equal("中物联物流(wl)", stored.CreatedBy);
        var listed = Assert.Single(await Keys(_data.Wl).ListAsync(default));
        Assert.Equal(created.Prefix, listed.Prefix);
        Assert.NotEqual(created.Key, listed.Prefix);
        Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.Action == "新增API密钥" && a.OrganizationId == _data.OrgWlId));
    }

    [Fact]
    public async Task List_Should_ShowOnlyTheOrganisationsOwnKeys()
    {
        await Keys(_data.Wl).CreateAsync("考务系统", default);
        await Keys(Tedu).CreateAsync("达内阅卷", default);

        var wl = await Keys(_data.Wl).ListAsync(default);

        Assert.Equal(["考务系统"], wl.Select(k => k.Name));
    }

    [Fact]
    public async Task Revoke_Should_Refuse_When_KeyBelongsToAnotherOrganisation()
    {
        var tedu = await Keys(Tedu).CreateAsync("达内阅卷", default);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Keys(_data.Wl).RevokeAsync(tedu.Id, default));

        Assert.Equal("API密钥不存在或不属于本机构", ex.Message);
        Assert.NotNull(await Anonymous.AuthenticateAsync(tedu.Key, default));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Manage_Should_Refuse_When_NotAnOrganisationAdmin(bool school)
    {
        var user = school ? _data.SchoolA : WlUser;

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Keys(user).CreateAsync("考务系统", default));
        await Assert.ThrowsAsync<DomainRuleException>(() => Keys(user).ListAsync(default));

        Assert.Equal("只有培训评价组织管理员可以管理API密钥", ex.Message);
        Assert.False(Keys(user).CanManage);
    }

    [Fact]
    public async Task Authenticate_Should_FindTheOrganisation_And_RefuseRevokedOrUnknownKeys()
    {
        var created = await Keys(_data.Wl).CreateAsync("考务系统", default);

        var identity = await Anonymous.AuthenticateAsync(created.Key, default);
        Assert.NotNull(identity);
        Assert.Equal(_data.OrgWlId, identity.OrganizationId);
        Assert.Equal("中物联物流", identity.OrganizationName);
        Assert.Null(await Anonymous.AuthenticateAsync(created.Key + "x", default));
        Assert.Null(await Anonymous.AuthenticateAsync(null, default));

        await Keys(_data.Wl).RevokeAsync(created.Id, default);

        Assert.Null(await Anonymous.AuthenticateAsync(created.Key, default));
        Assert.NotNull(Assert.Single(await Keys(_data.Wl).ListAsync(default)).RevokedUtc);
    }

    [Fact]
    public async Task Authenticate_Should_NoteTheLastUseAtMostOncePerMinute()
    {
        var created = await Keys(_data.Wl).CreateAsync("考务系统", default);
        var first = _clock.GetUtcNow();

        await Anonymous.AuthenticateAsync(created.Key, default);
        _clock.Advance(TimeSpan.FromSeconds(20));
        await Anonymous.AuthenticateAsync(created.Key, default);
        var afterTwo = Assert.Single(await Keys(_data.Wl).ListAsync(default)).LastUsedUtc;
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Anonymous.AuthenticateAsync(created.Key, default);

        Assert.Equal(first, afterTwo);
        Assert.Equal(_clock.GetUtcNow(), Assert.Single(await Keys(_data.Wl).ListAsync(default)).LastUsedUtc);
    }

    [Fact]
    public async Task Create_Should_Refuse_When_TooManyLiveKeys()
    {
        for (var i = 0; i < ApiKeyService.MaxLiveKeys; i++)
        {
            await Keys(_data.Wl).CreateAsync($"系统{i}", default);
        }

        await Assert.ThrowsAsync<DomainRuleException>(() => Keys(_data.Wl).CreateAsync("再一个", default));
    }
}
