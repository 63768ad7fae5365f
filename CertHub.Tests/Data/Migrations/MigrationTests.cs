using CertHub.Core.Common;
using CertHub.Data;
using CertHub.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Data.Migrations;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrate_Should_CreateTheWholeModel_When_DatabaseIsEmpty()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = new SqliteCertHubDbContext(
            new DbContextOptionsBuilder<SqliteCertHubDbContext>().UseSqlite(connection).Options, FixedCurrentUser.System);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The SQLite model has changed since the last migration: add one (see README).");
        Assert.Equal(0, await db.Set<CertHub.Core.Issuance.IssuanceRecord>().CountAsync());
    }

    [PostgresFact]
    public async Task Migrate_Should_CreateTheWholeModelOnPostgres_When_DatabaseIsEmpty()
    {
        var (name, connectionString) = PostgresTestServer.CreateDatabase(empty: true);
        try
        {
            await using var db = new PostgresCertHubDbContext(
                new DbContextOptionsBuilder<PostgresCertHubDbContext>().UseNpgsql(connectionString).Options, FixedCurrentUser.System);

            await db.Database.MigrateAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await db.Set<CertHub.Core.Issuance.IssuanceRecord>().CountAsync());
        }
        finally
        {
            PostgresTestServer.DropDatabase(name, connectionString);
        }
    }

    [Fact]
    public void PostgresMigrations_Should_MatchTheModel()
    {
        using var db = new PostgresCertHubDbContext(
            new DbContextOptionsBuilder<PostgresCertHubDbContext>().UseNpgsql("Host=unused;Database=unused").Options, FixedCurrentUser.System);

        Assert.False(db.Database.HasPendingModelChanges(), "The PostgreSQL model has changed since the last migration: add one (see README).");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void SqlServerMigrations_Should_MatchTheModel()
    {
        using var db = new SqlServerCertHubDbContext(
            new DbContextOptionsBuilder<SqlServerCertHubDbContext>().UseSqlServer("Server=unused;Database=unused").Options, FixedCurrentUser.System);

        Assert.False(db.Database.HasPendingModelChanges(), "The SQL Server model has changed since the last migration: add one (see README).");
        Assert.NotEmpty(db.Database.GetMigrations());
    }
}
