using CertHub.Core.Common;
using CertHub.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Support;

/// <summary>
/// A real SQLite database in memory, kept alive by one open connection for the test's lifetime.
/// Open contexts as different users with <see cref="Open"/>; the schema is created from the model.
/// </summary>
public sealed class SqliteTestDb : IDisposable
{
    private readonly SqliteConnection _connection;

    public SqliteTestDb()
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        using var db = Open(FixedCurrentUser.System);
        db.Database.EnsureCreated();
    }

    /// <summary>A context that sees what <paramref name="user"/> may see.</summary>
    public CertHubDbContext Open(ICurrentUser user) =>
        new SqliteCertHubDbContext(
            new DbContextOptionsBuilder<SqliteCertHubDbContext>().UseSqlite(_connection).Options,
            user);

    /// <summary>A context as the platform/system user, for arranging data.</summary>
    public CertHubDbContext OpenAsSystem() => Open(FixedCurrentUser.System);

    /// <summary>A factory handing out contexts for <paramref name="user"/>, as services receive it.</summary>
    public ICertHubDbFactory FactoryFor(ICurrentUser user) => new TestDbFactory(this, user);

    public void Dispose() => _connection.Dispose();

    private sealed class TestDbFactory(SqliteTestDb owner, ICurrentUser user) : ICertHubDbFactory
    {
        public Task<ICertHubDb> CreateAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<ICertHubDb>(owner.Open(user));
    }
}
