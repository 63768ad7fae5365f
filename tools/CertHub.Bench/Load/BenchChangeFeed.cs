using CertHub.Core.Common;
using CertHub.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace CertHub.Bench.Load;

/// <summary>The bench's side of the change feed: Redis when it runs (the app's pages get the notices), else none.</summary>
internal sealed class BenchChangeFeed : IDisposable
{
    private readonly ConnectionMultiplexer? _redis;

    private BenchChangeFeed(ConnectionMultiplexer? redis, IChangeFeed changes)
    {
        _redis = redis;
        Changes = changes;
    }

    public IChangeFeed Changes { get; }

    public static async Task<BenchChangeFeed> ConnectAsync(TempRedis? redis)
    {
        var local = new InProcessChangeFeed(NullLogger<InProcessChangeFeed>.Instance);
        if (redis is null)
        {
            return new BenchChangeFeed(null, local);
        }

        var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var feed = new RedisChangeFeed(connection, NullLogger<RedisChangeFeed>.Instance,
            NullLogger<InProcessChangeFeed>.Instance);
        await feed.Ready;
        return new BenchChangeFeed(connection, feed);
    }

    public void Dispose()
    {
        (Changes as IDisposable)?.Dispose();
        _redis?.Dispose();
    }
}
