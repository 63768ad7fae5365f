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
}
