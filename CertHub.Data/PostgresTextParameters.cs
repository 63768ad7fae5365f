using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CertHub.Data;

/// <summary>
/// PostgreSQL text cannot hold U+0000 (it refuses the whole statement with 22021 "invalid byte sequence"). Every other
/// provider stores it; nobody types it. So on PostgreSQL the character is dropped from string parameters (filters, saved
/// values, arrays of strings) before a command runs, and from COPY values (<see cref="PostgresBulkInsert"/>): a filter holding it
/// finds what the rest of the text finds, a name holding it is saved without it.
/// </summary>
public sealed class PostgresTextParameters : DbCommandInterceptor
{
    public static readonly PostgresTextParameters Instance = new();

    private PostgresTextParameters()
    {
    }

    public static string Clean(string text) => text.Contains('\0', StringComparison.Ordinal) ? text.Replace("\0", "", StringComparison.Ordinal) : text;

    /// <summary>The value with U+0000 dropped from a string or from the strings of an array; anything else unchanged.</summary>
    public static object Clean(object value) => value switch
    {
        string text => Clean(text),
        string?[] texts when texts.Any(t => t is not null && t.Contains('\0', StringComparison.Ordinal)) => texts.Select(t => t is null ? null : Clean(t)).ToArray(),
        _ => value,
    };

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        CleanParameters(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        CleanParameters(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        CleanParameters(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        CleanParameters(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        CleanParameters(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        CleanParameters(command);
        return ValueTask.FromResult(result);
    }

    private static void CleanParameters(DbCommand command)
    {
        foreach (DbParameter parameter in command.Parameters)
        {
            if (parameter.Value is string or string?[])
            {
                parameter.Value = Clean(parameter.Value);
            }
        }
    }
}
