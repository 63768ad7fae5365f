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

/// <summary>导入记录: who imported which file when, how many rows succeeded and failed, and the failed rows file.</summary>
public sealed class ImportRecord : Entity
{
    public const int FileNameMaxLength = 200;
    public const int UserNameMaxLength = 100;
    public const int PathMaxLength = 260;

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
