using CertHub.Core.Applications;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Imports;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Invigilators.Import;

/// <summary>What a 批量导入监考人员 did.</summary>
public sealed record InvigilatorImportResult(int Succeeded, int Failed, IReadOnlyList<ImportRowError> Errors, int ImportRecordId, string? FailedRowsPath);

/// <summary>
/// 批量导入监考人员 (manual 5.2.11): each row becomes an invigilator of the school with a generated 教师编号 and its
/// certificate applications (未提交, submitted later with 提交). A row is refused with its reason — missing name, bad ID
/// number or phone, an ID already at the school or twice in the file, an unknown certificate or level — while the good rows
/// are kept. An <see cref="ImportRecord"/> with the failed rows file is written in the same transaction. An import that fails
/// as a whole (wrong template, unreadable file, too many rows, the database gone) keeps no invigilator and leaves a failed
/// 导入记录 with the reason (<see cref="FailedImportRecorder.GuardAsync"/>).
/// </summary>
public sealed class InvigilatorImportService(
    ICertHubDbFactory dbFactory,
    ICurrentUser currentUser,
    IInvigilatorSheet sheet,
    IFileStore files,
    IChangeFeed changes,
    TimeProvider clock,
    ImportFailureRetry? failureRetry = null)
{
    public const int MaxRows = 5_000;
    public const int ReportedErrors = 200;

    /// <summary>The database went away mid-import: the transaction was rolled back, no invigilator of this file was kept.</summary>
    public static readonly string DatabaseFailed = FailedImportRecorder.DatabaseFailedMessage("监考人员");

    private static readonly char[] Separators = ['；', ';', '、', '\n'];

    public async Task<InvigilatorImportResult> ImportAsync(Stream xlsx, string fileName, IProgress<int>? progress, CancellationToken ct)
    {
        var schoolId = currentUser.IsSchool() && currentUser.SchoolId is int id ? id : throw new DomainRuleException("只有试点院校可以导入监考人员");
        return await new FailedImportRecorder(dbFactory, failureRetry ?? ImportFailureRetry.Default).GuardAsync(
            read => RunAsync(xlsx, fileName, schoolId, read, progress, ct),
            (rows, reason) => ImportRecord.Failed(ImportKind.InvigilatorImport, Candidates.Import.CandidateImportService.TrimName(fileName), currentUser.ActorName(),
                schoolId, null, rows, reason, clock.GetUtcNow()),
            DatabaseFailed,
            () => changes.Publish(new ChangeNotice(CandidateTopics.Imports, SchoolId: schoolId)));
    }

    private async Task<InvigilatorImportResult> RunAsync(Stream xlsx, string fileName, int schoolId, ImportRowCounter read, IProgress<int>? progress, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var options = (await ApplicationPlanService.AllCertificateLevelsAsync(db, ct))
            .GroupBy(o => Normalize(o.Text)).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var organizations = await db.Set<Certificate>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.OrganizationId, ct);
        var existing = (await db.Set<Invigilator>().AsNoTracking().Where(i => i.SchoolId == schoolId).Select(i => i.IdNumber).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var failures = new List<InvigilatorImportFailure>();
        var valid = new List<(Invigilator Invigilator, IReadOnlyList<CertificateLevelOption> Certificates)>();
        var sequence = await InvigilatorService.NextSequenceAsync(db, ct);
        var processed = 0;
        foreach (var row in sheet.ReadRows(xlsx))
        {
            ct.ThrowIfCancellationRequested();
            if (row.IsEmpty)
            {
                continue;
            }

            read.Rows = ++processed;
            DomainRuleException.ThrowIf(processed > MaxRows, $"一次最多导入{MaxRows}条监考人员，请拆分文件后导入");
            try
            {
                var certificates = ParseCertificates(row[InvigilatorImportTemplate.Certificates], options);
                var invigilator = Invigilator.Create(schoolId, Invigilator.TeacherNoOf(sequence), row[InvigilatorImportTemplate.Name] ?? "",
                    row[InvigilatorImportTemplate.IdNumber] ?? "", row[InvigilatorImportTemplate.Phone] ?? "", row[InvigilatorImportTemplate.Region],
                    row[InvigilatorImportTemplate.Title], row[InvigilatorImportTemplate.Department], now);
                DomainRuleException.ThrowIf(!existing.Add(invigilator.IdNumber), "该身份证号码的监考人员已存在（或在文件中重复）");
                valid.Add((invigilator, certificates));
                sequence++;
            }
            catch (DomainRuleException ex)
            {
                failures.Add(new InvigilatorImportFailure(row, ex.Message));
            }

            if (processed % 200 == 0)
            {
                progress?.Report(processed);
            }
        }

        progress?.Report(processed);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Set<Invigilator>().AddRange(valid.Select(v => v.Invigilator));
        await db.SaveChangesAsync(ct);
        foreach (var (invigilator, certificates) in valid)
        {
            db.Set<InvigilatorCertification>().AddRange(certificates.Select(c =>
                InvigilatorCertification.Create(invigilator.Id, c.CertificateId, organizations[c.CertificateId], c.Level, now)));
        }

        string? failedPath = null;
        if (failures.Count > 0)
        {
            await using var failedFile = await sheet.WriteFailedRowsAsync(failures.OrderBy(f => f.Row.RowNumber), ct);
            failedPath = await files.SaveAsync($"imports/{schoolId}", $"failed-invigilators-{now.ToUnixTimeMilliseconds()}.xlsx", failedFile, ct);
        }

        var record = ImportRecord.Create(ImportKind.InvigilatorImport, Candidates.Import.CandidateImportService.TrimName(fileName), currentUser.ActorName(),
            schoolId, null, valid.Count, failures.Count, failedPath, now);
        db.Set<ImportRecord>().Add(record);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        changes.Publish(new ChangeNotice(InvigilatorTopics.Invigilators, SchoolId: schoolId));
        changes.Publish(new ChangeNotice(CandidateTopics.Imports, SchoolId: schoolId));
        return new InvigilatorImportResult(valid.Count, failures.Count,
            [.. failures.OrderBy(f => f.Row.RowNumber).Take(ReportedErrors).Select(f => new ImportRowError(f.Row.RowNumber, f.Reason))], record.Id, failedPath);
    }

    /// <summary>"物流管理(初级)；物流管理(中级)" → the certificate levels; unknown names or levels are refused.</summary>
    public static IReadOnlyList<CertificateLevelOption> ParseCertificates(string? text, IReadOnlyDictionary<string, CertificateLevelOption> options)
    {
        var parts = (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        DomainRuleException.ThrowIf(parts.Length == 0, "请填写申请证书");
        var result = new List<CertificateLevelOption>();
        foreach (var part in parts)
        {
            var option = options.GetValueOrDefault(Normalize(part))
                ?? throw new DomainRuleException($"申请证书“{part}”不存在，格式应为“证书名称(等级)”");
            if (!result.Contains(option))
            {
                result.Add(option);
            }
        }

        return result;
    }

    private static string Normalize(string text) => text.Replace('（', '(').Replace('）', ')').Replace(" ", "", StringComparison.Ordinal).Trim();
}
