using System.Data.Common;
using CertHub.Core.Common;
using CertHub.Data;
using CertHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CertHub.Tests.Data.Faults;

/// <summary>The provider error a lost database raises (what SQLite/Npgsql throw is a <see cref="DbException"/> too).</summary>
public sealed class InjectedDbException() : DbException("database is unavailable (injected fault)");

/// <summary>
/// An EF command and transaction interceptor that takes the database away: after <see cref="WritesBeforeOutage"/> write
/// commands (INSERT/UPDATE/DELETE) every command, or the commit when <see cref="FailCommit"/>, throws
/// <see cref="InjectedDbException"/> (or, with <see cref="CancelInstead"/>, cancels as a killed request would), until
/// <see cref="Restore"/>; a one-shot outage (<see cref="Persistent"/> false) comes back right after the first failure.
/// </summary>
public sealed class DatabaseOutage : DbCommandInterceptor, IDbTransactionInterceptor
{
    private int _writes;

    public int WritesBeforeOutage { get; set; } = int.MaxValue;

    public bool FailCommit { get; set; }

    public bool Persistent { get; set; } = true;

    public bool CancelInstead { get; set; }

    /// <summary>With <see cref="Persistent"/>: the database comes back after this many failed commands (0: only <see cref="Restore"/> brings it back).</summary>
    public int RestoreAfterFailures { get; set; }

    public bool Down { get; private set; }

    public int Writes => _writes;

    public int Failures { get; private set; }

    public void Restore()
    {
        Down = false;
        WritesBeforeOutage = int.MaxValue;
        FailCommit = false;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        CheckCommit();
        return result;
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        CheckCommit();
        return ValueTask.FromResult(result);
    }

    private void CheckCommit()
    {
        if (FailCommit)
        {
            Fail();
        }
    }

    private void Check(DbCommand command)
    {
        if (Down)
        {
            Fail();
        }

        var sql = command.CommandText.TrimStart();
        var write = sql.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase) || sql.Contains("\nINSERT", StringComparison.OrdinalIgnoreCase)
            || sql.Contains("\nUPDATE", StringComparison.OrdinalIgnoreCase);
        if (write && ++_writes > WritesBeforeOutage)
        {
            Fail();
        }
    }

    private void Fail()
    {
        Failures++;
        if (Persistent && RestoreAfterFailures > 0 && Failures >= RestoreAfterFailures)
        {
            Restore();
            RestoreAfterFailures = 0;
        }
        else if (Persistent)
        {
            Down = true;
        }
        else
        {
            Restore();
        }

        if (CancelInstead)
        {
            throw new OperationCanceledException("the request was aborted (injected)");
        }

        throw new InjectedDbException();
    }
}

/// <summary>Contexts over a SQLite file database (<see cref="SqliteTestDb.InFile"/>) with <paramref name="outage"/> in their pipeline.</summary>
public sealed class FaultyDbFactory(TestDb db, ICurrentUser user, DatabaseOutage outage) : ICertHubDbFactory
{
    public Task<ICertHubDb> CreateAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<ICertHubDb>(new SqliteCertHubDbContext(
            new DbContextOptionsBuilder<SqliteCertHubDbContext>().UseSqlite(db.ConnectionString).AddInterceptors(outage).Options, user));
}

/// <summary>A file store whose disk fills up: after <see cref="SavesBeforeFull"/> saves (for paths under <see cref="Under"/>) it throws ENOSPC.</summary>
public sealed class FullDiskFileStore(IFileStore inner) : IFileStore
{
    private int _saves;

    public int SavesBeforeFull { get; set; }

    public string Under { get; set; } = "";

    public int Refused { get; private set; }

    public Task<string> SaveAsync(string relativeFolder, string fileName, Stream content, CancellationToken ct = default)
    {
        if (relativeFolder.StartsWith(Under, StringComparison.Ordinal) && ++_saves > SavesBeforeFull)
        {
            Refused++;
            throw new IOException("No space left on device", 28); // ENOSPC as .NET reports it on Linux
        }

        return inner.SaveAsync(relativeFolder, fileName, content, ct);
    }

    public Task<Stream?> OpenReadAsync(string relativePath, CancellationToken ct = default) => inner.OpenReadAsync(relativePath, ct);
}
