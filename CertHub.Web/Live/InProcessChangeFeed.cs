using System.Collections.Concurrent;
using CertHub.Core.Common;

namespace CertHub.Web.Live;

/// <summary>实时更新 within one process: subscribers of a topic are called after each publish (errors are logged, never thrown back).</summary>
public sealed class InProcessChangeFeed(ILogger<InProcessChangeFeed> logger) : IChangeFeed
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Func<ChangeNotice, Task>>> _topics = new();

    public void Publish(ChangeNotice notice)
    {
        if (!_topics.TryGetValue(notice.Topic, out var handlers))
        {
            return;
        }

        foreach (var handler in handlers.Values)
        {
            _ = RunAsync(handler, notice);
        }
    }

    public IDisposable Subscribe(string topic, Func<ChangeNotice, Task> handler)
    {
        var id = Guid.NewGuid();
        _topics.GetOrAdd(topic, _ => new()).TryAdd(id, handler);
        return new Subscription(() => _topics.GetValueOrDefault(topic)?.TryRemove(id, out _));
    }

    private async Task RunAsync(Func<ChangeNotice, Task> handler, ChangeNotice notice)
    {
        try
        {
            await handler(notice);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Change feed subscriber failed for {Topic}", notice.Topic);
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
