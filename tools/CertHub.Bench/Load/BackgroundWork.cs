using System.Diagnostics;
using CertHub.Core.Common;
using CertHub.Data;

namespace CertHub.Bench.Load;

/// <summary>
/// The work that runs while the users page (in the bench process against the same database, as a second app instance
/// would): 导入考生 of the prepared file through CandidateImportService as ustb, and 批量确认签发 of the wl records in
/// 机构待签发 through IssuanceService.SignAsync. Each one's wall time is kept. Their live notices reach the app's open pages
/// through the change feed given to Start (Redis, as between two instances), so the users' lists reload as they would.
/// </summary>
internal sealed class BackgroundWork
{
    private readonly Task<string> _import;
    private readonly Task<string> _sign;

    private BackgroundWork(Task<string> import, Task<string> sign)
    {
        _import = import;
        _sign = sign;
    }

    public static BackgroundWork Start(CertHubContextBuilder builder, IFileStore files, LoadTenants tenants, string importFile, IReadOnlyList<int> signIds,
        IChangeFeed changes) =>
        new(Task.Run(() => TimeAsync(async () =>
            {
                var result = await LoadData.ImportCandidatesAsync(builder, files, tenants, importFile, changes);
                return $"导入考生 {result.Succeeded:N0} imported, {result.Failed:N0} failed";
            })),
            Task.Run(() => TimeAsync(async () =>
            {
                var result = await LoadData.SignAsync(builder, files, tenants, signIds, changes);
                return $"批量确认签发 of {signIds.Count:N0} records: {result.Summary}";
            })));

    /// <summary>Waits for both (they may outlast the phase) and describes them.</summary>
    public async Task<IReadOnlyList<string>> CompleteAsync() => [await _import, await _sign];

    private static async Task<string> TimeAsync(Func<Task<string>> work)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var what = await work();
            return $"{what} in {watch.Elapsed.TotalSeconds:F1} s";
        }
        catch (Exception e)
        {
            return $"FAILED after {watch.Elapsed.TotalSeconds:F1} s: {e.GetType().Name}: {e.Message.Split('\n')[0]}";
        }
    }
}
