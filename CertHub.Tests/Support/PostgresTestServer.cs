using CertHub.Core.Common;
using CertHub.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CertHub.Tests.Support;

/// <summary>
/// The PostgreSQL server of a test run: a template database with the schema (EnsureCreated), created on first use and
/// dropped when the process exits; each test database is a file copy of it (CREATE DATABASE … TEMPLATE, STRATEGY FILE_COPY).
/// </summary>
public static class PostgresTestServer
{
    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lock CreateLock = new();

    public static bool IsSelected =>
        string.Equals(Environment.GetEnvironmentVariable("CERTHUB_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("CERTHUB_TEST_PG") is { Length: > 0 } text
            ? text
            : throw new InvalidOperationException("CERTHUB_TEST_DB=postgres needs CERTHUB_TEST_PG, e.g. Host=127.0.0.1;Port=5432;Username=postgres");

    /// <summary>A fresh database with the schema; <paramref name="empty"/>: without any table (to test migrations).</summary>
    public static (string Name, string ConnectionString) CreateDatabase(bool empty = false)
    {
        var name = $"certhub_test_{Guid.NewGuid():N}";
        if (empty)
        {
            Execute($"CREATE DATABASE \"{name}\"");
            return (name, For(name, pooling: true));
        }

        var template = Template.Value;
        lock (CreateLock)
        {
            Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\" STRATEGY FILE_COPY");
        }

        return (name, For(name, pooling: true));
    }

    public static void DropDatabase(string name, string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static string CreateTemplate()
    {
        var name = $"certhub_template_{Environment.ProcessId}";
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        Execute($"CREATE DATABASE \"{name}\"");
        using (var db = new PostgresCertHubDbContext(
            new DbContextOptionsBuilder<PostgresCertHubDbContext>().UseNpgsql(For(name, pooling: false)).Options, FixedCurrentUser.System))
        {
            db.Database.EnsureCreated();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        return name;
    }

    private static string For(string database, bool pooling) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = pooling }.ConnectionString;

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(For("postgres", pooling: false));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
