using System.Data.Common;
using System.Reflection;
using CertHub.Core.Audit;
using CertHub.Core.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace CertHub.Data;

/// <summary>
/// <see cref="IBulkInsert"/> for SQLite: one prepared INSERT per entity type, built from the EF model (table, columns,
/// value converters such as enum → text and DateTimeOffset → UTC ticks, so rows are stored exactly as EF stores them),
/// executed once per entity with its parameters rebound, on the context's connection and current transaction (one is
/// begun and committed when none is open). The generated key (last_insert_rowid) is set on the entity; the
/// 创建 audit entries <see cref="CertHubDbContext.SaveChangesAsync(bool, CancellationToken)"/> would write
/// (<see cref="AuditWriter"/>) are inserted the same way.
/// </summary>
internal static class SqliteBulkInsert
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
            var transaction = database.CurrentTransaction!.GetDbTransaction();
            var connection = database.GetDbConnection();
            using var insert = new InsertCommand(type, connection, transaction, sql);
            using var audit = statuses.Length == 0 ? null : new InsertCommand(context.Model.FindEntityType(typeof(AuditEntry))!, connection, transaction, sql);
            var now = context.Clock.GetUtcNow();
            var getters = type.GetProperties().ToDictionary(p => p.Name, p => p.GetGetter(), StringComparer.Ordinal);
            foreach (var entity in entities)
            {
                ct.ThrowIfCancellationRequested();
                insert.Execute(entity);
                foreach (var status in statuses)
                {
                    var to = getters[status.Name].GetClrValueUsingContainingEntity(entity) as Enum;
                    audit!.Execute(AuditWriter.Create(type, name => getters[name].GetClrValueUsingContainingEntity(entity), null, to, "创建", context.CurrentUser, now));
                }
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

    /// <summary>INSERT INTO table (all mapped columns but a generated key) VALUES (parameters); prepared once.</summary>
    private sealed class InsertCommand : IDisposable
    {
        private readonly DbCommand _command;
        private readonly Column[] _columns;
        private readonly PropertyInfo? _key;
        private readonly SqliteConnection _connection;

        public InsertCommand(IEntityType type, DbConnection connection, DbTransaction transaction, ISqlGenerationHelper sql)
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var key = type.FindPrimaryKey()?.Properties is [var single] && single.ValueGenerated.HasFlag(ValueGenerated.OnAdd) ? single : null;
            var properties = type.GetProperties().Where(p => p != key).ToArray();
            if (properties.Any(p => p.IsShadowProperty() || p.PropertyInfo is null && p.FieldInfo is null) || type.GetComplexProperties().Any())
            {
                throw new NotSupportedException($"Bulk insert of {type.ClrType.Name} needs plain mapped CLR properties only.");
            }

            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            _columns = new Column[properties.Length];
            for (var i = 0; i < properties.Length; i++)
            {
                var mapping = properties[i].GetRelationalTypeMapping();
                var parameter = mapping.CreateParameter(_command, sql.GenerateParameterName($"p{i}"), null, properties[i].IsNullable);
                _command.Parameters.Add(parameter);
                _columns[i] = new Column(properties[i].GetGetter(), mapping.Converter, parameter);
            }

            var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
            var values = string.Join(", ", _columns.Select(c => c.Parameter.ParameterName));
            _command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ({values})";
            _key = key?.PropertyInfo;
            _connection = (SqliteConnection)connection;
            _command.Prepare();
        }

        /// <summary>Binds the entity's values and inserts it (SQLite executes synchronously; the async API would only add allocations).</summary>
        public void Execute(object entity)
        {
            foreach (var column in _columns)
            {
                var value = column.Getter.GetClrValueUsingContainingEntity(entity);
                if (value is not null && column.Converter is not null)
                {
                    value = column.Converter.ConvertToProvider(value);
                }

                column.Parameter.Value = value ?? DBNull.Value;
            }

            _command.ExecuteNonQuery();
            if (_key is not null)
            {
                // The generated key of the row just inserted on this connection (cheaper than RETURNING, which opens a reader per row).
                var id = raw.sqlite3_last_insert_rowid(_connection.Handle);
                _key.SetValue(entity, Convert.ChangeType(id, _key.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        public void Dispose() => _command.Dispose();

        private sealed record Column(IClrPropertyGetter Getter, ValueConverter? Converter, DbParameter Parameter);
    }
}
