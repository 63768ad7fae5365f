using CertHub.Core.Common;
using CertHub.Data;
using CertHub.Web.Live;
using StackExchange.Redis;

namespace CertHub.Web.Startup;

/// <summary>
/// Running several instances behind a load balancer (issue 10). Config: <c>ChangeFeed:Provider</c> = <c>InProcess</c>
/// (default, one instance) or <c>Redis</c> (live updates through Redis pub/sub, <see cref="RedisChangeFeed"/>), and
/// <c>Redis:Configuration</c> (a StackExchange.Redis configuration string such as <c>127.0.0.1:6379</c>); when Redis is
/// configured the SignalR hubs also use it as their backplane. Data protection keys are always kept in the database with
/// a fixed application name, so logins survive moving between instances.
/// </summary>
public static class ScaleOutSetup
{
    public const string InProcess = "InProcess";
    public const string Redis = "Redis";

    public static IServiceCollection AddCertHubScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["ChangeFeed:Provider"] is { Length: > 0 } p ? p : InProcess;
        var redis = configuration["Redis:Configuration"] is { Length: > 0 } r ? r : null;
        if (string.Equals(provider, Redis, StringComparison.OrdinalIgnoreCase))
        {
            if (redis is null)
            {
                throw new InvalidOperationException("ChangeFeed:Provider is Redis but Redis:Configuration is not set.");
            }

            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(Options(redis)));
            services.AddSingleton<RedisChangeFeed>(sp => new RedisChangeFeed(sp.GetRequiredService<IConnectionMultiplexer>(),
                sp.GetRequiredService<ILogger<RedisChangeFeed>>(), sp.GetRequiredService<ILogger<InProcessChangeFeed>>()));
            services.AddSingleton<IChangeFeed>(sp => sp.GetRequiredService<RedisChangeFeed>());
        }
        else if (string.Equals(provider, InProcess, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IChangeFeed, InProcessChangeFeed>();
        }
        else
        {
            throw new InvalidOperationException($"ChangeFeed:Provider \"{provider}\" is not supported (InProcess or Redis).");
        }

        if (redis is not null)
        {
            services.AddSignalR().AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal("certhub-signalr"));
        }

        services.AddCertHubDataProtection();
        return services;
    }

    /// <summary>The app starts (and keeps serving this instance's pages) while Redis is unreachable; the client reconnects.</summary>
    public static ConfigurationOptions Options(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        return options;
    }
}
