namespace CertHub.Core.Common;

/// <summary>
/// Optional capability of a unit of work (<see cref="ICertHubDb"/>) whose provider supports it: inserts many new entities
/// with one prepared INSERT (parameters reused) on the unit of work's own connection and current transaction, bypassing
/// the change tracker, and writes the same audit entries <see cref="ICertHubDb.SaveChangesAsync"/> would write for them.
/// The entities receive their database ids. Callers check for it (<c>db is IBulkInsert</c>) and otherwise add and save.
/// </summary>
public interface IBulkInsert
{
    /// <summary>Inserts <paramref name="entities"/> (all new) and their 创建 audit entries; returns the number inserted.</summary>
    Task<int> BulkInsertAsync<TEntity>(IReadOnlyList<TEntity> entities, CancellationToken cancellationToken = default) where TEntity : Entity;
}
