using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CertHub.Data;

/// <summary>Builds provider-specific contexts; one instance per application (options are built once).</summary>
public sealed class CertHubContextBuilder
{
    private readonly DbContextOptions<SqliteCertHubDbContext>? _sqlite;
    private readonly DbContextOptions<SqlServerCertHubDbContext>? _sqlServer;

    public CertHubContextBuilder(DatabaseSettings settings, IEnumerable<IInterceptor> interceptors)
    {
        Settings = settings;
        var list = interceptors.ToArray();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            _sqlite = new DbContextOptionsBuilder<SqliteCertHubDbContext>()
                .UseSqlite(settings.ConnectionString, o => o.MigrationsAssembly(typeof(CertHubDbContext).Assembly.FullName))
                .AddInterceptors(list)
                .Options;
        }
        else
        {
            _sqlServer = new DbContextOptionsBuilder<SqlServerCertHubDbContext>()
                .UseSqlServer(settings.ConnectionString, o => o.MigrationsAssembly(typeof(CertHubDbContext).Assembly.FullName))
                .AddInterceptors(list)
                .Options;
        }
    }

    public DatabaseSettings Settings { get; }

    public CertHubDbContext Create(ICurrentUser user) =>
        _sqlite is not null
            ? new SqliteCertHubDbContext(_sqlite, user)
            : new SqlServerCertHubDbContext(_sqlServer!, user);
}

/// <summary>One short-lived context per operation, for the user of the current scope (circuit or request).</summary>
public sealed class CertHubDbFactory(CertHubContextBuilder builder, ICurrentUser currentUser) : ICertHubDbFactory
{
    public Task<ICertHubDb> CreateAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<ICertHubDb>(builder.Create(currentUser));
}
