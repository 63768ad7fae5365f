using System.Reflection;
using CertHub.Core.Audit;
using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace CertHub.Data;

/// <summary>
/// <see cref="IBulkInsert"/> for PostgreSQL: the keys are drawn in one round trip from the table's identity sequence
/// (<c>nextval</c> over <c>generate_series</c>) and set on the entities, then the rows are streamed with one binary
/// <c>COPY … FROM STDIN</c> built from the EF model (value converters applied, so rows are stored exactly as EF stores them),
/// on the context's connection and current transaction (one is begun and committed when none is open). The 创建 audit
/// entries <see cref="CertHubDbContext.SaveChangesAsync(bool, CancellationToken)"/> would write are copied the same way.
/// </summary>
internal static class PostgresBulkInsert
{
    public static async Task<int> InsertAsync<TEntity>(CertHubDbContext context, IReadOnlyList<TEntity> entities, CancellationToken ct)
        where TEntity : Entity
    {
        ArgumentNullException.ThrowIfNull(entities);
        if (entities.Count == 0)
        {
            return 0;
        }

        var type = context.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var statuses = typeof(TEntity) == typeof(AuditEntry) ? [] : type.GetProperties().Where(AuditWriter.IsAuditedStatus).ToArray();
        var sql = context.GetService<ISqlGenerationHelper>();
        var database = context.Database;
        await database.OpenConnectionAsync(ct);
        try
        {
            await using var ownTransaction = database.CurrentTransaction is null ? await database.BeginTransactionAsync(ct) : null;
            var connection = (NpgsqlConnection)database.GetDbConnection();
            var transaction = (NpgsqlTransaction)database.CurrentTransaction!.GetDbTransaction();
            await CopyAsync(type, entities, connection, transaction, sql, ct);

            if (statuses.Length > 0)
            {
                var now = context.Clock.GetUtcNow();
                var getters = type.GetProperties().ToDictionary(p => p.Name, p => p.GetGetter(), StringComparer.Ordinal);
                var audits = new List<AuditEntry>(entities.Count * statuses.Length);
                foreach (var entity in entities)
                {
                    foreach (var status in statuses)
                    {
                        var to = getters[status.Name].GetClrValueUsingContainingEntity(entity) as Enum;
                        audits.Add(AuditWriter.Create(type, name => getters[name].GetClrValueUsingContainingEntity(entity), null, to, "创建", context.CurrentUser, now));
                    }
                }

                await CopyAsync(context.Model.FindEntityType(typeof(AuditEntry))!, audits, connection, transaction, sql, ct);
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(ct);
            }

            return entities.Count;
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    private static async Task CopyAsync<T>(IEntityType type, IReadOnlyList<T> entities, NpgsqlConnection connection, NpgsqlTransaction transaction, ISqlGenerationHelper sql, CancellationToken ct)
        where T : class
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        var key = type.FindPrimaryKey()?.Properties is [var single] && single.ValueGenerated.HasFlag(ValueGenerated.OnAdd) ? single : null;
        var properties = type.GetProperties().ToArray();
        if (properties.Any(p => p.IsShadowProperty() || p.PropertyInfo is null && p.FieldInfo is null) || type.GetComplexProperties().Any())
        {
            throw new NotSupportedException($"Bulk insert of {type.ClrType.Name} needs plain mapped CLR properties only.");
        }

        if (key?.PropertyInfo is { } keyInfo)
        {
            await AssignKeysAsync(entities, keyInfo, tableName, key.GetColumnName(table)!, connection, transaction, ct);
        }

        var columns = properties.Select(p => new Column(p.GetGetter(), p.GetRelationalTypeMapping().Converter)).ToArray();
        var columnList = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {tableName} ({columnList}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var entity in entities)
        {
            ct.ThrowIfCancellationRequested();
            await writer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                var value = column.Getter.GetClrValueUsingContainingEntity(entity);
                if (value is null)
                {
                    await writer.WriteNullAsync(ct);
                    continue;
                }

                await writer.WriteAsync(PostgresTextParameters.Clean(column.Converter is null ? value : column.Converter.ConvertToProvider(value)!), ct);
            }
        }

        await writer.CompleteAsync(ct);
    }

    /// <summary>One round trip: as many values of the identity sequence as there are rows (explicit keys are allowed: BY DEFAULT).</summary>
    private static async Task AssignKeysAsync<T>(IReadOnlyList<T> entities, PropertyInfo key, string tableName, string keyColumn, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence(@table, @column)) FROM generate_series(1, @count)", connection, transaction);
        command.Parameters.AddWithValue("table", tableName);
        command.Parameters.AddWithValue("column", keyColumn);
        command.Parameters.AddWithValue("count", entities.Count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var i = 0;
        while (await reader.ReadAsync(ct))
        {
            key.SetValue(entities[i++], Convert.ChangeType(reader.GetInt64(0), key.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private sealed record Column(IClrPropertyGetter Getter, ValueConverter? Converter);
}
