using System.Data;
using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CertHub.Data;

/// <summary>
/// Recovery after PostgreSQL restarts (issue 10). A restart (or <c>pg_terminate_backend</c>) ends every session, but the
/// pool's idle connections only find out when next used: each would fail once with 57P01 "terminating connection due to
/// administrator command", a burst of errors for users. So on PostgreSQL:
/// <list type="bullet">
/// <item>the first command failing because its session was ended clears the connection's pool
/// (<see cref="NpgsqlConnection.ClearPool"/>): the following operations get fresh connections;</item>
/// <item>a read-only query (a single <c>SELECT</c>) outside any transaction that fails so when it is sent is run again on a
/// fresh connection (see <see cref="MaxRetries"/>): nothing was read or written yet, so repeating it is safe.</item>
/// </list>
/// Writes and commands inside a transaction are never repeated (a transaction's earlier statements died with the session, and
/// whether a write committed is unknown): they fail as before, once, and the caller decides. EF Core's retrying execution
/// strategy is not used because it refuses user-initiated transactions, which the services use, and buffers every query.
/// </summary>
public sealed class PostgresReconnect : DbCommandInterceptor
{
    /// <summary>
    /// How often a read is run again: until it gets a live connection, at most once per connection the pool can hold (its
    /// Max Pool Size) — each failed attempt discards one dead connection. Clearing the pool is not enough on its own: under
    /// concurrent requests the faults bench saw the pool hand out dead connections again right after being cleared (3 of 112
    /// reads still failed with 3 retries each; the cause inside the pool was not pinned down), so the loop drains them.
    /// </summary>
    private static int MaxRetries(DbCommand command) =>
        new NpgsqlConnectionStringBuilder(command.Connection!.ConnectionString).MaxPoolSize + 1;

    public static readonly PostgresReconnect Instance = new();

    private PostgresReconnect()
    {
    }

    /// <summary>
    /// The session was ended under the command (57P01 admin shutdown, 57P02 crash shutdown, 57P03 not accepting connections
    /// yet) or its socket was closed: the connection is gone, the server may well be back.
    /// </summary>
    public static bool IsSessionEnded(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException npgsql => npgsql.InnerException is IOException or SocketException or EndOfStreamException,
        _ => false,
    };

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (result.HasResult || !IsRetryableRead(command, eventData))
        {
            return result;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return InterceptionResult<DbDataReader>.SuppressWithResult(command.ExecuteReader());
            }
            catch (Exception ex) when (IsSessionEnded(ex) && attempt <= MaxRetries(command))
            {
                Reconnect(command);
                command.Connection!.Open();
            }
        }
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (result.HasResult || !IsRetryableRead(command, eventData))
        {
            return result;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return InterceptionResult<DbDataReader>.SuppressWithResult(await command.ExecuteReaderAsync(cancellationToken));
            }
            catch (Exception ex) when (IsSessionEnded(ex) && !cancellationToken.IsCancellationRequested && attempt <= MaxRetries(command))
            {
                Reconnect(command);
                await command.Connection!.OpenAsync(cancellationToken);
            }
        }
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ClearPoolWhenEnded(command, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ClearPoolWhenEnded(command, eventData.Exception);
        return Task.CompletedTask;
    }

    /// <summary>A single SELECT, on a connection of this provider, in no transaction (the command's, the context's or ambient).</summary>
    private static bool IsRetryableRead(DbCommand command, CommandEventData eventData)
    {
        if (command.Connection is not NpgsqlConnection || command.Transaction is not null
            || eventData.Context?.Database.CurrentTransaction is not null || System.Transactions.Transaction.Current is not null)
        {
            return false;
        }

        var text = command.CommandText.AsSpan().Trim().TrimEnd(';');
        return text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !text.Contains(';');
    }

    private static void ClearPoolWhenEnded(DbCommand command, Exception exception)
    {
        if (IsSessionEnded(exception) && command.Connection is NpgsqlConnection connection)
        {
            NpgsqlConnection.ClearPool(connection);
        }
    }

    /// <summary>Drops the dead pooled connections and closes this one (broken), so it can be opened on a fresh session.</summary>
    private static void Reconnect(DbCommand command)
    {
        var connection = (NpgsqlConnection)command.Connection!;
        NpgsqlConnection.ClearPool(connection);
        if (connection.FullState != ConnectionState.Closed)
        {
            connection.Close();
        }
    }
}
