using System.Diagnostics;
using CertHub.Core.Common;

namespace CertHub.Core.Imports;

/// <summary>
/// How long an import that failed because of the database keeps trying to write its failed 导入记录 (issue 10): the database
/// may be back a few seconds later (a restart, a fail-over), so the write is retried with doubling pauses from
/// <see cref="FirstDelay"/> up to <see cref="MaxDelay"/> until <see cref="Budget"/> has passed; then it gives up.
/// </summary>
public sealed record ImportFailureRetry(TimeSpan Budget, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>Up to 30 s: 0.25 s, 0.5 s, 1 s, 2 s, 4 s, 4 s, …</summary>
    public static ImportFailureRetry Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(4));
}

/// <summary>
/// Writes the 导入记录 of an import that failed as a whole (<see cref="ImportRecord.Failed"/>) in its own unit of work. While
/// the database is unreachable the write is retried within <see cref="ImportFailureRetry"/>; returns the record's id, or
/// null when the database did not come back in time (then nothing can be recorded, and the user's message still says so).
/// </summary>
public sealed class FailedImportRecorder(ICertHubDbFactory dbFactory, ImportFailureRetry retry)
{
    public int Attempts { get; private set; }

    /// <summary>"数据库写入失败，导入未完成，本次未导入任何{what}，请稍后重新导入": the message of an import the database failed.</summary>
    public static string DatabaseFailedMessage(string what) => $"数据库写入失败，导入未完成，本次未导入任何{what}，请稍后重新导入";

    /// <summary>
    /// Runs a whole import (which must keep nothing when it throws: one transaction, or one save) and, when it fails as a
    /// whole, records why: a <see cref="DomainRuleException"/> (导入文件与模板不符, 无法读取导入文件, too many rows, the plan
    /// closed…) is recorded with its message and rethrown; a database fault is recorded as <paramref name="databaseFailed"/>
    /// (once the database answers again, within the retry budget) and rethrown as a <see cref="DomainRuleException"/> with
    /// that message; a full file store likewise as <see cref="StorageFaults.StorageFull"/>. <paramref name="failed"/> builds the record from the rows read so far (<see cref="ImportRowCounter"/>)
    /// and the reason; <paramref name="recorded"/> runs when it was written (to publish the change). A cancelled import
    /// records nothing.
    /// </summary>
    public async Task<T> GuardAsync<T>(Func<ImportRowCounter, Task<T>> import, Func<int, string, ImportRecord> failed, string databaseFailed, Action? recorded = null)
    {
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(failed);
        var read = new ImportRowCounter();
        try
        {
            return await import(read);
        }
        catch (Exception ex) when (StorageFaults.IsDatabaseFault(ex))
        {
            await RecordAndNotifyAsync(() => failed(read.Rows, databaseFailed), recorded);
            throw new DomainRuleException(databaseFailed, ex);
        }
        catch (IOException ex) when (StorageFaults.IsStorageFull(ex))
        {
            // The failed-rows file did not fit: the transaction was not committed, nothing was kept.
            await RecordAndNotifyAsync(() => failed(read.Rows, StorageFaults.StorageFull), recorded);
            throw new DomainRuleException(StorageFaults.StorageFull, ex);
        }
        catch (DomainRuleException ex)
        {
            await RecordAndNotifyAsync(() => failed(read.Rows, ex.Message), recorded);
            throw;
        }
    }

    public async Task<int?> RecordAsync(Func<ImportRecord> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        var watch = Stopwatch.StartNew();
        var delay = retry.FirstDelay;
        while (true)
        {
            Attempts++;
            try
            {
                await using var db = await dbFactory.CreateAsync(CancellationToken.None);
                var record = create();
                db.Set<ImportRecord>().Add(record);
                await db.SaveChangesAsync(CancellationToken.None);
                return record.Id;
            }
            catch (Exception ex) when (StorageFaults.IsDatabaseFault(ex) && watch.Elapsed + delay <= retry.Budget)
            {
                // The database is still away: wait and try again within the budget.
            }
            catch (Exception ex) when (StorageFaults.IsDatabaseFault(ex))
            {
                return null;
            }

            await Task.Delay(delay);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, retry.MaxDelay.Ticks));
        }
    }

    private async Task RecordAndNotifyAsync(Func<ImportRecord> create, Action? recorded)
    {
        if (await RecordAsync(create) is not null)
        {
            recorded?.Invoke();
        }
    }
}

/// <summary>The rows an import has read so far (the 失败 count of its 导入记录 when it fails as a whole).</summary>
public sealed class ImportRowCounter
{
    public int Rows { get; set; }
}
