using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CertHub.Data;

/// <summary>For `dotnet ef migrations add X --context SqliteCertHubDbContext --output-dir Migrations/Sqlite`.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCertHubDbContext>
{
    public SqliteCertHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCertHubDbContext>().UseSqlite(DatabaseSettings.DefaultSqliteConnection).Options, FixedCurrentUser.System);
}

/// <summary>For `dotnet ef migrations add X --context SqlServerCertHubDbContext --output-dir Migrations/SqlServer`.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerCertHubDbContext>
{
    public SqlServerCertHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerCertHubDbContext>().UseSqlServer("Server=localhost;Database=CertHub;Trusted_Connection=True;TrustServerCertificate=True").Options, FixedCurrentUser.System);
}

/// <summary>For `dotnet ef migrations add X --context PostgresCertHubDbContext --output-dir Migrations/Postgres`.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCertHubDbContext>
{
    public PostgresCertHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCertHubDbContext>().UseNpgsql("Host=localhost;Database=certhub;Username=certhub").Options, FixedCurrentUser.System);
}
