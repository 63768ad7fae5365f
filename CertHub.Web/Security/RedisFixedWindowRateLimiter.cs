using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace CertHub.Web.Security;

/// <summary>
/// A fixed-window limiter whose counter lives in Redis (<c>INCRBY</c>, and <c>PEXPIRE</c> when the window opens, in one script), so
/// every app instance counts against the same limit. When Redis cannot be reached the request is counted by an in-process
/// fixed window of the same size instead (the limit then holds per instance, as without Redis).
/// </summary>
public sealed class RedisFixedWindowRateLimiter : RateLimiter
{
    private const string Script = """
        local count = redis.call('INCRBY', KEYS[1], ARGV[2])
        if count == 1 or redis.call('PTTL', KEYS[1]) < 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
        end
        return { count, redis.call('PTTL', KEYS[1]) }
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly RedisKey _key;
    private readonly int _permitLimit;
    private readonly TimeSpan _window;
    private readonly ILogger _logger;
    private readonly FixedWindowRateLimiter _fallback;
    private long _lastUsedTicks = Environment.TickCount64;

    public RedisFixedWindowRateLimiter(IConnectionMultiplexer redis, string key, int permitLimit, TimeSpan window, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        _redis = redis;
        _key = key;
        _permitLimit = permitLimit;
        _window = window;
        _logger = logger;
        _fallback = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window, QueueLimit = 0 });
    }

    /// <summary>Time since the last request (the partitioned limiter drops idle partitions; the count stays in Redis).</summary>
    public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastUsedTicks));

    public override RateLimiterStatistics? GetStatistics() => _fallback.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        if (permitCount == 0)
        {
            return _fallback.AttemptAcquire(0);
        }

        try
        {
            return Lease(_redis.GetDatabase().ScriptEvaluate(Script, [_key], [(long)_window.TotalMilliseconds, permitCount]));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _logger.LogWarning(ex, "Shared rate limit {Key}: Redis unreachable, counting in process", _key);
            return _fallback.AttemptAcquire(permitCount);
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (permitCount == 0)
        {
            return _fallback.AttemptAcquire(0);
        }

        try
        {
            return Lease(await _redis.GetDatabase().ScriptEvaluateAsync(Script, [_key], [(long)_window.TotalMilliseconds, permitCount]));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _logger.LogWarning(ex, "Shared rate limit {Key}: Redis unreachable, counting in process", _key);
            return await _fallback.AcquireAsync(permitCount, cancellationToken);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _fallback.Dispose();
        }

        base.Dispose(disposing);
    }

    private SharedLease Lease(RedisResult result)
    {
        Interlocked.Exchange(ref _lastUsedTicks, Environment.TickCount64);
        var values = (RedisResult[])result!;
        var count = (long)values[0];
        var ttl = (long)values[1];
        return count <= _permitLimit
            ? SharedLease.Acquired
            : new SharedLease(false, TimeSpan.FromMilliseconds(ttl > 0 ? ttl : _window.TotalMilliseconds));
    }

    private sealed class SharedLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly SharedLease Acquired = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
