using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CertHub.Data;

/// <summary>Builds provider-specific contexts; one instance per application (options are built once).</summary>
public sealed class CertHubContextBuilder
{
    private readonly Func<ICurrentUser, CertHubDbContext> _create;

    public CertHubContextBuilder(DatabaseSettings settings, IEnumerable<IInterceptor> interceptors)
    {
        Settings = settings;
        var list = interceptors.ToArray();
        var migrations = typeof(CertHubDbContext).Assembly.FullName;
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = new DbContextOptionsBuilder<SqliteCertHubDbContext>()
                    .UseSqlite(settings.ConnectionString, o => o.MigrationsAssembly(migrations))
                    .AddInterceptors(list)
                    .Options;
                _create = user => new SqliteCertHubDbContext(sqlite, user);
                break;
            case DatabaseProvider.Postgres:
                var postgres = new DbContextOptionsBuilder<PostgresCertHubDbContext>()
                    .UseNpgsql(settings.ConnectionString, o => o.MigrationsAssembly(migrations))
                    .AddInterceptors(list)
                    .Options;
                _create = user => new PostgresCertHubDbContext(postgres, user);
                break;
            default:
                var sqlServer = new DbContextOptionsBuilder<SqlServerCertHubDbContext>()
                    .UseSqlServer(settings.ConnectionString, o => o.MigrationsAssembly(migrations))
                    .AddInterceptors(list)
                    .Options;
                _create = user => new SqlServerCertHubDbContext(sqlServer, user);
                break;
        }
    }

    public DatabaseSettings Settings { get; }

    public CertHubDbContext Create(ICurrentUser user) => _create(user);
}

/// <summary>One short-lived context per operation, for the user of the current scope (circuit or request).</summary>
public sealed class CertHubDbFactory(CertHubContextBuilder builder, ICurrentUser currentUser) : ICertHubDbFactory
{
    public Task<ICertHubDb> CreateAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<ICertHubDb>(builder.Create(currentUser));
}
