using System.IO.Compression;
using CertHub.Core.Common;
using CertHub.Core.Imports;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Candidates.Import;

/// <summary>Safety limits of a photo zip: entry count, total uncompressed size, compression ratio per entry, bytes per photo.</summary>
public sealed record PhotoZipLimits(int MaxEntries = 5_000, long MaxTotalBytes = 1L << 30, int MaxCompressionRatio = 100, long MaxPhotoBytes = CandidatePhoto.MaxBytes)
{
    public static PhotoZipLimits Default { get; } = new();
}

/// <summary>A photo that was refused (or only warned about) and why.</summary>
public sealed record PhotoZipIssue(string FileName, string Reason);

/// <summary>批量导入考生照片 result.</summary>
public sealed record PhotoZipResult(int Succeeded, IReadOnlyList<PhotoZipIssue> Failures, IReadOnlyList<PhotoZipIssue> Warnings,
    int ImportRecordId, string? FailedRowsPath);

/// <summary>One usable entry of the zip: its bare file name and bytes, or why it cannot be used.</summary>
public sealed record PhotoZipEntry(string FileName, byte[]? Content, string? Problem);

/// <summary>
/// Reads a photo zip safely: refuses archives with too many entries or too large a declared total, never trusts declared
/// sizes (reads at most the per-photo limit + 1 byte), flags entries whose compression ratio is suspicious (zip bombs),
/// skips folders and hidden/system entries, and uses only an entry's bare file name (nothing is written by its name).
/// </summary>
public static class PhotoZipReader
{
    public static IEnumerable<PhotoZipEntry> Read(Stream zip, PhotoZipLimits limits)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ArgumentNullException.ThrowIfNull(limits);
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw new DomainRuleException("文件不是有效的zip压缩包");
        }

        using (archive)
        {
            var entries = archive.Entries.Where(e => !IsFolderOrSystem(e.FullName)).ToList();
            DomainRuleException.ThrowIf(entries.Count > limits.MaxEntries, $"压缩包内文件过多（最多{limits.MaxEntries}个）");
            DomainRuleException.ThrowIf(entries.Sum(e => e.Length) > limits.MaxTotalBytes, $"压缩包解压后总大小不能超过{limits.MaxTotalBytes / (1024 * 1024)}M");
            long total = 0;
            foreach (var entry in entries)
            {
                var name = BareName(entry.FullName);
                if (entry.Length > limits.MaxPhotoBytes)
                {
                    yield return new PhotoZipEntry(name, null, "照片大小不能超过5M");
                    continue;
                }

                if (entry.Length > 0 && entry.Length > Math.Max(entry.CompressedLength, 1) * limits.MaxCompressionRatio)
                {
                    yield return new PhotoZipEntry(name, null, "压缩比异常，疑似压缩炸弹，已跳过");
                    continue;
                }

                var content = ReadCapped(entry, limits.MaxPhotoBytes);
                if (content is null)
                {
                    yield return new PhotoZipEntry(name, null, "照片大小不能超过5M");
                    continue;
                }

                total += content.Length;
                DomainRuleException.ThrowIf(total > limits.MaxTotalBytes, $"压缩包解压后总大小不能超过{limits.MaxTotalBytes / (1024 * 1024)}M");
                yield return new PhotoZipEntry(name, content, null);
            }
        }
    }

    /// <summary>The entry's file name without any folder part (both separators), so "../../x/110...jpg" is "110...jpg".</summary>
    public static string BareName(string fullName)
    {
        var name = fullName.Replace('\\', '/');
        var slash = name.LastIndexOf('/');
        return slash < 0 ? name : name[(slash + 1)..];
    }

    private static bool IsFolderOrSystem(string fullName)
    {
        var normalized = fullName.Replace('\\', '/');
        var name = BareName(normalized);
        return name.Length == 0 || name.StartsWith('.') || normalized.Contains("__MACOSX/", StringComparison.Ordinal);
    }

    private static byte[]? ReadCapped(ZipArchiveEntry entry, long max)
    {
        using var source = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}

