using CertHub.Core.Accounts;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Imports;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Candidates.Import;

/// <summary>What an import did: rows committed, rows refused (first few errors), the 导入记录 and its failed-rows file.</summary>
public sealed record CandidateImportResult(int Succeeded, int Failed, IReadOnlyList<ImportRowError> Errors, int ImportRecordId, string? FailedRowsPath);

/// <summary>
/// 批量导入考生信息 and 批量修改考生信息: rows are streamed from the sheet, validated one by one
/// (<see cref="CandidateImportRowValidator"/>, against one up-front set of the school's ID numbers), and the good ones are
/// saved in batches of <see cref="BatchSize"/> inside one transaction — through <see cref="IBulkInsert"/> (prepared raw
/// INSERTs with the same audit entries) when the provider offers it, else through the change tracker; 考生编号 sequences
/// are allocated in memory after one query. An <see cref="ImportRecord"/> with the failed-rows file is written in the same transaction.
/// </summary>
public sealed class CandidateImportService(
    ICertHubDbFactory dbFactory,
    ICurrentUser currentUser,
    ICandidateSheet sheet,
    IFileStore files,
    IChangeFeed changes,
    TimeProvider clock,
    ImportFailureRetry? failureRetry = null)
{
    public const int BatchSize = 2_000;
    public const int ReportedErrors = 200;

    /// <summary>The database went away mid-import: the transaction was rolled back, nothing of this file was kept.</summary>
    public const string DatabaseFailed = "数据库写入失败，导入未完成，本次未导入任何考生，请稍后重新导入";

    private readonly ImportFailureRetry _failureRetry = failureRetry ?? ImportFailureRetry.Default;

    /// <summary>
    /// Imports the sheet in one transaction. When the import fails as a whole the transaction is rolled back — no candidate
    /// and no audit row of this file remains — and a failed 导入记录 (成功 0, 失败 = rows read) keeps the reason: a wrong
    /// template or an unreadable file (the message the user gets), or, when the database failed mid-way (issue 10),
    /// <see cref="DatabaseFailed"/>, written once the database answers again (retried within <see cref="ImportFailureRetry"/>,
    /// by default up to 30 s).
    /// </summary>
    public async Task<CandidateImportResult> ImportAsync(Stream xlsx, string fileName, CandidateImportMode mode, IProgress<int>? progress, CancellationToken ct)
    {
        currentUser.Demand(Permissions.CandidateImport);
        var schoolId = currentUser.IsSchool() && currentUser.SchoolId is int id ? id : throw new DomainRuleException(CandidateMessages.SchoolOnly);
        var kind = mode == CandidateImportMode.Create ? ImportKind.CandidateImport : ImportKind.CandidateUpdate;
        return await new FailedImportRecorder(dbFactory, _failureRetry).GuardAsync(
            read => RunAsync(xlsx, fileName, mode, schoolId, read, progress, ct),
            (rows, reason) => ImportRecord.Failed(kind, TrimName(fileName), currentUser.ActorName(), schoolId, null, rows, reason, clock.GetUtcNow()),
            DatabaseFailed,
            () => changes.Publish(new ChangeNotice(CandidateTopics.Imports, SchoolId: schoolId)));
    }

    private async Task<CandidateImportResult> RunAsync(Stream xlsx, string fileName, CandidateImportMode mode, int schoolId, ImportRowCounter read,
        IProgress<int>? progress, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var context = db as DbContext;
        if (context is not null)
        {
            context.ChangeTracker.AutoDetectChangesEnabled = false;
        }

        var majors = await db.Set<Major>().AsNoTracking().Select(m => new MajorOption(m.Id, m.Name, m.Level)).ToListAsync(ct);
        var majorsByName = majors.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.First());
        var existing = (await db.Set<Candidate>().AsNoTracking().Where(c => c.SchoolId == schoolId).Select(c => c.IdNumber).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var validator = new CandidateImportRowValidator(majorsByName, existing, mode, now.ToChina().Year);
        var failures = new List<CandidateImportFailure>();
        var batch = new List<(CandidateImportRow Row, ValidCandidateRow Valid)>(BatchSize);
        var sequence = mode == CandidateImportMode.Create ? await CandidateNumbering.NextSequenceAsync(db, now, ct) : 0;
        var succeeded = 0;
        var processed = 0;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var row in sheet.ReadRows(xlsx))
        {
            ct.ThrowIfCancellationRequested();
            if (row.IsEmpty)
            {
                continue;
            }

            var (valid, reason) = validator.Validate(row);
            if (valid is null)
            {
                failures.Add(new CandidateImportFailure(row, reason!));
            }
            else
            {
                batch.Add((row, valid));
            }

            if (batch.Count == BatchSize)
            {
                (succeeded, sequence) = await FlushAsync(db, batch, mode, schoolId, now, succeeded, sequence, failures, ct);
            }

            read.Rows = ++processed;
            if (processed % 500 == 0)
            {
                progress?.Report(processed);
            }
        }

        (succeeded, _) = await FlushAsync(db, batch, mode, schoolId, now, succeeded, sequence, failures, ct);
        progress?.Report(processed);

        string? failedPath = null;
        if (failures.Count > 0)
        {
            await using var failedFile = await sheet.WriteFailedRowsAsync(failures.OrderBy(f => f.Row.RowNumber), ct);
            failedPath = await files.SaveAsync($"imports/{schoolId}", $"failed-{now.ToUnixTimeMilliseconds()}.xlsx", failedFile, ct);
        }

        var kind = mode == CandidateImportMode.Create ? ImportKind.CandidateImport : ImportKind.CandidateUpdate;
        var record = ImportRecord.Create(kind, TrimName(fileName), currentUser.ActorName(), schoolId, null, succeeded, failures.Count, failedPath, now);
        db.Set<ImportRecord>().Add(record);
        context?.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        changes.Publish(new ChangeNotice(CandidateTopics.Candidates, SchoolId: schoolId));
        changes.Publish(new ChangeNotice(CandidateTopics.Imports, SchoolId: schoolId));
        return new CandidateImportResult(succeeded, failures.Count,
            [.. failures.OrderBy(f => f.Row.RowNumber).Take(ReportedErrors).Select(f => f.Error)], record.Id, failedPath);
    }

    private static async Task<(int Succeeded, int Sequence)> FlushAsync(ICertHubDb db, List<(CandidateImportRow Row, ValidCandidateRow Valid)> batch,
        CandidateImportMode mode, int schoolId, DateTimeOffset now, int succeeded, int sequence, List<CandidateImportFailure> failures, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return (succeeded, sequence);
        }

        var context = db as DbContext;
        if (mode == CandidateImportMode.Create)
        {
            var created = new List<Candidate>(batch.Count);
            foreach (var (row, valid) in batch)
            {
                try
                {
                    var no = CandidateNoGenerator.Generate(CandidateNoGenerator.RegionCodeOf(valid.Details.IdType, valid.Details.IdNumber), now.Year, now, sequence);
                    created.Add(Candidate.Create(schoolId, valid.CandidateType, no, valid.Details, now));
                    sequence++;
                }
                catch (DomainRuleException ex)
                {
                    failures.Add(new CandidateImportFailure(row, ex.Message));
                }
            }

            if (db is IBulkInsert bulk)
            {
                // SQLite: prepared raw INSERTs on this unit of work's connection and transaction, with the same 创建 audit entries.
                succeeded += await bulk.BulkInsertAsync(created, ct);
                batch.Clear();
                return (succeeded, sequence);
            }

            db.Set<Candidate>().AddRange(created);
            succeeded += created.Count;
        }
        else
        {
            var ids = batch.Select(b => b.Valid.Details.IdNumber).ToList();
            var candidates = await db.Set<Candidate>().Where(c => c.SchoolId == schoolId && ids.Contains(c.IdNumber)).ToDictionaryAsync(c => c.IdNumber, ct);
            foreach (var (row, valid) in batch)
            {
                try
                {
                    var candidate = candidates[valid.Details.IdNumber];
                    candidate.Edit(valid.Details with { Gender = candidate.Gender, BirthDate = candidate.BirthDate });
                    succeeded++;
                }
                catch (DomainRuleException ex)
                {
                    failures.Add(new CandidateImportFailure(row, ex.Message));
                }
            }
        }

        context?.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        context?.ChangeTracker.Clear();
        batch.Clear();
        return (succeeded, sequence);
    }

    /// <summary>The upload's file name, cut to what an <see cref="ImportRecord"/> keeps.</summary>
    internal static string TrimName(string fileName)
    {
        var name = Path.GetFileName(fileName);
        name = string.IsNullOrWhiteSpace(name) ? "考生信息.xlsx" : name;
        return name.Length > ImportRecord.FileNameMaxLength ? name[^ImportRecord.FileNameMaxLength..] : name;
    }
}
