using System.Collections.Concurrent;
using System.Security.Cryptography;
using CertHub.Core.Common;

namespace CertHub.Web.Live;

/// <summary>One 手机签名 session: who signs how many records, until when, and the signature once drawn.</summary>
public sealed record SigningSession(string Token, string SignerName, int RecordCount, DateTimeOffset ExpiresUtc);

/// <summary>
/// 手机签名: one-time, expiring (5 min) signing links. The desk dialog opens a session and shows its QR code; the phone page
/// (/sign/{token}, anonymous, gated by the random 128-bit token) submits the drawn PNG once; the desk is told on the
/// <see cref="IChangeFeed"/> topic <see cref="TopicOf"/> and takes the image. In memory, per process.
/// </summary>
public sealed class SigningSessionStore(IChangeFeed changes, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Entry> _sessions = new(StringComparer.Ordinal);

    public static string TopicOf(string token) => $"signing:{token}";

    public SigningSession Open(string signerName, int recordCount)
    {
        RemoveExpired();
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var session = new SigningSession(token, signerName, recordCount, time.GetUtcNow() + Lifetime);
        _sessions[token] = new Entry(session);
        return session;
    }

    /// <summary>The session while it waits for a signature (not expired, not used); null otherwise.</summary>
    public SigningSession? Find(string? token) =>
        token is not null && _sessions.TryGetValue(token, out var entry) && entry.Png is null && !Expired(entry) ? entry.Session : null;

    /// <summary>Stores the phone's signature once; false when the link is unknown, expired or already used.</summary>
    public bool Submit(string token, byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        if (png.Length == 0 || !_sessions.TryGetValue(token, out var entry) || Expired(entry))
        {
            return false;
        }

        lock (entry)
        {
            if (entry.Png is not null)
            {
                return false;
            }

            entry.Png = png;
        }

        changes.Publish(new ChangeNotice(TopicOf(token)));
        return true;
    }

    /// <summary>The desk takes the submitted signature (once); the session ends.</summary>
    public byte[]? Take(string token)
    {
        if (_sessions.TryGetValue(token, out var entry) && entry.Png is { } png)
        {
            _sessions.TryRemove(token, out _);
            return png;
        }

        return null;
    }

    /// <summary>The desk closed its dialog: the link stops working.</summary>
    public void Close(string token) => _sessions.TryRemove(token, out _);

    private bool Expired(Entry entry) => time.GetUtcNow() >= entry.Session.ExpiresUtc;

    private void RemoveExpired()
    {
        foreach (var (token, entry) in _sessions)
        {
            if (Expired(entry))
            {
                _sessions.TryRemove(token, out _);
            }
        }
    }

    private sealed class Entry(SigningSession session)
    {
        public SigningSession Session { get; } = session;

        public byte[]? Png { get; set; }
    }
}
