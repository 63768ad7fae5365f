using CertHub.Core.Audit;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Api;

/// <summary>An API key as the 接口密钥 page lists it (never the key itself).</summary>
public sealed record ApiKeyItem(int Id, string Name, string Prefix, string CreatedBy, DateTimeOffset CreatedUtc,
    DateTimeOffset? LastUsedUtc, string? RevokedBy, DateTimeOffset? RevokedUtc)
{
    public bool IsRevoked => RevokedUtc is not null;
}

/// <summary>A key just created: <see cref="Key"/> is shown once and never again.</summary>
public sealed record ApiKeyCreated(int Id, string Name, string Prefix, string Key);

/// <summary>Who an authenticated key speaks for.</summary>
public sealed record ApiKeyIdentity(int KeyId, string Name, string Prefix, int OrganizationId, string OrganizationName);

/// <summary>
/// 接口密钥 (API keys of the organisation API): an organisation admin creates (the key is shown once), lists and revokes
/// (吊销) its own organisation's keys; <see cref="AuthenticateAsync"/> finds a live key by its hash for the X-Api-Key handler.
/// </summary>
public sealed class ApiKeyService(ICertHubDbFactory dbFactory, ICurrentUser currentUser, IAuditLog audit, TimeProvider clock)
{
    public const string AuditEntityType = "ApiKey";
    public const int MaxLiveKeys = 20;

    /// <summary>Only an organisation admin manages its organisation's keys.</summary>
    public bool CanManage => currentUser.Role == UserRole.OrgAdmin && currentUser.OrganizationId is not null;

    public async Task<IReadOnlyList<ApiKeyItem>> ListAsync(CancellationToken ct)
    {
        var organizationId = RequireAdmin();
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Set<ApiKey>().AsNoTracking()
            .Where(k => k.OrganizationId == organizationId)
            .OrderBy(k => k.RevokedUtc != null).ThenByDescending(k => k.CreatedUtc).ThenByDescending(k => k.Id)
            .Select(k => new ApiKeyItem(k.Id, k.Name, k.Prefix, k.CreatedBy, k.CreatedUtc, k.LastUsedUtc, k.RevokedBy, k.RevokedUtc))
            .ToListAsync(ct);
    }

    /// <summary>新增: a random key (chk_ + 32 bytes base64url) stored as its SHA-256 hash; the result carries the key once.</summary>
    public async Task<ApiKeyCreated> CreateAsync(string name, CancellationToken ct)
    {
        var organizationId = RequireAdmin();
        await using var db = await dbFactory.CreateAsync(ct);
        var live = await db.Set<ApiKey>().CountAsync(k => k.OrganizationId == organizationId && k.RevokedUtc == null, ct);
        DomainRuleException.ThrowIf(live >= MaxLiveKeys, $"每个机构最多{MaxLiveKeys}个有效的API密钥，请先吊销不用的密钥");
        var secret = ApiKeySecret.Generate();
        var key = ApiKey.Create(organizationId, name, secret, currentUser.ActorName(), clock.GetUtcNow());
        db.Set<ApiKey>().Add(key);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditEntityType, key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "新增API密钥", $"{key.Name}（{key.Prefix}…）", ct);
        return new ApiKeyCreated(key.Id, key.Name, key.Prefix, secret);
    }

    /// <summary>吊销 one of the organisation's own keys.</summary>
    public async Task RevokeAsync(int id, CancellationToken ct)
    {
        var organizationId = RequireAdmin();
        await using var db = await dbFactory.CreateAsync(ct);
        var key = await db.Set<ApiKey>().FirstOrDefaultAsync(k => k.Id == id && k.OrganizationId == organizationId, ct)
            ?? throw new DomainRuleException("API密钥不存在或不属于本机构");
        key.Revoke(currentUser.ActorName(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditEntityType, key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "吊销API密钥", $"{key.Name}（{key.Prefix}…）", ct);
    }

    /// <summary>
    /// The live key matching <paramref name="key"/> (looked up by hash, compared in constant time), or null; notes the
    /// 最近使用时间 at most once a minute. Runs before anyone is signed in, so it reads past the tenancy filters.
    /// </summary>
    public async Task<ApiKeyIdentity?> AuthenticateAsync(string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length is < ApiKey.MinKeyLength or > 200)
        {
            return null;
        }

        var hash = ApiKey.HashOf(key);
        await using var db = await dbFactory.CreateAsync(ct);
        var found = await db.Set<ApiKey>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(k => k.KeyHash == hash && k.RevokedUtc == null, ct);
        if (found is null || !found.Matches(key))
        {
            return null;
        }

        var organizationName = await db.Set<Organization>().IgnoreQueryFilters()
            .Where(o => o.Id == found.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        if (organizationName is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (ApiKey.IsLastUsedDue(found.LastUsedUtc, now))
        {
            await db.Set<ApiKey>().IgnoreQueryFilters().Where(k => k.Id == found.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedUtc, now), ct);
        }

        return new ApiKeyIdentity(found.Id, found.Name, found.Prefix, found.OrganizationId, organizationName);
    }

    private int RequireAdmin() =>
        CanManage ? currentUser.OrganizationId!.Value : throw new DomainRuleException("只有培训评价组织管理员可以管理API密钥");
}
