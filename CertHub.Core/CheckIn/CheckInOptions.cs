namespace CertHub.Core.CheckIn;

/// <summary>考场签到 settings (configuration section <c>CheckIn</c>).</summary>
public sealed class CheckInOptions
{
    public const string Section = "CheckIn";

    /// <summary>宽限时间: minutes after the exam start before the roster may be closed (缺考 marked).</summary>
    public int GraceMinutes { get; set; } = 15;

    /// <summary>The HMAC key of the 准考证 签到码 (base64, at least 32 bytes); empty: a key generated once and kept in the file store.</summary>
    public string TokenKey { get; set; } = "";

    /// <summary>The public address printed in the 门贴 QR code (the roster URL); empty: Issuance:PublicBaseUrl.</summary>
    public string PublicBaseUrl { get; set; } = "";

    public TimeSpan Grace => TimeSpan.FromMinutes(Math.Max(0, GraceMinutes));

    /// <summary>The roster page of a room session (the 门贴 QR).</summary>
    public static string RosterPath(int roomSessionId) => $"/checkin/rooms/{roomSessionId}";
}
