using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Imports;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Exams.RoomImport;

/// <summary>
/// 批量导入考场信息: every row is checked (<see cref="ExamRoomImportRowValidator"/>) against the plans the school may set
/// rooms on, its sites and allocations, the plans' subjects and the names already used; the good rows are saved and an
/// <see cref="ImportRecord"/> (<see cref="ImportKind.RoomImport"/>) with the failed-rows file is written in the same transaction.
/// An import that fails as a whole (wrong template, unreadable file, the database gone) keeps no room and leaves a failed
/// 导入记录 with the reason (<see cref="FailedImportRecorder.GuardAsync"/>).
/// </summary>
public sealed class ExamRoomImportService(
    ICertHubDbFactory dbFactory,
    ICurrentUser currentUser,
    IExamRoomSheet sheet,
    IFileStore files,
    IChangeFeed changes,
    TimeProvider clock,
    ImportFailureRetry? failureRetry = null)
{
    public const int ReportedErrors = 200;

    /// <summary>The database went away mid-import: the transaction was rolled back, no room of this file was kept.</summary>
    public static readonly string DatabaseFailed = FailedImportRecorder.DatabaseFailedMessage("考场");

    public async Task<ExamRoomImportResult> ImportAsync(Stream xlsx, string fileName, IProgress<int>? progress, CancellationToken ct)
    {
        var schoolId = currentUser.IsSchool() && currentUser.SchoolId is int id ? id : throw new DomainRuleException(ExamRoomService.SchoolOnly);
        return await new FailedImportRecorder(dbFactory, failureRetry ?? ImportFailureRetry.Default).GuardAsync(
            read => RunAsync(xlsx, fileName, schoolId, read, progress, ct),
            (rows, reason) => ImportRecord.Failed(ImportKind.RoomImport, TrimName(fileName), currentUser.ActorName(), schoolId, null, rows, reason, clock.GetUtcNow()),
            DatabaseFailed,
            () => changes.Publish(new ChangeNotice(CandidateTopics.Imports, SchoolId: schoolId)));
    }

    private async Task<ExamRoomImportResult> RunAsync(Stream xlsx, string fileName, int schoolId, ImportRowCounter read, IProgress<int>? progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(ct);
        var plans = await ExamRoomAccess.OpenPlansAsync(db, schoolId, now, ct);
        var sitesByPlan = new Dictionary<int, Dictionary<int, AccessibleSite>>();
        foreach (var plan in plans)
        {
            sitesByPlan[plan.Id] = await ExamRoomAccess.SitesAsync(db, schoolId, plan, ct);
        }

        var planIds = plans.Select(p => p.Id).ToList();
        var subjectIds = plans.SelectMany(p => p.Subjects.Select(s => s.SubjectId)).Distinct().ToList();
        var subjects = await db.Set<ExamSubject>().AsNoTracking().Where(s => subjectIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var certificateIds = sitesByPlan.Values.SelectMany(s => s.Values).Select(s => s.Site.CertificateId).Distinct().ToList();
        var certificateNames = await db.Set<Certificate>().AsNoTracking().Where(c => certificateIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var taken = (await db.Set<ExamRoom>().IgnoreQueryFilters().Where(r => planIds.Contains(r.ExamPlanId))
            .Select(r => new { r.ExamPlanId, r.ExamSiteId, r.CertificateId, r.Name }).ToListAsync(ct))
            .Select(r => (r.ExamPlanId, r.ExamSiteId, r.CertificateId, r.Name)).ToHashSet();
        var validator = new ExamRoomImportRowValidator(plans, sitesByPlan, certificateNames, subjects, taken, now);

        var rooms = new List<ExamRoom>();
        var failures = new List<ExamRoomImportFailure>();
        var processed = 0;
        foreach (var row in sheet.ReadRows(xlsx))
        {
            ct.ThrowIfCancellationRequested();
            if (row.IsEmpty)
            {
                continue;
            }

            var (room, reason) = validator.Validate(row);
            if (room is null)
            {
                failures.Add(new ExamRoomImportFailure(row, reason!));
            }
            else
            {
                rooms.Add(room);
            }

            read.Rows = ++processed;
            if (processed % 100 == 0)
            {
                progress?.Report(processed);
            }
        }

        progress?.Report(processed);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Set<ExamRoom>().AddRange(rooms);
        string? failedPath = null;
        if (failures.Count > 0)
        {
            await using var failedFile = await sheet.WriteFailedRowsAsync(failures.OrderBy(f => f.Row.RowNumber), ct);
            failedPath = await files.SaveAsync($"imports/{schoolId}", $"rooms-failed-{now.ToUnixTimeMilliseconds()}.xlsx", failedFile, ct);
        }

        var record = ImportRecord.Create(ImportKind.RoomImport, TrimName(fileName), currentUser.ActorName(), schoolId, null, rooms.Count, failures.Count, failedPath, now);
        db.Set<ImportRecord>().Add(record);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        changes.Publish(new ChangeNotice(ExamRoomTopics.Rooms, SchoolId: schoolId));
        changes.Publish(new ChangeNotice(CandidateTopics.Imports, SchoolId: schoolId));
        return new ExamRoomImportResult(rooms.Count, failures.Count,
            [.. failures.OrderBy(f => f.Row.RowNumber).Take(ReportedErrors).Select(f => f.Error)], record.Id, failedPath);
    }

    private static string TrimName(string fileName)
    {
        var name = Path.GetFileName(fileName);
        name = string.IsNullOrWhiteSpace(name) ? "考场信息.xlsx" : name;
        return name.Length > ImportRecord.FileNameMaxLength ? name[^ImportRecord.FileNameMaxLength..] : name;
    }
}
