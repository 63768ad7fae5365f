using System.Diagnostics;
using CertHub.Core.Audit;
using CertHub.Core.Candidates;
using CertHub.Core.Candidates.Import;
using CertHub.Core.Common;
using CertHub.Core.Imports;
using CertHub.Data;
using CertHub.Web.Documents.Excel;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Bench.Faults;

/// <summary>
/// (a) The database stops for 10 s mid-import: a 50,000-row 考生信息 xlsx written with the import template is imported by the
/// real <see cref="CandidateImportService"/> as the school; when its progress passes half the rows, PostgreSQL is stopped
/// (<c>pg_ctl stop -m fast</c>: every session is ended) and started again 10 s later. Then: the import failed cleanly with
/// the Chinese message (or completed), the database holds 0 or all of the candidates and none without its 创建 audit row,
/// a 导入记录 says 导入失败 with the reason (written by the product's bounded retry once the database was back), and the
/// same file imported again succeeds wholly.
/// </summary>
internal static class ImportOutageRun
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(TempPostgres pg, int rows, Checks checks)
    {
        Console.WriteLine();
        Console.WriteLine($"(a) database stopped for {Outage.TotalSeconds:F0} s in the middle of a {rows:N0}-row candidate import");
        var builder = await FaultsBench.CreateDatabaseAsync(pg, "faults_import");
        var catalog = await CandidatesBench.SeedAsync(builder);
        var folder = Directory.CreateTempSubdirectory("certhub-faults-import-");
        try
        {
            var files = new FolderFileStore(Path.Combine(folder.FullName, "files"));
            var xlsx = Path.Combine(folder.FullName, "candidates.xlsx");
            await using (var target = File.Create(xlsx))
            {
                await CandidateSheet.WriteRowsAsync(target, CandidatesBench.Rows(rows, catalog.MajorNames));
            }

            Console.WriteLine($"    setup: {Path.GetFileName(xlsx)} written with the import template ({new FileInfo(xlsx).Length / 1024d / 1024d:F1} MB)");
            var school = new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: catalog.SchoolId, UserName: "ustb", DisplayName: "北京科技大学", UserId: "bench-user");
            var service = new CandidateImportService(new CertHubDbFactory(builder, school), school, new CandidateSheet(), files, new SilentChangeFeed(), TimeProvider.System);

            var half = new HalfWay(rows / 2);
            var watch = Stopwatch.StartNew();
            var import = Task.Run(async () =>
            {
                await using var stream = File.OpenRead(xlsx);
                return await service.ImportAsync(stream, "考生信息-五万.xlsx", CandidateImportMode.Create, half, CancellationToken.None);
            });
            var outage = Task.Run(async () =>
            {
                var reached = await Task.WhenAny(half.Reached, import);
                if (reached != half.Reached)
                {
                    return (Stopped: TimeSpan.Zero, Restarted: TimeSpan.Zero, AtRow: 0);
                }

                var atRow = half.Rows;
                var stopAt = watch.Elapsed;
                await pg.StopAsync("fast");
                Console.WriteLine($"    PostgreSQL stopped at {stopAt.TotalSeconds:F1} s (import progress {atRow:N0} rows read; stop took {(watch.Elapsed - stopAt).TotalSeconds:F1} s)");
                await Task.Delay(Outage);
                await pg.StartAsync();
                var restarted = watch.Elapsed;
                Console.WriteLine($"    PostgreSQL started again at {restarted.TotalSeconds:F1} s");
                return (Stopped: stopAt, Restarted: restarted, AtRow: atRow);
            });

            string outcome;
            CandidateImportResult? result = null;
            try
            {
                result = await import;
                outcome = $"completed: {result.Succeeded:N0} imported, {result.Failed:N0} failed";
            }
            catch (DomainRuleException ex)
            {
                outcome = $"failed with “{ex.Message}”";
            }

            var ended = watch.Elapsed;
            var (stopped, restartedAt, atRow) = await outage;
            Console.WriteLine($"    import {outcome} after {ended.TotalSeconds:F1} s ({(ended - restartedAt).TotalSeconds:F1} s after the restart)");
            checks.Check("the outage hit the import while it ran", atRow > 0 && result is null,
                atRow > 0 ? $"stopped at {atRow:N0} of {rows:N0} rows read" : "the import ended before half-way");
            checks.Check("the import failed cleanly with the Chinese message (or completed)",
                result is { } r ? r.Succeeded == rows : outcome.Contains(CandidateImportService.DatabaseFailed, StringComparison.Ordinal), outcome);

            var (candidates, unaudited, failedRecords) = await InspectAsync(builder, catalog.SchoolId);
            checks.Check("candidates in the database: 0 or all", candidates == 0 || candidates == rows, $"{candidates:N0}");
            checks.Check("no candidate without its 创建 audit row", unaudited == 0, $"{unaudited:N0} without");
            var failed = failedRecords.SingleOrDefault();
            checks.Check("a 导入记录 says 导入失败 with a clear Chinese reason", result is not null || (failedRecords.Count == 1 && failed!.FailureReason == CandidateImportService.DatabaseFailed),
                failed is null ? $"{failedRecords.Count} failed records" : $"“{failed.FailureReason}” (成功 {failed.SucceededRows}, 失败 {failed.FailedRows:N0}), written at +{(failed.CreatedUtc - DateTimeOffset.UtcNow + watch.Elapsed).TotalSeconds:F1} s");

            var again = Stopwatch.StartNew();
            CandidateImportResult rerun;
            await using (var stream = File.OpenRead(xlsx))
            {
                try
                {
                    rerun = await service.ImportAsync(stream, "考生信息-五万.xlsx", CandidateImportMode.Create, null, CancellationToken.None);
                }
                catch (DomainRuleException ex)
                {
                    rerun = new CandidateImportResult(0, 0, [new ImportRowError(0, ex.Message)], 0, null);
                }
            }

            again.Stop();
            var (after, afterUnaudited, _) = await InspectAsync(builder, catalog.SchoolId);
            checks.Check("the same import run again afterwards succeeds", result is not null || (rerun.Succeeded == rows && after == rows && afterUnaudited == 0),
                $"{rerun.Succeeded:N0} imported, {rerun.Failed:N0} refused{(rerun.Errors.Count > 0 ? $" (“{rerun.Errors[0].Reason}”)" : "")} in {again.Elapsed.TotalSeconds:F1} s; {after:N0} candidates, {afterUnaudited} without audit");
            Console.WriteLine($"    figures: outage {Outage.TotalSeconds:F0} s from {stopped.TotalSeconds:F1} s; import ended {ended.TotalSeconds:F1} s; re-run {again.Elapsed.TotalSeconds:F1} s for {rows:N0} rows");
        }
        finally
        {
            // The pool's idle connections of before the restart are dead (Npgsql finds out only when one is used): start the next runs clean.
            Npgsql.NpgsqlConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(int Candidates, int Unaudited, List<ImportRecord> Failed)> InspectAsync(CertHubContextBuilder builder, int schoolId)
    {
        await using var db = builder.Create(FixedCurrentUser.System);
        var ids = await db.Set<Candidate>().AsNoTracking().Where(c => c.SchoolId == schoolId).Select(c => c.Id).ToListAsync();
        var audited = (await db.Set<AuditEntry>().AsNoTracking().Where(a => a.EntityType == nameof(Candidate) && a.Action == "创建")
            .Select(a => a.EntityId).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        var unaudited = ids.Count(id => !audited.Contains(id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var failed = await db.Set<ImportRecord>().AsNoTracking().Where(r => r.FailureReason != null).ToListAsync();
        return (ids.Count, unaudited, failed);
    }

    /// <summary>Import progress (rows read); <see cref="Reached"/> completes once <paramref name="threshold"/> rows were read.</summary>
    private sealed class HalfWay(int threshold) : IProgress<int>
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        public int Rows { get; private set; }

        public void Report(int value)
        {
            Rows = value;
            if (value >= threshold)
            {
                _reached.TrySetResult();
            }
        }
    }
}
