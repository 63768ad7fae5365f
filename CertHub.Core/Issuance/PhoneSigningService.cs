using CertHub.Core.Accounts;
using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Issuance;

/// <summary>A 手机签名 link as the desk and the phone see it.</summary>
public sealed record PhoneSigningLink(string Token, string SignerName, int RecordCount, DateTimeOffset ExpiresUtc);

/// <summary>
/// 手机签名 sessions in the database (<see cref="PhoneSigningSession"/>), so that the desk and the phone may be served by
/// different app instances: the desk opens a one-time, expiring link (签发 permission); the phone, anonymous and holding
/// only the random token, reads it and submits the drawn PNG once (two submits racing on two instances: the row's
/// concurrency token lets one win); the desk is told on <see cref="TopicOf"/> and takes the image, which deletes the row.
/// Only the account that opened a session takes or closes it; the tenancy filter hides it from other tenants.
/// </summary>
public sealed class PhoneSigningService(ICertHubDbFactory dbFactory, ICurrentUser currentUser, IChangeFeed changes, TimeProvider clock)
{
    public static string TopicOf(string token) => $"signing:{token}";

    /// <summary>Opens a link for the desk (and deletes expired ones of every tenant).</summary>
    public async Task<PhoneSigningLink> OpenAsync(string signerName, int recordCount, CancellationToken ct)
    {
        currentUser.Demand(Permissions.IssuanceSign);
        var now = clock.GetUtcNow();
        var session = PhoneSigningSession.Open(currentUser, signerName, recordCount, now);
        await using var db = await dbFactory.CreateAsync(ct);
        await db.Set<PhoneSigningSession>().IgnoreQueryFilters().Where(s => s.ExpiresUtc <= now).ExecuteDeleteAsync(ct);
        db.Set<PhoneSigningSession>().Add(session);
        await db.SaveChangesAsync(ct);
        return ToLink(session);
    }

    /// <summary>The phone page: the link while it waits for a signature (not expired, not used); null otherwise.</summary>
    public async Task<PhoneSigningLink?> FindAsync(string? token, CancellationToken ct)
    {
        if (!IsWellFormed(token))
        {
            return null;
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var session = await ByToken(db, token!).AsNoTracking().FirstOrDefaultAsync(ct);
        return session is not null && session.IsWaiting(clock.GetUtcNow()) ? ToLink(session) : null;
    }

    /// <summary>The phone submits the signature once; false when the link is unknown, expired or already used.</summary>
    public async Task<bool> SubmitAsync(string token, byte[] png, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(png);
        if (!IsWellFormed(token))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(ct);
        var session = await ByToken(db, token).AsTracking().FirstOrDefaultAsync(ct);
        if (session is null || !session.IsWaiting(now))
        {
            return false;
        }

        session.Submit(png, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleException ex) when (ConcurrencyConflict.Is(ex))
        {
            return false; // another instance took the same link's first submit
        }

        changes.Publish(new ChangeNotice(TopicOf(token)));
        return true;
    }

    /// <summary>The desk that opened the link takes the submitted signature (once); the session ends. Null while none.</summary>
    public async Task<byte[]?> TakeAsync(string token, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var session = await db.Set<PhoneSigningSession>().AsTracking().FirstOrDefaultAsync(s => s.Token == token, ct);
        if (session is null || !session.IsOpenedBy(currentUser) || session.SignaturePng is not { } png)
        {
            return null;
        }

        db.Set<PhoneSigningSession>().Remove(session);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DomainRuleException ex) when (ConcurrencyConflict.Is(ex))
        {
            return null; // taken by the same desk on another instance
        }

        return png;
    }

    /// <summary>The desk closed its dialog: the link stops working.</summary>
    public async Task CloseAsync(string token, CancellationToken ct)
    {
        var userName = currentUser.UserName;
        await using var db = await dbFactory.CreateAsync(ct);
        await db.Set<PhoneSigningSession>().Where(s => s.Token == token && s.OpenedBy == userName).ExecuteDeleteAsync(ct);
    }

    /// <summary>The phone is anonymous: the 128-bit token is its only credential, so this lookup bypasses the tenancy filter.</summary>
    private static IQueryable<PhoneSigningSession> ByToken(ICertHubDb db, string token) =>
        db.Set<PhoneSigningSession>().IgnoreQueryFilters().Where(s => s.Token == token);

    private static bool IsWellFormed(string? token) =>
        token is { Length: PhoneSigningSession.TokenLength } && token.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private static PhoneSigningLink ToLink(PhoneSigningSession s) => new(s.Token, s.SignerName, s.RecordCount, s.ExpiresUtc);
}
