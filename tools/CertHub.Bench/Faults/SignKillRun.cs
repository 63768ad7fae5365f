using System.Diagnostics;
using System.Globalization;
using CertHub.Core.Audit;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CertHub.Bench.Faults;

/// <summary>
/// (b) The process is killed mid-batch-sign: a child process (this bench, hidden sub-command <c>faults-sign-child</c>) runs
/// 批量确认签发 of 10,000 records through the real <see cref="IssuanceService.SignAsync"/> as the organisation (wl); the
/// parent follows the child's session in <c>pg_stat_activity</c> and kills the child's whole process tree at a random moment
/// inside the first, a middle and the last kind of write statement of its one save (UPDATE of the records, INSERTs of
/// signatures, history and audit rows; their order and spans measured by an unkilled calibration run on 10,000 other records). After each kill every record is checked: signed completely (status, signer, time, 签发 history,
/// audit row) or untouched — never half. Finally the same sign run again signs exactly the rest, once.
/// </summary>
internal static class SignKillRun
{
    private const string ChildName = "faults-sign-child";

    public static async Task RunAsync(TempPostgres pg, int count, Checks checks)
    {
        Console.WriteLine();
        Console.WriteLine($"(b) process killed in the middle of 批量确认签发 of {count:N0} records (3 kills at different moments)");
        var builder = await FaultsBench.CreateDatabaseAsync(pg, "faults_sign");
        var folder = Directory.CreateTempSubdirectory("certhub-faults-sign-");
        try
        {
            var files = new FolderFileStore(Path.Combine(folder.FullName, "files"));
            var catalog = await IssuanceBench.SeedCatalogAsync(builder, files);
            var insert = Stopwatch.StartNew();
            var (calibration, target) = await InsertAsync(builder, catalog, count);
            Console.WriteLine($"    setup: {2 * count:N0} records in 培训评价组织待签发 inserted in {insert.Elapsed.TotalSeconds:F1} s (calibration ids {calibration.From}–{calibration.To}, target ids {target.From}–{target.To})");
            var childConnection = pg.ConnectionString("faults_sign") + $";Application Name={ChildName}";
            var observer = pg.ConnectionString("faults_sign");

            var calibrated = await RunChildAsync(childConnection, observer, files.Root, catalog.OrganizationId, calibration, plan: null);
            var commitAt = calibrated.Commit ?? calibrated.Ended;
            var writePhase = commitAt - calibrated.FirstWrite!.Value;
            Console.WriteLine($"    calibration (not killed): first write after {calibrated.FirstWrite.Value.TotalSeconds:F2} s, COMMIT seen after {calibrated.Commit?.TotalSeconds:F2} s, " +
                $"exit after {calibrated.Ended.TotalSeconds:F2} s → write phase {writePhase.TotalSeconds:F2} s; child said “{calibrated.Output}”");
            var kinds = calibrated.Kinds;
            Console.WriteLine("    write statements in order (first seen): " + string.Join(", ", kinds.Select(k => $"{k.Kind} +{(k.At - calibrated.FirstWrite.Value).TotalSeconds:F2} s")));
            var (calSigned, calUntouched, calHalf) = await InspectAsync(builder, calibration);
            checks.Check("calibration run signed every record wholly", calSigned == count && calHalf == 0, $"{calSigned:N0} signed, {calUntouched:N0} untouched, {calHalf} half");

            // Three moments: inside the first, a middle and the last kind of write statement, a random part of that statement
            // kind's calibrated span in (the last one kept short of the COMMIT: the load of this shared machine varies).
            var random = new Random();
            int[] stages = [0, kinds.Count / 2, kinds.Count - 1];
            var kill = 0;
            foreach (var stage in stages)
            {
                kill++;
                var span = (stage + 1 < kinds.Count ? kinds[stage + 1].At : commitAt) - kinds[stage].At;
                var part = stage == kinds.Count - 1 ? 0.05 + (random.NextDouble() * 0.25) : 0.1 + (random.NextDouble() * 0.5);
                var plan = new KillPlan(kinds[stage].Kind, part * span);
                var run = await RunChildAsync(childConnection, observer, files.Root, catalog.OrganizationId, target, plan);
                var (signed, untouched, half) = await InspectAsync(builder, target);
                Console.WriteLine($"    kill {kill}: first write after {run.FirstWrite?.TotalSeconds:F2} s; killed {plan.Delay.TotalSeconds:F2} s ({part * 100:F0}% of its calibrated span) after “{plan.Kind}” first showed, " +
                    $"at {run.Ended.TotalSeconds:F2} s, while running “{run.AtKill}”; {(run.Killed ? "killed" : "not killed, it ended by itself: " + run.Output)}");
                checks.Check($"kill {kill}: every record signed completely or untouched, never half", half == 0 && signed + untouched == count,
                    $"{signed:N0} signed, {untouched:N0} untouched, {half} half");
                checks.Check($"kill {kill}: the child was killed mid-write (after its first write, before its COMMIT)",
                    run.Killed && run.FirstWrite is not null && run.Commit is null,
                    run.Killed ? (run.Commit is null ? "yes" : "it had committed already") : "it finished first");
            }

            var (before, _, _) = await InspectAsync(builder, target);
            var rerun = await RunChildAsync(childConnection, observer, files.Root, catalog.OrganizationId, target, plan: null);
            var (after, afterUntouched, afterHalf) = await InspectAsync(builder, target);
            var signedByRerun = ParseSigned(rerun.Output);
            Console.WriteLine($"    re-run (not killed): {rerun.Ended.TotalSeconds:F2} s, child said “{rerun.Output}”");
            checks.Check("re-running the sign signs exactly the rest, once", after == count && afterHalf == 0 && signedByRerun == count - before,
                $"{before:N0} signed before, re-run signed {signedByRerun:N0}, now {after:N0} signed, {afterUntouched} untouched, {afterHalf} half (a record signed twice counts as half)");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The child: signs ids <c>from</c>..<c>to</c> as the organisation and prints what it did.</summary>
    public static async Task<int> ChildAsync(string[] args)
    {
        var builder = new CertHubContextBuilder(new DatabaseSettings(DatabaseProvider.Postgres, args[0]), []);
        var files = new FolderFileStore(args[1]);
        var organizationId = int.Parse(args[2], CultureInfo.InvariantCulture);
        var from = int.Parse(args[3], CultureInfo.InvariantCulture);
        var to = int.Parse(args[4], CultureInfo.InvariantCulture);
        var org = new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: organizationId, UserName: "wl", DisplayName: "中物联物流");
        var service = new IssuanceService(new CertHubDbFactory(builder, org), org, files, new SilentChangeFeed(), TimeProvider.System,
            new NullCertificateGenerationQueue());
        var result = await service.SignAsync([.. Enumerable.Range(from, to - from + 1)], new SignatureInput("张组织", GreyPng.Create(300, 120)), CancellationToken.None);
        Console.WriteLine($"signed {result.Succeeded} refused {result.Failures.Count}{(result.Failures.Count > 0 ? " (" + result.Failures[0].Reason + ")" : "")}");
        return 0;
    }

    private static int ParseSigned(string output) =>
        output.StartsWith("signed ", StringComparison.Ordinal) && int.TryParse(output.Split(' ')[1], CultureInfo.InvariantCulture, out var n) ? n : -1;

    private sealed record IdRange(int From, int To);

    private sealed record ChildRun(TimeSpan? FirstWrite, TimeSpan? Commit, TimeSpan Ended, bool Killed, string? AtKill, string Output,
        IReadOnlyList<(string Kind, TimeSpan At)> Kinds);

    /// <summary>When to kill: once the write statement <paramref name="Kind"/> first shows, after <paramref name="Delay"/>.</summary>
    private sealed record KillPlan(string Kind, TimeSpan Delay);

    /// <summary>The kind of a write statement: its first words up to the table name (UPDATE "X" / INSERT INTO "X").</summary>
    private static string? WriteKind(string query)
    {
        if (!query.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase) && !query.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var words = query.Split(' ', 4, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Take(query.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) ? 3 : 2));
    }

