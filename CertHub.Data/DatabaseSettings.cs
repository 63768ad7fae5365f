using Microsoft.Extensions.Configuration;

namespace CertHub.Data;

/// <summary>Which database to use: <c>Database:Provider</c> = Sqlite (default) | SqlServer | Postgres (alias PostgreSQL), and <c>ConnectionStrings:CertHub</c>.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteConnection = "Data Source=data/certhub.db";

    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText)
            ? DatabaseProvider.Sqlite
            : string.Equals(providerText, "PostgreSQL", StringComparison.OrdinalIgnoreCase)
                ? DatabaseProvider.Postgres
                : Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                    ? parsed
                    : throw new InvalidOperationException($"Unknown Database:Provider '{providerText}'. Use Sqlite, SqlServer or Postgres.");
        var connection = configuration.GetConnectionString("CertHub");
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = provider == DatabaseProvider.Sqlite
                ? DefaultSqliteConnection
                : throw new InvalidOperationException($"ConnectionStrings:CertHub is required for {provider}.");
        }

        return new DatabaseSettings(provider, provider == DatabaseProvider.Sqlite ? RootSqlitePath(connection, contentRoot) : connection);
    }

    /// <summary>A relative SQLite file goes under the content root, and its folder is created.</summary>
    private static string RootSqlitePath(string connection, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection);
        if (builder.DataSource != ":memory:" && !string.IsNullOrEmpty(builder.DataSource) && builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            var path = Path.IsPathRooted(builder.DataSource) ? builder.DataSource : Path.Combine(contentRoot, builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            builder.DataSource = path;
        }

        return builder.ToString();
    }
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    Postgres,
}
