using CertHub.Core.Common;
using CertHub.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CertHub.Tests.Support;

/// <summary>
/// The test database of the data and service suites: one test base, two providers. By default a real SQLite database in
/// memory, kept alive by one open connection for the test's lifetime. With <c>CERTHUB_TEST_DB=postgres</c> (and
/// <c>CERTHUB_TEST_PG</c>, a connection string to a server where the user may create databases) each instance is a fresh
/// PostgreSQL database cloned from a template built once per test run, and dropped on dispose.
/// Open contexts as different users with <see cref="Open"/>; the schema is created from the model.
/// </summary>
public class TestDb : IDisposable
{
    private readonly SqliteConnection? _sqlite;
    private readonly DbContextOptions<PostgresCertHubDbContext>? _postgres;
    private readonly string? _postgresDatabase;
    private readonly string? _sqliteFile;

    public TestDb()
    {
        if (PostgresTestServer.IsSelected)
        {
            (_postgresDatabase, ConnectionString) = PostgresTestServer.CreateDatabase();
            _postgres = new DbContextOptionsBuilder<PostgresCertHubDbContext>().UseNpgsql(ConnectionString).Options;
            return;
        }

        _sqlite = new SqliteConnection("Data Source=:memory:");
        _sqlite.Open();
        ConnectionString = _sqlite.ConnectionString;
        using var db = Open(FixedCurrentUser.System);
        db.Database.EnsureCreated();
    }

    /// <summary>
    /// A SQLite database in the temporary file <paramref name="sqliteFile"/> (deleted on dispose) whose contexts each open
    /// their own connection, so several workers or hosts can use it at once as separate instances would (issue 10).
    /// </summary>
    protected TestDb(string sqliteFile)
    {
        _sqliteFile = sqliteFile;
        ConnectionString = $"Data Source={sqliteFile};Default Timeout=60";
        _sqlite = new SqliteConnection(ConnectionString);
        _sqlite.Open();
        using var db = Open(FixedCurrentUser.System);
        db.Database.EnsureCreated();
    }

    /// <summary>The provider the suites run on (environment <c>CERTHUB_TEST_DB</c>).</summary>
    public static DatabaseProvider Provider => PostgresTestServer.IsSelected ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>The connection string of this database (for SQLite in memory only valid through <see cref="Open"/>).</summary>
    public string ConnectionString { get; }

    /// <summary>A context that sees what <paramref name="user"/> may see.</summary>
    public CertHubDbContext Open(ICurrentUser user) => OpenWith(user, []);

    /// <summary>A context that sees what <paramref name="user"/> may see, with <paramref name="interceptors"/> in its pipeline (fault injection, issue 10).</summary>
    public CertHubDbContext OpenWith(ICurrentUser user, IInterceptor[] interceptors) =>
        _postgres is not null
            ? new PostgresCertHubDbContext(new DbContextOptionsBuilder<PostgresCertHubDbContext>(_postgres).AddInterceptors(interceptors).Options, user)
            : new SqliteCertHubDbContext(
                _sqliteFile is null
                    ? new DbContextOptionsBuilder<SqliteCertHubDbContext>().UseSqlite(_sqlite!).AddInterceptors(interceptors).Options
                    : new DbContextOptionsBuilder<SqliteCertHubDbContext>().UseSqlite(ConnectionString).AddInterceptors(interceptors).Options,
                user);

    /// <summary>A context as the platform/system user, for arranging data.</summary>
    public CertHubDbContext OpenAsSystem() => Open(FixedCurrentUser.System);

    /// <summary>A factory handing out contexts for <paramref name="user"/>, as services receive it.</summary>
    public ICertHubDbFactory FactoryFor(ICurrentUser user) => new TestDbFactory(this, user, []);

    /// <summary>A factory whose contexts have <paramref name="interceptors"/> in their pipeline (e.g. a database outage).</summary>
    public ICertHubDbFactory FactoryFor(ICurrentUser user, params IInterceptor[] interceptors) => new TestDbFactory(this, user, interceptors);

    public void Dispose()
    {
        _sqlite?.Dispose();
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(_sqliteFile);
        }

        if (_postgresDatabase is not null)
        {
            PostgresTestServer.DropDatabase(_postgresDatabase, ConnectionString);
        }

        GC.SuppressFinalize(this);
    }

    private sealed class TestDbFactory(TestDb owner, ICurrentUser user, IInterceptor[] interceptors) : ICertHubDbFactory
    {
        public Task<ICertHubDb> CreateAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<ICertHubDb>(owner.OpenWith(user, interceptors));
    }
}

/// <summary>The name the suites were written with; the provider is chosen by <c>CERTHUB_TEST_DB</c> (see <see cref="TestDb"/>).</summary>
public sealed class SqliteTestDb : TestDb
{
    public SqliteTestDb()
    {
    }

    private SqliteTestDb(string file)
        : base(file)
    {
    }

    /// <summary>A SQLite file database (whatever <c>CERTHUB_TEST_DB</c> says) for tests of several instances over one database.</summary>
    public static SqliteTestDb InFile() => new(Path.Combine(Path.GetTempPath(), $"certhub-test-{Guid.NewGuid():N}.db"));
}
