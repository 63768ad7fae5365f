using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace CertHub.Data;

/// <summary>Data protection shared by every instance over one database: keys persisted by EF Core, one fixed application name.</summary>
public static class DataProtectionSetup
{
    /// <summary>The application name isolating CertHub's keys and payloads; every instance must use the same one.</summary>
    public const string ApplicationName = "CertHub";

    /// <summary>
    /// Keys in the DataProtectionKeys table of <see cref="CertHubDbContext"/> (resolved per key-ring refresh from a fresh
    /// scope) and the fixed <see cref="ApplicationName"/>, so a cookie protected by instance A is unprotected by instance B.
    /// </summary>
    public static IDataProtectionBuilder AddCertHubDataProtection(this IServiceCollection services) =>
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<CertHubDbContext>();
}