/// <summary>
/// 批量导入考生照片: files named {证件号码}.jpg|.png in a zip; each photo is matched to the school's candidate by ID number,
/// checked (<see cref="CandidatePhoto"/>), stored under photos/{schoolId}/ and attached (无照片 → 信息待认证).
/// A background that is not mostly red is a warning only. An <see cref="ImportRecord"/> (考生照片导入) keeps the counts and
/// the refused photos' file (文件名, 失败原因). The attached photos and the record are saved together in one save at the end,
/// so an import that fails as a whole (not a zip, too many files, the database gone) changes no candidate and leaves a
/// failed 导入记录 with the reason (<see cref="FailedImportRecorder.GuardAsync"/>); the photo files it had already stored
/// are then referenced by nothing.
/// </summary>
public sealed class PhotoZipImport(
    ICertHubDbFactory dbFactory,
    ICurrentUser currentUser,
    IFileStore files,
    IImageInspector images,
    IPhotoBackgroundCheck background,
    IChangeFeed changes,
    ICandidateSheet sheet,
    TimeProvider clock,
    ImportFailureRetry? failureRetry = null)
{
    /// <summary>The database went away mid-import: the save was rolled back, no photo of this zip was attached.</summary>
    public static readonly string DatabaseFailed = FailedImportRecorder.DatabaseFailedMessage("照片");

    public async Task<PhotoZipResult> ImportAsync(Stream zip, string fileName, PhotoZipLimits limits, IProgress<int>? progress, CancellationToken ct)
    {
        var schoolId = currentUser.IsSchool() && currentUser.SchoolId is int id ? id : throw new DomainRuleException(CandidateMessages.SchoolOnly);
        return await new FailedImportRecorder(dbFactory, failureRetry ?? ImportFailureRetry.Default).GuardAsync(
            read => RunAsync(zip, fileName, limits, schoolId, read, progress, ct),
            (rows, reason) => ImportRecord.Failed(ImportKind.PhotoImport, CandidateImportService.TrimName(fileName), currentUser.ActorName(), schoolId, null,
                rows, reason, clock.GetUtcNow()),
            DatabaseFailed,
            () => changes.Publish(new ChangeNotice(CandidateTopics.Imports, SchoolId: schoolId)));
    }

    private async Task<PhotoZipResult> RunAsync(Stream zip, string fileName, PhotoZipLimits limits, int schoolId, ImportRowCounter read, IProgress<int>? progress,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var failures = new List<PhotoZipIssue>();
        var warnings = new List<PhotoZipIssue>();
        var succeeded = 0;
        var processed = 0;
        var now = clock.GetUtcNow();
        foreach (var entry in PhotoZipReader.Read(zip, limits))
        {
            ct.ThrowIfCancellationRequested();
            read.Rows = ++processed;
            progress?.Report(processed);
            if (entry.Content is null)
            {
                failures.Add(new PhotoZipIssue(entry.FileName, entry.Problem!));
                continue;
            }

            var extension = Path.GetExtension(entry.FileName).ToLowerInvariant();
            if (extension is not (".jpg" or ".jpeg" or ".png"))
            {
                failures.Add(new PhotoZipIssue(entry.FileName, "文件名应为“身份证号.jpg”或“身份证号.png”"));
                continue;
            }

            var idNumber = Path.GetFileNameWithoutExtension(entry.FileName).Trim().ToUpperInvariant();
            var candidate = await db.Set<Candidate>().FirstOrDefaultAsync(c => c.SchoolId == schoolId && c.IdNumber == idNumber, ct);
            if (candidate is null)
            {
                failures.Add(new PhotoZipIssue(entry.FileName, "未找到该证件号码的考生"));
                continue;
            }

            try
            {
                DomainRuleException.ThrowIf(candidate.IsIdentityFrozen, "考生信息已认证为“信息准确”，不能修改照片");
                var photo = CandidatePhoto.Check(entry.Content, images);
                var path = await CandidateService.SavePhotoAsync(files, images, candidate, photo, entry.Content, now, ct);
                candidate.AttachPhoto(path, currentUser.ActorName(), now);
                succeeded++;
                if (background.HasRedBackground(entry.Content) == false)
                {
                    warnings.Add(new PhotoZipIssue(entry.FileName, "照片底色不是红色，请确认"));
                }
            }
            catch (DomainRuleException ex)
            {
                failures.Add(new PhotoZipIssue(entry.FileName, ex.Message));
            }
        }

        string? failedPath = null;
        if (failures.Count > 0)
        {
            await using var failedFile = await sheet.WriteFailedPhotosAsync(failures, ct);
            try
            {
                failedPath = await files.SaveAsync($"imports/{schoolId}", $"failed-photos-{now.ToUnixTimeMilliseconds()}.xlsx", failedFile, ct);
            }
            catch (IOException ex) when (StorageFaults.IsStorageFull(ex))
            {
                // 磁盘已满: the 导入记录 is still written (counts and reasons), without the failed-rows file.
                failedPath = null;
            }
        }

        var record = ImportRecord.Create(ImportKind.PhotoImport, CandidateImportService.TrimName(fileName), currentUser.ActorName(),
            schoolId, null, succeeded, failures.Count, failedPath, now);
        db.Set<ImportRecord>().Add(record);
        await db.SaveChangesAsync(ct); // one save (one transaction): the attached photos and the 导入记录, or nothing
        changes.Publish(new ChangeNotice(CandidateTopics.Candidates, SchoolId: schoolId));
        changes.Publish(new ChangeNotice(CandidateTopics.Imports, SchoolId: schoolId));
        return new PhotoZipResult(succeeded, failures, warnings, record.Id, failedPath);
    }
}
