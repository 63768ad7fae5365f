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
    private readonly string? _file;

    public SqliteTestDb()
        : this(null)
    {
    }

    private SqliteTestDb(string? file)
    {
        _file = file;
        _connection = new SqliteConnection(file is null ? "Data Source=:memory:" : ConnectionString);
        _connection.Open();
        using var db = Open(FixedCurrentUser.System);
        db.Database.EnsureCreated();
    }

    /// <summary>
    /// A database in a temporary file (deleted on dispose) whose contexts each open their own connection, so several
    /// workers or hosts can use it at once as separate instances would (issue 10).
    /// </summary>
    public static SqliteTestDb InFile() => new(Path.Combine(Path.GetTempPath(), $"certhub-test-{Guid.NewGuid():N}.db"));

    /// <summary>The connection string of a file database (<see cref="InFile"/>).</summary>
    public string ConnectionString => $"Data Source={_file};Default Timeout=60";

    /// <summary>A context that sees what <paramref name="user"/> may see.</summary>
    public CertHubDbContext Open(ICurrentUser user) =>
        new SqliteCertHubDbContext(
            _file is null
                ? new DbContextOptionsBuilder<SqliteCertHubDbContext>().UseSqlite(_connection).Options
                : new DbContextOptionsBuilder<SqliteCertHubDbContext>().UseSqlite(ConnectionString).Options,
            user);

    /// <summary>A context as the platform/system user, for arranging data.</summary>
    public CertHubDbContext OpenAsSystem() => Open(FixedCurrentUser.System);

    /// <summary>A factory handing out contexts for <paramref name="user"/>, as services receive it.</summary>
    public ICertHubDbFactory FactoryFor(ICurrentUser user) => new TestDbFactory(this, user);

    public void Dispose()
    {
        _connection.Dispose();
        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(_file);
        }
    }

    private sealed class TestDbFactory(SqliteTestDb owner, ICurrentUser user) : ICertHubDbFactory
    {
        public Task<ICertHubDb> CreateAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<ICertHubDb>(owner.Open(user));
    }
}
