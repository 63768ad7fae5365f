using System.Text.Json;
using CertHub.Core.Common;
using StackExchange.Redis;

namespace CertHub.Web.Live;

/// <summary>
/// 实时更新 across instances: a notice is handed to this instance's subscribers at once (as <see cref="InProcessChangeFeed"/>
/// does, so live pages keep working while Redis is away) and published on one Redis pub/sub channel; every other instance
/// receives it and hands it to its own subscribers. Each instance tags its messages and ignores its own echo, so a
/// subscriber is called once per notice. Redis errors are logged, never thrown back to the publisher.
/// </summary>
public sealed class RedisChangeFeed : IChangeFeed, IDisposable
{
    /// <summary>The pub/sub channel shared by every instance.</summary>
    public const string DefaultChannel = "certhub:changes";

    private readonly InProcessChangeFeed _local;
    private readonly ISubscriber _subscriber;
    private readonly RedisChannel _channel;
    private readonly ILogger<RedisChangeFeed> _logger;
    private readonly string _origin = Guid.NewGuid().ToString("N");

    public RedisChangeFeed(IConnectionMultiplexer redis, ILogger<RedisChangeFeed> logger, ILogger<InProcessChangeFeed> localLogger, string channel = DefaultChannel)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _logger = logger;
        _local = new InProcessChangeFeed(localLogger);
        _channel = RedisChannel.Literal(channel);
        _subscriber = redis.GetSubscriber();
        // Registered with the multiplexer at once and restored by it after a reconnect; a failure now is only logged.
        Ready = SubscribeAsync();
    }

    /// <summary>Completes once the channel subscription is active (tests wait for it before publishing).</summary>
    public Task Ready { get; }

    public void Publish(ChangeNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        _local.Publish(notice);
        _ = SendAsync(notice);
    }

    public IDisposable Subscribe(string topic, Func<ChangeNotice, Task> handler) => _local.Subscribe(topic, handler);

    public void Dispose() => _subscriber.Unsubscribe(_channel, null, CommandFlags.FireAndForget);

    private async Task SubscribeAsync()
    {
        try
        {
            await _subscriber.SubscribeAsync(_channel, (_, message) => Receive(message));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _logger.LogWarning(ex, "Change feed: subscribing to Redis channel {Channel} failed; the multiplexer retries on reconnect.", _channel);
        }
    }

    private async Task SendAsync(ChangeNotice notice)
    {
        try
        {
            await _subscriber.PublishAsync(_channel, JsonSerializer.Serialize(new Envelope(_origin, notice)));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _logger.LogWarning(ex, "Change feed: publishing {Topic} to Redis failed; other instances miss this notice.", notice.Topic);
        }
    }

    private void Receive(RedisValue message)
    {
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(message.ToString());
        }
        catch (JsonException ex)
        {
            _logger.LogWarning(ex, "Change feed: unreadable message on {Channel} ignored.", _channel);
            return;
        }

        if (envelope?.Notice is { Topic.Length: > 0 } notice && envelope.Origin != _origin)
        {
            _local.Publish(notice);
        }
    }

    private sealed record Envelope(string Origin, ChangeNotice Notice);
}
