using CertHub.Core.Common;
using CertHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace CertHub.Tests.Data.Providers;

/// <summary>The provider switch (Database:Provider) and the context each provider gets.</summary>
public sealed class DatabaseSettingsTests
{
    private const string Postgres = "Host=127.0.0.1;Port=5432;Database=certhub;Username=certhub";

    [Theory]
    [InlineData("Postgres")]
    [InlineData("postgresql")]
    [InlineData("POSTGRES")]
    public void From_Should_SelectPostgres_When_ProviderIsPostgres(string provider)
    {
        var settings = DatabaseSettings.From(Configuration(provider, Postgres), Path.GetTempPath());

        Assert.Equal(new DatabaseSettings(DatabaseProvider.Postgres, Postgres), settings);
    }

    [Fact]
    public void From_Should_AskForAConnectionString_When_PostgresHasNone()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => DatabaseSettings.From(Configuration("Postgres", null), Path.GetTempPath()));

        Assert.Contains("ConnectionStrings:CertHub", ex.Message);
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("7")]
    public void From_Should_Refuse_When_ProviderIsUnknown(string provider)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => DatabaseSettings.From(Configuration(provider, Postgres), Path.GetTempPath()));

        Assert.Contains("Sqlite, SqlServer or Postgres", ex.Message);
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres, typeof(PostgresCertHubDbContext), "Npgsql.EntityFrameworkCore.PostgreSQL")]
    [InlineData(DatabaseProvider.SqlServer, typeof(SqlServerCertHubDbContext), "Microsoft.EntityFrameworkCore.SqlServer")]
    [InlineData(DatabaseProvider.Sqlite, typeof(SqliteCertHubDbContext), "Microsoft.EntityFrameworkCore.Sqlite")]
    public void Create_Should_BuildTheProvidersContext_When_SettingsNameIt(DatabaseProvider provider, Type context, string providerName)
    {
        var connection = provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : provider == DatabaseProvider.Postgres ? Postgres : "Server=unused;Database=unused";
        var builder = new CertHubContextBuilder(new DatabaseSettings(provider, connection), Array.Empty<IInterceptor>());

        using var db = builder.Create(FixedCurrentUser.System);

        Assert.IsType(context, db);
        Assert.Equal(providerName, db.Database.ProviderName);
    }

    [Fact]
    public void PostgresModel_Should_StoreInstantsAsTimestamptzInUtc_When_AnOffsetIsGiven()
    {
        using var db = new CertHubContextBuilder(new DatabaseSettings(DatabaseProvider.Postgres, Postgres), []).Create(FixedCurrentUser.System);
        var property = db.Model.FindEntityType(typeof(CertHub.Core.Issuance.IssuanceRecord))!.FindProperty(nameof(CertHub.Core.Issuance.IssuanceRecord.CreatedUtc))!;
        var china = new DateTimeOffset(2021, 9, 23, 8, 0, 0, ChinaTime.Offset);

        var stored = (DateTimeOffset)property.GetTypeMapping().Converter!.ConvertToProvider(china)!;

        Assert.Equal("timestamp with time zone", property.GetColumnType());
        Assert.Equal((TimeSpan.Zero, china.UtcDateTime), (stored.Offset, stored.UtcDateTime));
    }

    private static IConfiguration Configuration(string provider, string? connection) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:CertHub"] = connection,
        }).Build();
}
