using System.Collections.Concurrent;
using CertHub.Core.Common;
using CertHub.Web.Live;
using CertHub.Web.Startup;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace CertHub.Tests.Web.ScaleOut;

/// <summary>Live updates across instances through Redis pub/sub: two feeds on two connections stand for two app instances.</summary>
public sealed class RedisChangeFeedTests : IAsyncLifetime
{
    private readonly string _channel = $"certhub-test:{Guid.NewGuid():N}";
    private ConnectionMultiplexer? _redisA;
    private ConnectionMultiplexer? _redisB;

    public async Task InitializeAsync()
    {
        if (RedisFactAttribute.Configuration is { } configuration)
        {
            _redisA = await ConnectionMultiplexer.ConnectAsync(ScaleOutSetup.Options(configuration));
            _redisB = await ConnectionMultiplexer.ConnectAsync(ScaleOutSetup.Options(configuration));
        }
    }

    public async Task DisposeAsync()
    {
        if (_redisA is not null)
        {
            await _redisA.DisposeAsync();
        }

        if (_redisB is not null)
        {
            await _redisB.DisposeAsync();
        }
    }

    private RedisChangeFeed Feed(ConnectionMultiplexer redis) =>
        new(redis, NullLogger<RedisChangeFeed>.Instance, NullLogger<InProcessChangeFeed>.Instance, _channel);

    [RedisFact]
    public async Task Publish_OnInstanceA_Should_ReachSubscribersOnInstanceB_AndLocalSubscribersOnce()
    {
        using var a = Feed(_redisA!);
        using var b = Feed(_redisB!);
        await Task.WhenAll(a.Ready, b.Ready);
        var onA = new ConcurrentQueue<ChangeNotice>();
        var onB = new TaskCompletionSource<ChangeNotice>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subA = a.Subscribe("issuance.records", n => { onA.Enqueue(n); return Task.CompletedTask; });
        using var subB = b.Subscribe("issuance.records", n => { onB.TrySetResult(n); return Task.CompletedTask; });

        var notice = new ChangeNotice("issuance.records", SchoolId: 7, OrganizationId: 3, ProvinceId: 11);
        a.Publish(notice);

        Assert.Equal(notice, await onB.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        await Task.Delay(300); // time for A's own echo to come back from Redis (it must be ignored)
        Assert.Equal([notice], onA);
    }

    [RedisFact]
    public async Task Subscribers_Should_OnlyReceiveTheirTopic_AndStopAfterDispose()
    {
        using var a = Feed(_redisA!);
        using var b = Feed(_redisB!);
        await Task.WhenAll(a.Ready, b.Ready);
        var received = new ConcurrentQueue<ChangeNotice>();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var last = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var candidates = b.Subscribe("candidates", n => { received.Enqueue(n); first.TrySetResult(); return Task.CompletedTask; });
        using var marker = b.Subscribe("marker", _ => { last.TrySetResult(); return Task.CompletedTask; });

        a.Publish(new ChangeNotice("imports"));
        a.Publish(new ChangeNotice("candidates", SchoolId: 1));
        await first.Task.WaitAsync(TimeSpan.FromSeconds(10));
        candidates.Dispose();
        a.Publish(new ChangeNotice("candidates", SchoolId: 2));
        a.Publish(new ChangeNotice("marker")); // delivered after the notice before it (one channel, in order)
        await last.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([new ChangeNotice("candidates", SchoolId: 1)], received);
    }
}
