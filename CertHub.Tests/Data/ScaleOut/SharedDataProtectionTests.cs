using System.Security.Cryptography;
using CertHub.Core.Common;
using CertHub.Data;
using CertHub.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertHub.Tests.Data.ScaleOut;

/// <summary>
/// Data protection keys persisted in the database (issue 10): two hosts over one database share the key ring, so the
/// login cookie one instance protects is read by the other; a host over another database cannot read it.
/// </summary>
public sealed class SharedDataProtectionTests : IDisposable
{
    // The purposes ASP.NET Core's cookie authentication uses for the Identity application cookie.
    private static readonly string[] CookiePurpose = ["Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "Identity.Application", "v2"];

    private readonly SqliteTestDb _db = SqliteTestDb.InFile();
    private readonly SqliteTestDb _otherDb = SqliteTestDb.InFile();

    public void Dispose()
    {
        _db.Dispose();
        _otherDb.Dispose();
    }

    /// <summary>An app instance's services: its own container and key manager, the data context over <paramref name="db"/>.</summary>
    private static ServiceProvider Host(SqliteTestDb db)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoped<CertHubDbContext>(_ => db.Open(FixedCurrentUser.System));
        services.AddCertHubDataProtection();
        return services.BuildServiceProvider();
    }

    private static IDataProtector CookieProtector(IServiceProvider host) =>
        host.GetRequiredService<IDataProtectionProvider>().CreateProtector(CookiePurpose);

    [Fact]
    public async Task CookieProtectedByInstanceA_Should_BeReadByInstanceB_OverTheSameDatabase()
    {
        await using var a = Host(_db);
        await using var b = Host(_db);

        var cookie = CookieProtector(a).Protect("ustb 登录票据");

        Assert.Equal("ustb 登录票据", CookieProtector(b).Unprotect(cookie));
        Assert.Equal(cookie.Length, CookieProtector(b).Protect("ustb 登录票据").Length);
        await using var db = _db.OpenAsSystem();
        var key = Assert.Single(await db.Set<DataProtectionKey>().ToListAsync()); // one shared key, created by A, reused by B
        Assert.Contains("<key ", key.Xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookie_Should_NotBeReadable_ByAHostWithAnotherKeyRing()
    {
        await using var a = Host(_db);
        await using var other = Host(_otherDb);

        var cookie = CookieProtector(a).Protect("ustb 登录票据");

        Assert.ThrowsAny<CryptographicException>(() => CookieProtector(other).Unprotect(cookie));
    }

    [Fact]
    public async Task ApplicationName_Should_BeFixed_SoEveryInstanceSharesThePayloads()
    {
        await using var a = Host(_db);

        var options = a.GetRequiredService<Microsoft.Extensions.Options.IOptions<DataProtectionOptions>>().Value;

        Assert.Equal(DataProtectionSetup.ApplicationName, options.ApplicationDiscriminator);
    }
}
