using System.Globalization;

namespace CertHub.Core.Common;

/// <summary>Instants are stored in UTC and shown in China Standard Time (UTC+8), whatever the server's time zone.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChina(this DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>2021-09-20 10:00:00</summary>
    public static string ToChinaDateTimeText(this DateTimeOffset instant) =>
        instant.ToChina().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>2021-09-20</summary>
    public static string ToChinaDateText(this DateTimeOffset instant) =>
        instant.ToChina().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
