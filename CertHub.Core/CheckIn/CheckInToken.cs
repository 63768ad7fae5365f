using System.Security.Cryptography;
using CertHub.Core.Common;

namespace CertHub.Core.CheckIn;

/// <summary>What a 准考证 QR code says: this candidate sits this subject of this plan in this room session at this seat.</summary>
public sealed record CheckInTicket(int CandidateId, int ExamPlanId, int SubjectId, int RoomSessionId, int SeatNo);

/// <summary>
/// 签到码: a <see cref="CheckInTicket"/> signed with HMAC-SHA256 (truncated to 128 bits) under a secret key, encoded as
/// base64url (about 40 characters, so the 准考证 QR stays small). Any changed character fails <see cref="Verify"/>; the
/// ticket names its room session, so the token cannot be used in another session (the service compares them).
/// Layout: version (1 byte) + five unsigned LEB128 integers + MAC (16 bytes).
/// </summary>
public sealed class CheckInTokenSigner
{
    public const string InvalidMessage = "签到码无效或已被篡改，请使用准考证号签到";
    public const int MinKeyBytes = 32;
    private const byte Version = 1;
    private const int MacBytes = 16;

    private readonly byte[] _key;

    public CheckInTokenSigner(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinKeyBytes)
        {
            throw new ArgumentException($"The check-in token key needs at least {MinKeyBytes} bytes.", nameof(key));
        }

        _key = [.. key];
    }

    public string Sign(CheckInTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var buffer = new List<byte> { Version };
        foreach (var value in Fields(ticket))
        {
            Guard.Positive(value, "签到码内容");
            WriteVarint(buffer, (uint)value);
        }

        var body = buffer.ToArray();
        return Base64Url(body.Concat(Mac(body)).ToArray());
    }

    /// <summary>The ticket of a well-formed, correctly signed token; null otherwise (never throws on bad input).</summary>
    public CheckInTicket? Verify(string? token)
    {
        var bytes = FromBase64Url(token?.Trim());
        if (bytes is null || bytes.Length <= MacBytes + 1 || bytes[0] != Version)
        {
            return null;
        }

        var body = bytes.AsSpan(0, bytes.Length - MacBytes);
        if (!CryptographicOperations.FixedTimeEquals(Mac(body), bytes.AsSpan(bytes.Length - MacBytes)))
        {
            return null;
        }

        var values = new int[5];
        var position = 1;
        for (var i = 0; i < values.Length; i++)
        {
            if (!TryReadVarint(body, ref position, out var value) || value is 0 or > int.MaxValue)
            {
                return null;
            }

            values[i] = (int)value;
        }

        return position == body.Length ? new CheckInTicket(values[0], values[1], values[2], values[3], values[4]) : null;
    }

    private static int[] Fields(CheckInTicket t) => [t.CandidateId, t.ExamPlanId, t.SubjectId, t.RoomSessionId, t.SeatNo];

    private byte[] Mac(ReadOnlySpan<byte> body) => HMACSHA256.HashData(_key, body)[..MacBytes];

    private static void WriteVarint(List<byte> buffer, uint value)
    {
        while (value >= 0x80)
        {
            buffer.Add((byte)(value | 0x80));
            value >>= 7;
        }

        buffer.Add((byte)value);
    }

    private static bool TryReadVarint(ReadOnlySpan<byte> body, ref int position, out uint value)
    {
        value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (position >= body.Length)
            {
                return false;
            }

            var b = body[position++];
            value |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 200 || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
