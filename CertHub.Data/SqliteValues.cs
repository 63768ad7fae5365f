using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace CertHub.Data;

/// <summary>
/// Binds provider values (after the EF mapping's converter) to a raw SQLite statement by position, the way
/// Microsoft.Data.Sqlite binds them for the store types EF's SQLite mappings use: integers (and bool) as INTEGER,
/// floating point as REAL, strings and the TEXT forms of dates, times, decimals and GUIDs as UTF-8 TEXT, byte[] as BLOB.
/// The binder of a column is chosen once from its mapping; a type it does not know is refused up front.
/// </summary>
internal static class SqliteValues
{
    private const int StackTextBytes = 1024;

    /// <summary>The binder of a column of <paramref name="mapping"/> (value never null: nulls go through <see cref="BindNull"/>).</summary>
    public static Action<sqlite3_stmt, int, object> BinderFor(RelationalTypeMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var type = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        type = type.IsEnum ? Enum.GetUnderlyingType(type) : type;
        var text = string.Equals(mapping.StoreType, "TEXT", StringComparison.OrdinalIgnoreCase);
        return type switch
        {
            _ when type == typeof(string) => (s, i, v) => BindText(s, i, (string)v),
            _ when type == typeof(int) => (s, i, v) => Check(s, raw.sqlite3_bind_int64(s, i, (int)v)),
            _ when type == typeof(long) => (s, i, v) => Check(s, raw.sqlite3_bind_int64(s, i, (long)v)),
            _ when type == typeof(bool) => (s, i, v) => Check(s, raw.sqlite3_bind_int64(s, i, (bool)v ? 1 : 0)),
            _ when type == typeof(short) => (s, i, v) => Check(s, raw.sqlite3_bind_int64(s, i, (short)v)),
            _ when type == typeof(byte) => (s, i, v) => Check(s, raw.sqlite3_bind_int64(s, i, (byte)v)),
            _ when type == typeof(sbyte) => (s, i, v) => Check(s, raw.sqlite3_bind_int64(s, i, (sbyte)v)),
            _ when type == typeof(ushort) => (s, i, v) => Check(s, raw.sqlite3_bind_int64(s, i, (ushort)v)),
            _ when type == typeof(uint) => (s, i, v) => Check(s, raw.sqlite3_bind_int64(s, i, (uint)v)),
            _ when type == typeof(ulong) => (s, i, v) => Check(s, raw.sqlite3_bind_int64(s, i, unchecked((long)(ulong)v))),
            _ when type == typeof(double) => (s, i, v) => BindDouble(s, i, (double)v),
            _ when type == typeof(float) => (s, i, v) => BindDouble(s, i, (float)v),
            _ when type == typeof(byte[]) => (s, i, v) => Check(s, raw.sqlite3_bind_blob(s, i, (byte[])v)),
            _ when type == typeof(decimal) => (s, i, v) => BindText(s, i, ((decimal)v).ToString("0.0###########################", CultureInfo.InvariantCulture)),
            _ when type == typeof(DateOnly) && text => (s, i, v) => BindText(s, i, ((DateOnly)v).ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
            _ when type == typeof(DateTime) && text => (s, i, v) => BindText(s, i, ((DateTime)v).ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            _ when type == typeof(DateTimeOffset) && text => (s, i, v) => BindText(s, i, ((DateTimeOffset)v).ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
            _ when type == typeof(TimeOnly) && text => (s, i, v) => BindText(s, i, TimeText((TimeOnly)v)),
            _ when type == typeof(TimeSpan) && text => (s, i, v) => BindText(s, i, ((TimeSpan)v).ToString("c", CultureInfo.InvariantCulture)),
            _ when type == typeof(Guid) && text => (s, i, v) => BindText(s, i, ((Guid)v).ToString().ToUpperInvariant()),
            _ when type == typeof(char) && text => (s, i, v) => BindText(s, i, new string((char)v, 1)),
            _ => throw new NotSupportedException($"Bulk insert cannot bind {type.Name} stored as {mapping.StoreType}."),
        };
    }

    public static void BindNull(sqlite3_stmt statement, int index) => Check(statement, raw.sqlite3_bind_null(statement, index));

    /// <summary>UTF-8 encoded on the stack when short (no allocation per value); SQLite copies the bytes (SQLITE_TRANSIENT).</summary>
    private static void BindText(sqlite3_stmt statement, int index, string value)
    {
        if (value.Length == 0 || Encoding.UTF8.GetMaxByteCount(value.Length) > StackTextBytes)
        {
            // An empty span would be bound as NULL (its pointer is null); the string overload binds ''.
            Check(statement, raw.sqlite3_bind_text(statement, index, value));
            return;
        }

        Span<byte> buffer = stackalloc byte[StackTextBytes];
        var length = Encoding.UTF8.GetBytes(value, buffer);
        Check(statement, raw.sqlite3_bind_text(statement, index, buffer[..length]));
    }

    private static void BindDouble(sqlite3_stmt statement, int index, double value)
    {
        if (double.IsNaN(value))
        {
            throw new InvalidOperationException("Cannot store 'NaN' values.");
        }

        Check(statement, raw.sqlite3_bind_double(statement, index, value));
    }

    private static string TimeText(TimeOnly value) => value.Ticks % TimeSpan.TicksPerSecond == 0
        ? value.ToString("HH:mm:ss", CultureInfo.InvariantCulture)
        : value.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture);

    private static void Check(sqlite3_stmt statement, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, raw.sqlite3_db_handle(statement));
        }
    }
}
