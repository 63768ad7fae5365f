using CertHub.Core.Audit;
using CertHub.Core.Common;
using CertHub.Data.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Data;

/// <summary>
/// The one DbContext. Every query is narrowed to the current user's tenant by the query filters of
/// ApplyTenancyFilters (TenancyFilters.cs); provider-specific subclasses only exist so each provider has its own migrations.
/// </summary>
public partial class CertHubDbContext(DbContextOptions options, ICurrentUser currentUser)
    : IdentityDbContext<CertHubUser>(options), ICertHubDb
{
    public ICurrentUser CurrentUser { get; } = currentUser;

    /// <summary>The clock stamped on audit entries; tests may replace it.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    // Tenant values read by the query filters (EF parameterizes them per context instance).
    internal bool TenantIsPlatform => CurrentUser.IsPlatform();

    internal int? TenantSchoolId => CurrentUser.IsSchool() ? CurrentUser.SchoolId : null;

    internal int? TenantOrganizationId => CurrentUser.IsOrganization() ? CurrentUser.OrganizationId : null;

    internal int? TenantProvinceId => CurrentUser.IsProvince() ? CurrentUser.ProvinceId : null;

    /// <summary>
    /// Saves, and writes an audit entry for every status change in the same transaction. Every changed entity's
    /// <see cref="Entity.RowVersion"/> is incremented (the loaded value is checked in the WHERE clause); when another user
    /// saved the row in between, nothing is written and a <see cref="DomainRuleException"/> says so (<see cref="ConcurrencyConflict"/>).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ConcurrencyTokens.Advance(ChangeTracker);
        try
        {
            return await SaveWithAuditAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw ConcurrencyConflict.From(ex);
        }
    }

    private async Task<int> SaveWithAuditAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var pending = AuditWriter.Collect(ChangeTracker);
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            Set<AuditEntry>().AddRange(AuditWriter.ToEntries(pending, CurrentUser, Clock.GetUtcNow()));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return count;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CertHubDbContext).Assembly);
        ApplyTenancyFilters(builder);
        ConcurrencyTokens.Configure(builder);
    }
}

/// <summary>SQLite flavour (the embedded default); its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteCertHubDbContext(DbContextOptions<SqliteCertHubDbContext> options, ICurrentUser currentUser)
    : CertHubDbContext(options, currentUser), IBulkInsert
{
    /// <summary>Prepared raw INSERTs on this context's connection and transaction, with the same audit entries (see <see cref="SqliteBulkInsert"/>).</summary>
    public Task<int> BulkInsertAsync<TEntity>(IReadOnlyList<TEntity> entities, CancellationToken cancellationToken = default) where TEntity : Entity =>
        SqliteBulkInsert.InsertAsync(this, entities, cancellationToken);

    /// <summary>
    /// SQLite cannot compare or order DateTimeOffset text, so instants are stored as UTC ticks (all instants are UTC):
    /// time windows filter and sort in the database.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}

/// <summary>SQL Server flavour (production option); its migrations live in Migrations/SqlServer.</summary>
public sealed class SqlServerCertHubDbContext(DbContextOptions<SqlServerCertHubDbContext> options, ICurrentUser currentUser)
    : CertHubDbContext(options, currentUser);

/// <summary>
/// PostgreSQL flavour (the server database CI runs); its migrations live in Migrations/Postgres. Npgsql stores
/// DateTimeOffset as timestamptz and refuses non-UTC offsets, so every instant (values and query parameters, e.g. a
/// China-time day boundary) is normalised to UTC on the way in; it always reads back as UTC.
/// </summary>
public sealed class PostgresCertHubDbContext(DbContextOptions<PostgresCertHubDbContext> options, ICurrentUser currentUser)
    : CertHubDbContext(options, currentUser), IBulkInsert
{
    /// <summary>Binary COPY with keys drawn from the tables' identity sequences (see <see cref="PostgresBulkInsert"/>).</summary>
    public Task<int> BulkInsertAsync<TEntity>(IReadOnlyList<TEntity> entities, CancellationToken cancellationToken = default) where TEntity : Entity =>
        PostgresBulkInsert.InsertAsync(this, entities, cancellationToken);

    /// <summary>
    /// However the options were built: U+0000 is dropped from text parameters (<see cref="PostgresTextParameters"/>), and the
    /// pool recovers after a database restart, reads being retried once (<see cref="PostgresReconnect"/>, after the first).
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        base.OnConfiguring(optionsBuilder);
        optionsBuilder.AddInterceptors(PostgresTextParameters.Instance, PostgresReconnect.Instance);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(),
        v => v.ToUniversalTime());
}
