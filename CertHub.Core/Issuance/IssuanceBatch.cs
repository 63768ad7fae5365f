using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Issuance;

/// <summary>
/// Runs one batch action (批量确认签发, 批量发放, ...): loads the requested records the user can see in one query, applies the
/// verb record by record (<see cref="BatchResult.Run"/>), and saves once. Ids not visible or not found fail with
/// 记录不存在或无权操作. Optimistic concurrency: when the save hits a record changed by someone else since it was loaded, the
/// whole unit of work is discarded and the batch is applied once more on fresh rows, where every record whose
/// <see cref="Entity.RowVersion"/> (the optimistic concurrency token every transition advances) moved since the first load fails with 该记录已被他人处理，请刷新后重试 and
/// the others succeed; should the retry collide again, the whole batch fails with that message.
/// </summary>
internal static class IssuanceBatch
{

    /// <param name="apply">The verb for one record and the user's party on it (null: read-only); throws <see cref="DomainRuleException"/> to refuse.</param>
    public static async Task<(BatchResult Result, IReadOnlyList<IssuanceRecord> Changed)> RunAsync(
        ICertHubDbFactory dbFactory, IReadOnlyCollection<int> ids, Action<ICertHubDb, IssuanceRecord> apply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var requested = ids.Distinct().ToList();
        if (requested.Count == 0)
        {
            return (BatchResult.Empty, []);
        }

        Dictionary<int, long>? firstStamps = null;
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateAsync(ct);
            var loaded = await db.Set<IssuanceRecord>().Where(r => EF.Parameter(requested).Contains(r.Id)).ToListAsync(ct);
            var byId = loaded.ToDictionary(r => r.Id);
            firstStamps ??= loaded.ToDictionary(r => r.Id, r => r.RowVersion);
            var failures = new List<BatchFailure>();
            var candidates = new List<IssuanceRecord>(loaded.Count);
            foreach (var id in requested)
            {
                if (!byId.TryGetValue(id, out var record))
                {
                    failures.Add(new BatchFailure(id, IssuanceAccess.NotFound));
                }
                else if (firstStamps.TryGetValue(id, out var stamp) && stamp != record.RowVersion)
                {
                    failures.Add(new BatchFailure(id, IssuanceAccess.Conflict));
                }
                else
                {
                    candidates.Add(record);
                }
            }

            var changed = new List<IssuanceRecord>(candidates.Count);
            var run = BatchResult.Run(candidates, r => r.Id, r =>
            {
                apply(db, r);
                changed.Add(r);
            });
            var result = new BatchResult(run.Succeeded, [.. failures, .. run.Failures]);
            if (run.Succeeded == 0)
            {
                return (result, []);
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return (result, changed);
            }
            catch (DomainRuleException ex) when (ConcurrencyConflict.Is(ex) && attempt == 0)
            {
                // Someone else saved one of these records since it was loaded: apply again on fresh rows.
            }
            catch (DomainRuleException ex) when (ConcurrencyConflict.Is(ex))
            {
                return (new BatchResult(0, requested.Select(id => new BatchFailure(id, IssuanceAccess.Conflict)).ToList()), []);
            }
            catch (Exception ex) when (StorageFaults.IsDatabaseFault(ex))
            {
                throw new DomainRuleException(StorageFaults.DatabaseFailed, ex);
            }
        }
    }
}
