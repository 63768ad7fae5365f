using CertHub.Core.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CertHub.Data;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the database: settings from configuration, the context builder (singleton), the per-scope
    /// <see cref="ICertHubDbFactory"/> and a scoped <see cref="CertHubDbContext"/> for ASP.NET Core Identity's stores.
    /// The host must register <see cref="ICurrentUser"/> (scoped).
    /// </summary>
    public static IServiceCollection AddCertHubData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddSingleton(DatabaseSettings.From(configuration, contentRoot));
        services.AddSingleton<CertHubContextBuilder>();
        services.AddScoped<ICertHubDbFactory, CertHubDbFactory>();
        services.AddScoped(sp => sp.GetRequiredService<CertHubContextBuilder>().Create(sp.GetRequiredService<ICurrentUser>()));
        services.AddScoped<DatabaseInitializer>();
        return services;
    }
}
