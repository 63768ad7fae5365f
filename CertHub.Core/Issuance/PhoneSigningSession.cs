using System.Security.Cryptography;
using CertHub.Core.Common;

namespace CertHub.Core.Issuance;

/// <summary>
/// 手机签名 session: the desk's 签发 dialog opens it and shows its QR code; the phone (anonymous, gated by the random
/// 128-bit <see cref="Token"/>) submits the drawn PNG once; the desk that opened it takes the image, which ends the session.
/// Stored in the database so that the phone may reach any app instance. Expires after <see cref="Lifetime"/>.
/// </summary>
public sealed class PhoneSigningSession : Entity
{
    public const int TokenLength = 32;
    public const int UserNameMaxLength = 256;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private PhoneSigningSession()
    {
    }

    /// <summary>32 lowercase hex digits (128 random bits): the link's only credential.</summary>
    public string Token { get; private set; } = "";

    public string SignerName { get; private set; } = "";

    public int RecordCount { get; private set; }

    /// <summary>The account whose desk opened the session: only it takes the signature.</summary>
    public string OpenedBy { get; private set; } = "";

    /// <summary>The tenant of the account that opened it (the signing organisation, school or province).</summary>
    public int? OrganizationId { get; private set; }

    public int? SchoolId { get; private set; }

    public int? ProvinceId { get; private set; }

    public DateTimeOffset CreatedUtc { get; private set; }

    public DateTimeOffset ExpiresUtc { get; private set; }

    /// <summary>The phone's signature (PNG) once submitted; null while waiting.</summary>
    public byte[]? SignaturePng { get; private set; }

    public DateTimeOffset? SubmittedUtc { get; private set; }

    public static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(TokenLength / 2)).ToLowerInvariant();

    public static PhoneSigningSession Open(ICurrentUser opener, string signerName, int recordCount, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(opener);
        DomainRuleException.ThrowIf(!opener.IsAuthenticated, "请先登录");
        return new PhoneSigningSession
        {
            Token = NewToken(),
            SignerName = Guard.Required(signerName, "签发人", IssuanceRecord.ActorNameMaxLength),
            RecordCount = Guard.Positive(recordCount, "发证记录数"),
            OpenedBy = opener.UserName,
            OrganizationId = opener.OrganizationId,
            SchoolId = opener.SchoolId,
            ProvinceId = opener.ProvinceId,
            CreatedUtc = now,
            ExpiresUtc = now + Lifetime,
        };
    }

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresUtc;

    /// <summary>Waiting for the phone: not expired and no signature yet.</summary>
    public bool IsWaiting(DateTimeOffset now) => SignaturePng is null && !IsExpired(now);

    /// <summary>The phone submits its signature: once, before expiry, a PNG within <see cref="SignatureImageRules"/>.</summary>
    public void Submit(byte[] png, DateTimeOffset now)
    {
        DomainRuleException.ThrowIf(SignaturePng is not null, "签名链接已使用");
        DomainRuleException.ThrowIf(IsExpired(now), "签名链接已过期");
        SignatureImageRules.Check(png);
        SignaturePng = png;
        SubmittedUtc = now;
    }

    /// <summary>Whether <paramref name="user"/> opened this session (only that desk takes the signature or closes it).</summary>
    public bool IsOpenedBy(ICurrentUser user) =>
        user is { IsAuthenticated: true } && string.Equals(user.UserName, OpenedBy, StringComparison.Ordinal);
}
