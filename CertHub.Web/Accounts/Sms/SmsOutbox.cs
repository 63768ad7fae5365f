using System.Collections.Concurrent;
using CertHub.Core.Accounts;

namespace CertHub.Web.Accounts.Sms;

/// <summary>One text the development outbox received.</summary>
public sealed record OutboxMessage(DateTimeOffset SentUtc, string Phone, string Text);

/// <summary>
/// 短信发件箱 (development): texts are kept in memory (the latest <see cref="Capacity"/>) and logged instead of sent;
/// the platform admin reads them at /system/sms-outbox.
/// </summary>
public sealed class SmsOutbox(TimeProvider clock, ILogger<SmsOutbox> logger) : ISmsSender
{
    public const int Capacity = 200;
    private readonly ConcurrentQueue<OutboxMessage> _messages = new();

    public Task SendAsync(string phone, string text, CancellationToken ct)
    {
        _messages.Enqueue(new OutboxMessage(clock.GetUtcNow(), phone, text));
        while (_messages.Count > Capacity && _messages.TryDequeue(out _))
        {
        }

        logger.LogInformation("SMS outbox {Phone}: {Text}", phone, text);
        return Task.CompletedTask;
    }

    /// <summary>The messages, newest first.</summary>
    public IReadOnlyList<OutboxMessage> Messages => [.. _messages.Reverse()];
}