    /// <summary>
    /// Starts the child and follows its session in pg_stat_activity (its current or last statement): the first write
    /// (UPDATE/INSERT) and the COMMIT. Kills it as <paramref name="plan"/> says (null: lets it
    /// finish), noting the statement it was running at that moment.
    /// </summary>
    private static async Task<ChildRun> RunChildAsync(string childConnection, string observer, string filesRoot, int organizationId, IdRange ids, KillPlan? plan)
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(path) == "dotnet")
        {
            start.ArgumentList.Add(typeof(SignKillRun).Assembly.Location);
        }

        foreach (var arg in new[] { ChildName, childConnection, filesRoot, organizationId.ToString(CultureInfo.InvariantCulture),
                     ids.From.ToString(CultureInfo.InvariantCulture), ids.To.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        var watch = Stopwatch.StartNew();
        using var child = Process.Start(start) ?? throw new InvalidOperationException("The child did not start.");
        var output = child.StandardOutput.ReadToEndAsync();
        var error = child.StandardError.ReadToEndAsync();
        TimeSpan? firstWrite = null;
        TimeSpan? commit = null;
        string? atKill = null;
        var kinds = new List<(string Kind, TimeSpan At)>();
        var killed = false;
        await using (var connection = new NpgsqlConnection(observer))
        {
            await connection.OpenAsync();
            await using var poll = new NpgsqlCommand("SELECT string_agg(left(query, 60), ' | ') FROM pg_stat_activity WHERE application_name = @name", connection);
            poll.Parameters.AddWithValue("name", ChildName);
            while (!child.HasExited && watch.Elapsed < TimeSpan.FromSeconds(180))
            {
                var query = (await poll.ExecuteScalarAsync()) as string ?? "";
                if (WriteKind(query) is { } kind && !kinds.Any(k => k.Kind == kind))
                {
                    kinds.Add((kind, watch.Elapsed));
                    firstWrite ??= watch.Elapsed;
                }

                if (firstWrite is not null && commit is null && query.StartsWith("COMMIT", StringComparison.OrdinalIgnoreCase))
                {
                    commit = watch.Elapsed;
                }

                if (plan is not null && kinds.FirstOrDefault(k => k.Kind == plan.Kind) is { Kind: not null } seen && watch.Elapsed >= seen.At + plan.Delay)
                {
                    atKill = query.Replace('\n', ' ');
                    child.Kill(entireProcessTree: true);
                    killed = true;
                    break;
                }

                await Task.Delay(2);
            }
        }

        await child.WaitForExitAsync();
        var ended = watch.Elapsed;
        await WaitSessionsGoneAsync(observer);
        var text = (await output).Trim();
        var errors = (await error).Trim();
        if (!killed && child.ExitCode != 0)
        {
            throw new InvalidOperationException($"The sign child failed ({child.ExitCode}): {text}\n{errors}");
        }

        return new ChildRun(firstWrite, commit, ended, killed, atKill, text.Length > 0 ? text : errors, kinds);
    }

    /// <summary>Waits until PostgreSQL has ended the killed child's session (its open transaction rolled back).</summary>
    private static async Task WaitSessionsGoneAsync(string observer)
    {
        await using var connection = new NpgsqlConnection(observer);
        await connection.OpenAsync();
        await using var poll = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @name", connection);
        poll.Parameters.AddWithValue("name", ChildName);
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((long)(await poll.ExecuteScalarAsync())! > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }
    }

    /// <summary>Signed wholly (status, one 签名 with signer and time, one 签发 history row, one audit row), untouched (none of these), or half (anything else).</summary>
    private static async Task<(int Signed, int Untouched, int Half)> InspectAsync(CertHubContextBuilder builder, IdRange ids)
    {
        await using var db = builder.Create(FixedCurrentUser.System);
        var records = await db.Set<IssuanceRecord>().AsNoTracking().Where(r => r.Id >= ids.From && r.Id <= ids.To)
            .Select(r => new { r.Id, r.Status }).ToListAsync();
        var signatures = await db.Set<IssuanceSignature>().AsNoTracking()
            .Where(s => s.IssuanceRecordId >= ids.From && s.IssuanceRecordId <= ids.To && s.Party == IssuanceParty.Organization)
            .Select(s => new { s.IssuanceRecordId, s.SignerName, s.SignedUtc }).ToListAsync();
        var history = await db.Set<IssuanceHistory>().AsNoTracking()
            .Where(h => h.IssuanceRecordId >= ids.From && h.IssuanceRecordId <= ids.To && h.Action == IssuanceAction.Sign)
            .Select(h => h.IssuanceRecordId).ToListAsync();
        var status = IssuanceStatus.SitePendingSign.ToDisplayName();
        var audits = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.EntityType == nameof(IssuanceRecord) && a.ToStatus == status)
            .Select(a => a.EntityId).ToListAsync();
        var signatureCount = signatures.Where(s => s.SignerName.Length > 0 && s.SignedUtc > DateTimeOffset.MinValue)
            .GroupBy(s => s.IssuanceRecordId).ToDictionary(g => g.Key, g => g.Count());
        var historyCount = history.GroupBy(h => h).ToDictionary(g => g.Key, g => g.Count());
        var auditCount = audits.GroupBy(a => a, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        int signed = 0, untouched = 0, half = 0;
        foreach (var record in records)
        {
            var facts = (record.Status, signatureCount.GetValueOrDefault(record.Id), historyCount.GetValueOrDefault(record.Id),
                auditCount.GetValueOrDefault(record.Id.ToString(CultureInfo.InvariantCulture)));
            if (facts == (IssuanceStatus.SitePendingSign, 1, 1, 1))
            {
                signed++;
            }
            else if (facts == (IssuanceStatus.OrgPendingSign, 0, 0, 0))
            {
                untouched++;
            }
            else
            {
                half++;
            }
        }

        return (signed, untouched, half + (ids.To - ids.From + 1 - records.Count));
    }

    /// <summary>
    /// 2 × <paramref name="count"/> records of one candidate in phantom plans (as IssuanceBench), inserted with PostgreSQL's
    /// foreign-key triggers off for this session only (session_replication_role = replica): plans, sites and results play no part.
    /// </summary>
    private static async Task<(IdRange Calibration, IdRange Target)> InsertAsync(CertHubContextBuilder builder, IssuanceBench.Catalog catalog, int count)
    {
        var t0 = DateTimeOffset.UtcNow.AddDays(-1);
        var ids = new List<int>(2 * count);
        for (var start = 0; start < 2 * count; start += 5_000)
        {
            await using var db = builder.Create(FixedCurrentUser.System);
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("SET session_replication_role = replica");
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var batch = new List<IssuanceRecord>();
            for (var i = start; i < Math.Min(start + 5_000, 2 * count); i++)
            {
                var source = new IssuanceSource(catalog.CandidateId, catalog.SchoolId, catalog.SiteSchoolId, 1, i + 1, catalog.OrganizationId, catalog.CertificateId,
                    CertificateLevel.Intermediate, i + 1, 2021, "37068220211631773601551242", $"王{i % 97}三", "110101199003074477", "院校考生",
                    "北京科技大学", "信息化应用职业技能等级证书", "中物联物流", "2021九月中级信息化考试", "北京科技大学信息化应用职业技能等级证书(中级)考核站点");
                batch.Add(IssuanceRecord.Generate(source, "中物联(wl)", t0));
            }

            db.AddRange(batch);
            await db.SaveChangesAsync();
            ids.AddRange(batch.Select(r => r.Id));
        }

        ids.Sort();
        return (new IdRange(ids[0], ids[count - 1]), new IdRange(ids[count], ids[^1]));
    }
}
