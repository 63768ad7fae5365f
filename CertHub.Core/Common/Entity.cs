namespace CertHub.Core.Common;

/// <summary>
/// Base of every persisted entity: an integer key assigned by the database, and an optimistic concurrency token.
/// </summary>
public abstract class Entity
{
    public int Id { get; protected set; }

    /// <summary>
    /// 乐观并发版本: a concurrency token the unit of work increments on every save that changes the row, and checks in the
    /// UPDATE/DELETE's WHERE clause, so a second user who loaded the same row before the first saved is refused instead of
    /// silently overwriting (one portable column on SQLite, SQL Server and PostgreSQL; see CertHubDbContext).
    /// </summary>
    public long RowVersion { get; private set; }

    /// <summary>
    /// 保存 after a dialog showed this row: refuses with <see cref="ConcurrencyConflict.Message"/> when the row was saved by
    /// someone else since the user loaded it (<paramref name="expected"/> is the <see cref="RowVersion"/> the dialog showed).
    /// A null version means the caller showed no loaded data (an import, a background job): nothing to compare.
    /// </summary>
    public void EnsureVersion(long? expected)
    {
        if (expected is { } version && version != RowVersion)
        {
            throw ConcurrencyConflict.Stale();
        }
    }
}
