using System.ComponentModel.DataAnnotations;
using CertHub.Core.Common;

namespace CertHub.Core.Imports;

/// <summary>导入类型.</summary>
public enum ImportKind
{
    [Display(Name = "考生信息导入")] CandidateImport,
    [Display(Name = "考生信息修改")] CandidateUpdate,
    [Display(Name = "考场导入")] RoomImport,
    [Display(Name = "报考导入")] RegistrationImport,
    [Display(Name = "成绩导入")] ScoreImport,
    [Display(Name = "其他")] Other,
    [Display(Name = "考生照片导入")] PhotoImport,
    [Display(Name = "监考人员导入")] InvigilatorImport,
}

/// <summary>
/// 导入记录: who imported which file when, how many rows succeeded and failed, and the failed rows file. An import that
/// failed as a whole (the database went away, the file could not be read, a wrong template) keeps nothing and carries its
/// Chinese <see cref="FailureReason"/> (<see cref="MarkFailed"/>).
/// </summary>
public sealed class ImportRecord : Entity
{
    public const int FileNameMaxLength = 200;
    public const int UserNameMaxLength = 100;
    public const int PathMaxLength = 260;
    public const int FailureReasonMaxLength = 500;

    private ImportRecord()
    {
    }

    public ImportKind Kind { get; private set; }

    public string FileName { get; private set; } = "";

    public string UserName { get; private set; } = "";

    public int? SchoolId { get; private set; }

    public int? OrganizationId { get; private set; }

    public int TotalRows { get; private set; }

    public int SucceededRows { get; private set; }

    public int FailedRows { get; private set; }

    /// <summary>The downloadable xlsx of the failed rows with their reasons; null when none failed.</summary>
    public string? FailedRowsFilePath { get; private set; }

    public DateTimeOffset CreatedUtc { get; private set; }

    /// <summary>Why the import failed as a whole (导入失败原因); null when it ran (even when some rows were refused).</summary>
    public string? FailureReason { get; private set; }

    /// <summary>导入失败: the import failed as a whole and kept no row.</summary>
    public bool HasFailed => FailureReason is not null;

    public static ImportRecord Create(ImportKind kind, string fileName, string userName, int? schoolId, int? organizationId,
        int succeededRows, int failedRows, string? failedRowsFilePath, DateTimeOffset nowUtc) =>
        new()
        {
            Kind = kind,
            FileName = Guard.Required(fileName, "文件名", FileNameMaxLength),
            UserName = Guard.Required(userName, "导入人", UserNameMaxLength),
            SchoolId = schoolId,
            OrganizationId = organizationId,
            SucceededRows = Guard.NonNegative(succeededRows, "成功条数"),
            FailedRows = Guard.NonNegative(failedRows, "失败条数"),
            TotalRows = succeededRows + failedRows,
            FailedRowsFilePath = Guard.Optional(failedRowsFilePath, "失败数据文件", PathMaxLength),
            CreatedUtc = nowUtc,
        };

    /// <summary>
    /// The 导入记录 of an import that failed as a whole: nothing was kept (成功 0), the <paramref name="rowsRead"/> rows read
    /// count as failed, and <paramref name="reason"/> says why.
    /// </summary>
    public static ImportRecord Failed(ImportKind kind, string fileName, string userName, int? schoolId, int? organizationId,
        int rowsRead, string reason, DateTimeOffset nowUtc)
    {
        var record = Create(kind, fileName, userName, schoolId, organizationId, 0, rowsRead, null, nowUtc);
        record.MarkFailed(reason);
        return record;
    }

    /// <summary>
    /// 导入失败: records why the import failed as a whole (a reason longer than <see cref="FailureReasonMaxLength"/> is cut).
    /// Refused when a reason is already recorded, or when rows were imported (then the import did not fail as a whole).
    /// </summary>
    public void MarkFailed(string reason)
    {
        DomainRuleException.ThrowIf(FailureReason is not null, "该导入记录已标记为导入失败");
        DomainRuleException.ThrowIf(SucceededRows > 0, "已有数据导入成功，不能标记为导入失败");
        var text = reason?.Trim() ?? "";
        DomainRuleException.ThrowIf(text.Length == 0, "导入失败原因不能为空");
        FailureReason = text.Length <= FailureReasonMaxLength ? text : text[..(FailureReasonMaxLength - 1)] + "…";
    }
}

/// <summary>One rejected import row: its 1-based row number in the sheet (the header is row 1) and why.</summary>
public sealed record ImportRowError(int RowNumber, string Reason);

/// <summary>The outcome of validating an import: the good rows (to commit) and the errors (to report).</summary>
public sealed record ImportOutcome<T>(IReadOnlyList<T> Rows, IReadOnlyList<ImportRowError> Errors)
{
    public int SucceededRows => Rows.Count;

    /// <summary>Failed rows (a row with several errors counts once).</summary>
    public int FailedRows => Errors.Select(e => e.RowNumber).Distinct().Count();

    public int TotalRows => SucceededRows + FailedRows;

    public bool HasErrors => Errors.Count > 0;
}
