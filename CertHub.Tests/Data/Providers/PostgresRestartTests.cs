using CertHub.Core.Accounts;
using CertHub.Core.Common;
using CertHub.Core.ExamSites;
using CertHub.Data;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CertHub.Tests.Data.Providers;

/// <summary>
/// After PostgreSQL ends every session (a restart; here <c>pg_terminate_backend</c> on each of the database's backends, which
/// gives the pooled connections the same 57P01) the app recovers (<see cref="PostgresReconnect"/>): reads outside a
/// transaction do not fail at all, and writes fail at most once — the first failure clears the pool's dead connections.
/// </summary>
public sealed class PostgresRestartTests : IDisposable
{
    private const int PooledConnections = 8;
    private const int Calls = 12;
    private readonly SqliteTestDb _db = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(2));

    public void Dispose() => _db.Dispose();

    private ExamSiteService Service() => new(_db.FactoryFor(FixedCurrentUser.System), FixedCurrentUser.System, new RecordingChangeFeed(), _clock);

    /// <summary>Fills the pool with <see cref="PooledConnections"/> idle connections (opened at once, then returned).</summary>
    private async Task WarmPoolAsync()
    {
        var contexts = Enumerable.Range(0, PooledConnections).Select(_ => _db.OpenAsSystem()).ToList();
        foreach (var context in contexts)
        {
            await context.Database.OpenConnectionAsync();
        }

        foreach (var context in contexts)
        {
            await context.DisposeAsync();
        }
    }

    /// <summary>Ends every other session on this database, as a restart does; returns how many were ended.</summary>
    private async Task<int> TerminateBackendsAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(_db.ConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
            connection);
        var ended = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await Task.Delay(200);
        return ended;
    }

    private static async Task<List<Exception>> CallAsync(int calls, Func<int, Task> call)
    {
        var failures = new List<Exception>();
        for (var i = 0; i < calls; i++)
        {
            try
            {
                await call(i);
            }
            catch (Exception ex) when (ex is DbUpdateException or NpgsqlException or InvalidOperationException)
            {
                failures.Add(ex);
            }
        }

        return failures;
    }

    [PostgresFact]
    public async Task Reads_Should_NotFail_When_EverySessionWasEnded()
    {
        await Service().ListAsync(new(), new(), default);
        await WarmPoolAsync();

        var ended = await TerminateBackendsAsync();
        var failures = await CallAsync(Calls, async _ => await Service().ListAsync(new(), new(), default));

        Assert.True(ended >= PooledConnections, $"{ended} sessions ended");
        Assert.True(failures.Count == 0, $"{failures.Count} of {Calls} reads failed: {string.Join(" | ", failures.Select(f => f.GetBaseException().Message))}");
    }

    [PostgresFact]
    public async Task SynchronousReads_Should_NotFail_When_EverySessionWasEnded()
    {
        await WarmPoolAsync();

        var ended = await TerminateBackendsAsync();
        var failures = await CallAsync(Calls, _ =>
        {
            using var db = _db.OpenAsSystem();
            _ = db.Set<SmsSendWindow>().Count();
            return Task.CompletedTask;
        });

        Assert.True(ended >= PooledConnections, $"{ended} sessions ended");
        Assert.True(failures.Count == 0, $"{failures.Count} of {Calls} reads failed: {string.Join(" | ", failures.Select(f => f.GetBaseException().Message))}");
    }

    [PostgresFact]
    public async Task ConcurrentReads_Should_NotFail_When_EverySessionWasEnded()
    {
        await Service().ListAsync(new(), new(), default);
        await WarmPoolAsync();

        var ended = await TerminateBackendsAsync();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, PooledConnections).Select(_ => Task.Run(async () =>
            await CallAsync(1, async _ => await Service().CountsAsync(new(), default)))));
        var failures = outcomes.SelectMany(f => f).ToList();

        Assert.True(ended >= PooledConnections, $"{ended} sessions ended");
        Assert.True(failures.Count == 0, $"{failures.Count} of {PooledConnections} concurrent reads failed: {string.Join(" | ", failures.Select(f => f.GetBaseException().Message))}");
    }

    [PostgresFact]
    public async Task Writes_Should_FailAtMostOnce_When_EverySessionWasEnded()
    {
        await WarmPoolAsync();

        var ended = await TerminateBackendsAsync();
        var failures = await CallAsync(Calls, async i =>
        {
            await using var db = _db.OpenAsSystem();
            db.Add(SmsSendWindow.Open($"phone:1380013800{i % 10}{i / 10}", _clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });

        Assert.True(ended >= PooledConnections, $"{ended} sessions ended");
        Assert.True(failures.Count <= 1, $"{failures.Count} of {Calls} writes failed: {string.Join(" | ", failures.Select(f => f.GetBaseException().Message))}");
        Assert.All(failures, f => Assert.True(PostgresReconnect.IsSessionEnded(f.GetBaseException()) || f.InnerException is { } inner && PostgresReconnect.IsSessionEnded(inner), f.ToString()));
        await using var check = _db.OpenAsSystem();
        Assert.Equal(Calls - failures.Count, await check.Set<SmsSendWindow>().CountAsync());
    }

    [PostgresFact]
    public async Task Reads_Should_FailAsBefore_When_TheyRunInAUserTransaction()
    {
        await using var db = _db.OpenAsSystem();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Set<SmsSendWindow>().CountAsync();

        await TerminateBackendsAsync();
        var failure = await Record.ExceptionAsync(() => db.Set<SmsSendWindow>().CountAsync());

        Assert.NotNull(failure);
        Assert.True(PostgresReconnect.IsSessionEnded(failure.InnerException ?? failure), failure.ToString());
    }
}
