using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace CertHub.Web.Security;

/// <summary>
/// Fixed-window rate-limit partitions (登录, 证书查验, the organisation API): counted in Redis when <c>Redis:Configuration</c> is set,
/// so that the limit holds across every app instance (<see cref="RedisFixedWindowRateLimiter"/>), else in process
/// (System.Threading.RateLimiting). Keys are <c>{Redis:KeyPrefix}:ratelimit:{name}:{partition}</c> (prefix default <c>certhub</c>).
/// </summary>
public sealed class SharedRateLimits
{
    private readonly IConnectionMultiplexer? _redis;
    private readonly string _prefix;
    private readonly ILogger<SharedRateLimits> _logger;

    public SharedRateLimits(IServiceProvider services, IConfiguration configuration, ILogger<SharedRateLimits> logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        _redis = configuration["Redis:Configuration"] is { Length: > 0 } ? services.GetRequiredService<IConnectionMultiplexer>() : null;
        _prefix = (configuration["Redis:KeyPrefix"] is { Length: > 0 } prefix ? prefix : "certhub") + ":ratelimit:";
        _logger = logger;
    }

    /// <summary>True when the counters are shared through Redis.</summary>
    public bool IsShared => _redis is not null;

    /// <summary>A fixed window of <paramref name="permitLimit"/> requests per <paramref name="window"/> for one partition of one limit.</summary>
    public RateLimitPartition<string> FixedWindow(string name, string partition, int permitLimit, TimeSpan window)
    {
        var key = name + ":" + partition;
        var redis = _redis;
        return redis is null
            ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window, QueueLimit = 0 })
            : RateLimitPartition.Get(key, k => new RedisFixedWindowRateLimiter(redis, _prefix + k, permitLimit, window, _logger));
    }

    /// <summary>Registers the limits' store: the Redis connection (shared with the change feed when it uses Redis) when configured.</summary>
    public static IServiceCollection AddSharedRateLimits(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration["Redis:Configuration"] is { Length: > 0 } redis)
        {
            services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(Startup.ScaleOutSetup.Options(redis)));
        }

        services.TryAddSingleton<SharedRateLimits>();
        return services;
    }
}
