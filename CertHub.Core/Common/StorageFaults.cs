using System.Data.Common;

namespace CertHub.Core.Common;

/// <summary>
/// Faults of the infrastructure turned into what the user can read (issue 10): a file store that is full (磁盘已满) and a
/// database that went away mid-way. Services catch them where nothing half-written can remain and rethrow a
/// <see cref="DomainRuleException"/> with a Chinese message.
/// </summary>
public static class StorageFaults
{
    public const string StorageFull = "存储空间不足，上传失败";

    public const string StorageFullReason = "存储空间不足";

    /// <summary>The database failed during the one save of a batch action: the transaction rolled back, no record changed.</summary>
    public const string DatabaseFailed = "数据库写入失败，本次操作未生效（所选记录均未改动），请稍后重试";

    private const int WindowsDiskFull = 0x70;
    private const int WindowsHandleDiskFull = 0x27;
    private const int UnixNoSpace = 28;
    private const int UnixQuotaExceeded = 122;

    /// <summary>The disk (or quota) of the file store is full: ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL, ENOSPC / EDQUOT.</summary>
    public static bool IsStorageFull(Exception? ex) =>
        ex is IOException io && ((io.HResult & 0xFFFF) is WindowsDiskFull or WindowsHandleDiskFull || io.HResult is UnixNoSpace or UnixQuotaExceeded);

    /// <summary>The database refused or lost the connection: a provider <see cref="DbException"/> anywhere in the chain.</summary>
    public static bool IsDatabaseFault(Exception? ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is DbException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Stores an upload; a full file store refuses it with <see cref="StorageFull"/> (nothing was recorded yet).</summary>
    public static async Task<string> SaveUploadAsync(this IFileStore files, string relativeFolder, string fileName, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        try
        {
            return await files.SaveAsync(relativeFolder, fileName, content, ct);
        }
        catch (IOException ex) when (IsStorageFull(ex))
        {
            throw new DomainRuleException(StorageFull, ex);
        }
    }
}
