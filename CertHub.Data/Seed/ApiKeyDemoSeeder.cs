using CertHub.Core.Api;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Data.Seed;

/// <summary>
/// 演示数据 of the organisation API: the keys <see cref="WlKey"/> (中物联物流, account wl) and <see cref="TeduKey"/> (达内教育,
/// account tedu). Runs after <see cref="CatalogDemoSeeder"/>; idempotent by the key's hash.
/// </summary>
public sealed class ApiKeyDemoSeeder(CertHubContextBuilder contexts, TimeProvider clock) : IDemoSeeder
{
    public const string WlKey = "demo-wl-key";
    public const string TeduKey = "demo-tedu-key";

    private static readonly (string CreditCode, string Key)[] Keys =
    [
        ("91110000MA01WL001X", WlKey),
        ("91110108MA01TD002K", TeduKey),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = contexts.Create(FixedCurrentUser.System);
        var organizations = await db.Set<Organization>().ToDictionaryAsync(o => o.CreditCode, o => o.Id, ct);
        var hashes = await db.Set<ApiKey>().Select(k => k.KeyHash).ToListAsync(ct);
        foreach (var (creditCode, key) in Keys)
        {
            if (organizations.TryGetValue(creditCode, out var organizationId) && !hashes.Contains(ApiKey.HashOf(key)))
            {
                db.Set<ApiKey>().Add(ApiKey.Create(organizationId, "演示密钥", key, "系统", clock.GetUtcNow()));
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
