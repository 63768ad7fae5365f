using CertHub.Core.Applications;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Imports;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Registrations.Import;

/// <summary>
/// 批量导入报考 (按证书导入 / 按科目导入) by a school: the plan must be 报考中, list the school and register in the chosen
/// way. Everything the rows are checked against is loaded once into dictionaries (<see cref="RegistrationImportContext"/>);
/// rows are streamed from the sheet and validated in memory (<see cref="RegistrationImportRowValidator"/>); good rows are
/// inserted in batches of <see cref="BatchSize"/> inside one transaction through <see cref="IBulkInsert"/> when the
/// provider offers it, else through the change tracker. An <see cref="ImportRecord"/> (报考导入) with the failed-rows file
/// is written in the same transaction. An import that fails as a whole (wrong template, unreadable file, the plan refused,
/// the database gone) keeps no registration and leaves a failed 导入记录 with the reason (<see cref="FailedImportRecorder.GuardAsync"/>).
/// </summary>
public sealed class RegistrationImportService(
    ICertHubDbFactory dbFactory,
    ICurrentUser currentUser,
    IRegistrationSheet sheet,
    IFileStore files,
    IChangeFeed changes,
    TimeProvider clock,
    ImportFailureRetry? failureRetry = null)
{
    public const int BatchSize = 2_000;
    public const int ReportedErrors = 200;

    /// <summary>The database went away mid-import: the transaction was rolled back, no registration of this file was kept.</summary>
    public static readonly string DatabaseFailed = FailedImportRecorder.DatabaseFailedMessage("报考");

    public async Task<RegistrationImportResult> ImportAsync(RegistrationImportRequest request, Stream xlsx, string fileName, IProgress<int>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var schoolId = currentUser.IsSchool() && currentUser.SchoolId is int id ? id : throw new DomainRuleException(RegistrationMessages.SchoolOnly);
        Accounts.Permissions.Demand(currentUser, Accounts.Permissions.RegistrationImport);
        return await new FailedImportRecorder(dbFactory, failureRetry ?? ImportFailureRetry.Default).GuardAsync(
            read => RunAsync(request, xlsx, fileName, schoolId, read, progress, ct),
            (rows, reason) => ImportRecord.Failed(ImportKind.RegistrationImport, TrimName(fileName), currentUser.ActorName(), schoolId, null, rows, reason,
                clock.GetUtcNow()),
            DatabaseFailed,
            () => changes.Publish(new ChangeNotice(CandidateTopics.Imports, SchoolId: schoolId)));
    }

    private async Task<RegistrationImportResult> RunAsync(RegistrationImportRequest request, Stream xlsx, string fileName, int schoolId, ImportRowCounter read,
        IProgress<int>? progress, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var context = db as DbContext;
        if (context is not null)
        {
            context.ChangeTracker.AutoDetectChangesEnabled = false;
        }

        var now = clock.GetUtcNow();
        var validator = new RegistrationImportRowValidator(await LoadContextAsync(db, request, schoolId, now, ct));
        var failures = new List<RegistrationImportFailure>();
        var batch = new List<Registration>(BatchSize);
        var succeeded = 0;
        var processed = 0;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var row in sheet.ReadRows(xlsx, request.Mode))
        {
            ct.ThrowIfCancellationRequested();
            if (row.IsEmpty)
            {
                continue;
            }

            var (registration, reason) = validator.Validate(row);
            if (registration is null)
            {
                failures.Add(new RegistrationImportFailure(row, reason!));
            }
            else
            {
                batch.Add(registration);
            }

            if (batch.Count == BatchSize)
            {
                succeeded += await FlushAsync(db, batch, ct);
            }

            read.Rows = ++processed;
            if (processed % 500 == 0)
            {
                progress?.Report(processed);
            }
        }

        succeeded += await FlushAsync(db, batch, ct);
        progress?.Report(processed);

        string? failedPath = null;
        if (failures.Count > 0)
        {
            await using var failedFile = await sheet.WriteFailedRowsAsync(failures.OrderBy(f => f.Row.RowNumber), request.Mode, ct);
            failedPath = await files.SaveAsync($"imports/{schoolId}", $"registrations-failed-{now.ToUnixTimeMilliseconds()}.xlsx", failedFile, ct);
        }

        var record = ImportRecord.Create(ImportKind.RegistrationImport, TrimName(fileName), currentUser.ActorName(), schoolId, null,
            succeeded, failures.Count, failedPath, now);
        db.Set<ImportRecord>().Add(record);
        context?.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        changes.Publish(new ChangeNotice(RegistrationTopics.Registrations, SchoolId: schoolId));
        changes.Publish(new ChangeNotice(CandidateTopics.Imports, SchoolId: schoolId));
        return new RegistrationImportResult(succeeded, failures.Count,
            [.. failures.OrderBy(f => f.Row.RowNumber).Take(ReportedErrors).Select(f => f.Error)], record.Id, failedPath);
    }

    /// <summary>Loads the plan (checked: visible, 报考中, lists the school, registers in the requested way) and the lookups, one query each.</summary>
    private static async Task<RegistrationImportContext> LoadContextAsync(ICertHubDb db, RegistrationImportRequest request, int schoolId, DateTimeOffset now, CancellationToken ct)
    {
        var plan = await db.Set<ExamPlan>().AsNoTracking()
            .Include(p => p.Certificates).Include(p => p.Schools).Include(p => p.Subjects)
            .FirstOrDefaultAsync(p => p.Id == request.PlanId, ct)
            ?? throw new DomainRuleException(RegistrationMessages.PlanNotFound);
        DomainRuleException.ThrowIf(!plan.IsRegistrationOpen(now), RegistrationMessages.PlanNotOpen);
        DomainRuleException.ThrowIf(!plan.IncludesSchool(schoolId), RegistrationMessages.PlanExcludesSchool);
        DomainRuleException.ThrowIf(plan.RegistrationMode != request.Mode,
            $"该考试计划的报考方式为{plan.RegistrationMode.ToDisplayName()}，请使用“{(plan.RegistrationMode == RegistrationMode.ByCertificate ? "按证书导入" : "按科目导入")}”");
        if (request.Mode == RegistrationMode.BySubject)
        {
            DomainRuleException.ThrowIf(request is not { CertificateId: int c, Level: CertificateLevel l } || !plan.HasCertificate(c, l), "请选择考试计划中的考核证书");
        }

        var certificateIds = plan.Certificates.Select(c => c.CertificateId).Distinct().ToList();
        var levels = plan.Certificates.Select(c => c.Level).Distinct().ToList();
        var candidates = await db.Set<Candidate>().AsNoTracking().Where(c => c.SchoolId == schoolId).ToListAsync(ct);
        var majorNames = await db.Set<Major>().AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var certificateNames = await db.Set<Certificate>().AsNoTracking().Where(c => certificateIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var certificateMajors = (await db.Set<CertificateMajor>().AsNoTracking().Where(m => certificateIds.Contains(m.CertificateId))
                .Select(m => new { m.CertificateId, m.MajorId }).ToListAsync(ct))
            .GroupBy(m => m.CertificateId)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<int>)g.Select(m => m.MajorId).ToHashSet());
        var approved = await db.Set<PilotApplication>().AsNoTracking().Include(a => a.Majors)
            .Where(a => a.SchoolId == schoolId && a.Status == PilotApplicationStatus.Approved && certificateIds.Contains(a.CertificateId) && levels.Contains(a.Level))
            .ToListAsync(ct);
        var subjectIds = plan.Subjects.Select(s => s.SubjectId).ToList();
        var subjects = await db.Set<ExamSubject>().AsNoTracking().Where(s => subjectIds.Contains(s.Id)).ToListAsync(ct);
        var existing = await db.Set<Registration>().AsNoTracking().Where(r => r.ExamPlanId == plan.Id && r.SchoolId == schoolId)
            .Select(r => new ExistingRegistration(r.CandidateId, r.CertificateId, r.Level, r.SubjectId, r.CandidateType)).ToListAsync(ct);

        return new RegistrationImportContext(plan, request,
            candidates.GroupBy(c => c.IdNumber, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal),
            majorNames, certificateMajors, DeclaredMajors(approved), certificateNames, subjects, existing, now);
    }

    /// <summary>
    /// Majors the school's approved applications declared, per certificate level; a level is absent (no restriction) when it has
    /// no approved application or one of them declared no majors (<see cref="PilotApplication.AllowsMajor"/>).
    /// </summary>
    private static Dictionary<(int CertificateId, CertificateLevel Level), IReadOnlySet<int>> DeclaredMajors(List<PilotApplication> approved) =>
        approved.GroupBy(a => (a.CertificateId, a.Level))
            .Where(g => g.All(a => a.Majors.Count > 0))
            .ToDictionary(g => g.Key, g => (IReadOnlySet<int>)g.SelectMany(a => a.Majors.Select(m => m.MajorId)).ToHashSet());

    private static async Task<int> FlushAsync(ICertHubDb db, List<Registration> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        int inserted;
        if (db is IBulkInsert bulk)
        {
            inserted = await bulk.BulkInsertAsync(batch, ct);
        }
        else
        {
            var context = db as DbContext;
            db.Set<Registration>().AddRange(batch);
            context?.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            context?.ChangeTracker.Clear();
            inserted = batch.Count;
        }

        batch.Clear();
        return inserted;
    }

    private static string TrimName(string fileName)
    {
        var name = Path.GetFileName(fileName);
        name = string.IsNullOrWhiteSpace(name) ? "报考信息.xlsx" : name;
        return name.Length > ImportRecord.FileNameMaxLength ? name[^ImportRecord.FileNameMaxLength..] : name;
    }
}
