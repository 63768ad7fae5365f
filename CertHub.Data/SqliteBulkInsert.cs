using System.Data.Common;
using System.Globalization;
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
            var connection = database.GetDbConnection();
            using var insert = new InsertCommand(type, connection, sql);
            using var audit = statuses.Length == 0 ? null : new InsertCommand(context.Model.FindEntityType(typeof(AuditEntry))!, connection, sql);
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

    /// <summary>
    /// INSERT INTO table (all mapped columns but a generated key) VALUES (?1, ?2, …), prepared once as a raw SQLite statement
    /// on the context's connection and bound by position (Microsoft.Data.Sqlite's command would look every parameter up by
    /// name and build a data reader on each execution). Values go through the EF mapping's converter and are then bound as
    /// Microsoft.Data.Sqlite binds them (<see cref="SqliteValues"/>), so the stored rows are the same as EF's.
    /// </summary>
    private sealed class InsertCommand : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _statement;
        private readonly Column[] _columns;
        private readonly PropertyInfo? _key;

        public InsertCommand(IEntityType type, DbConnection connection, ISqlGenerationHelper sql)
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var key = type.FindPrimaryKey()?.Properties is [var single] && single.ValueGenerated.HasFlag(ValueGenerated.OnAdd) ? single : null;
            var properties = type.GetProperties().Where(p => p != key).ToArray();
            if (properties.Any(p => p.IsShadowProperty() || p.PropertyInfo is null && p.FieldInfo is null) || type.GetComplexProperties().Any())
            {
                throw new NotSupportedException($"Bulk insert of {type.ClrType.Name} needs plain mapped CLR properties only.");
            }

            _columns = [.. properties.Select(p => p.GetRelationalTypeMapping()).Select((m, i) => new Column(properties[i].GetGetter(), m.Converter, SqliteValues.BinderFor(m)))];
            var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
            var values = string.Join(", ", properties.Select((_, i) => $"?{i + 1}"));
            _db = ((SqliteConnection)connection).Handle!;
            var rc = raw.sqlite3_prepare_v2(_db, $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ({values})", out _statement);
            SqliteException.ThrowExceptionForRC(rc, _db);
            _key = key?.PropertyInfo;
        }

        /// <summary>Binds the entity's values by position and inserts it (SQLite executes synchronously; an async API would only add allocations).</summary>
        public void Execute(object entity)
        {
            for (var i = 0; i < _columns.Length; i++)
            {
                var column = _columns[i];
                var value = column.Getter.GetClrValueUsingContainingEntity(entity);
                if (value is not null && column.Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }

                if (value is null)
                {
                    SqliteValues.BindNull(_statement, i + 1);
                }
                else
                {
                    column.Bind(_statement, i + 1, value);
                }
            }

            var rc = raw.sqlite3_step(_statement);
            raw.sqlite3_reset(_statement);
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }

            if (_key is not null)
            {
                // The generated key of the row just inserted on this connection (cheaper than RETURNING, which would return a row per insert).
                var id = raw.sqlite3_last_insert_rowid(_db);
                _key.SetValue(entity, Convert.ChangeType(id, _key.PropertyType, CultureInfo.InvariantCulture));
            }
        }

        public void Dispose() => _statement.Dispose();

        private sealed record Column(IClrPropertyGetter Getter, ValueConverter? Converter, Action<sqlite3_stmt, int, object> Bind);
    }
}
