using CertHub.Core.Imports;

namespace CertHub.Core.Exams.RoomImport;

/// <summary>One row of the 考场信息 template as read from the sheet (text, unchecked); <see cref="RowNumber"/> counts the header as row 1.</summary>
public sealed record ExamRoomImportRow(
    int RowNumber,
    string? Plan,
    string? Site,
    string? Certificate,
    string? Level,
    string? Subjects,
    string? Name,
    string? Address,
    string? SeatCount)
{
    /// <summary>The cells in template column order (for the failed-rows file).</summary>
    public IReadOnlyList<string?> Cells => [Plan, Site, Certificate, Level, Subjects, Name, Address, SeatCount];

    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>A rejected row with its reason, kept for the failed-rows file.</summary>
public sealed record ExamRoomImportFailure(ExamRoomImportRow Row, string Reason)
{
    public ImportRowError Error => new(Row.RowNumber, Reason);
}

/// <summary>What 批量导入考场信息 did: rows saved, rows refused (first few errors), the 导入记录 and its failed-rows file.</summary>
public sealed record ExamRoomImportResult(int Succeeded, int Failed, IReadOnlyList<ImportRowError> Errors, int ImportRecordId, string? FailedRowsPath);

/// <summary>The 考场信息 template: Chinese headers in order, an example row and the 填写说明 rules.</summary>
public static class ExamRoomImportTemplate
{
    public const string Plan = "考试计划";
    public const string Site = "考核站点";
    public const string Certificate = "考试证书";
    public const string Level = "证书等级";
    public const string Subjects = "考试科目";
    public const string Name = "考场名称";
    public const string Address = "考场地址";
    public const string SeatCount = "考位数";
    public const string FailureReason = "失败原因";
    public const string Sheet = "考场信息";
    public const string RulesSheet = "填写说明";
    public const string FileName = "考场信息导入模板.xlsx";

    /// <summary>Separators accepted between several 科目编号 in one cell.</summary>
    public static readonly char[] SubjectSeparators = ['、', ',', '，', ';', '；'];

    public static IReadOnlyList<string> Headers { get; } = [Plan, Site, Certificate, Level, Subjects, Name, Address, SeatCount];

    public static IReadOnlyList<string> Example { get; } =
        ["2026年十二月中级信息化考试", "北京科技大学信息化应用职业技能等级证书(中级、高级)考核站点", "信息化应用职业技能等级证书", "中级", "4000102、4000103", "第1机房考场", "北京市海淀区学院路30号机电楼201室", "40"];

    public static IReadOnlyList<(string Column, string Rule)> Rules { get; } =
    [
        (Plan, "必填，考试计划名称；须为已发布、参考院校包含本校且尚未开始排考的考试计划"),
        (Site, "必填，考核站点名称；须为本校审核通过的考核站点，或培训评价组织分配给本校的考核站点"),
        (Certificate, "必填，证书名称，须与考核站点的证书一致"),
        (Level, "必填：初级、中级、高级；考试计划和考核站点都须包含该等级"),
        (Subjects, "必填，科目编号，多个科目用“、”或“,”分隔；须为该考试计划中该证书等级的科目，且考试方式需要同一类型的考场"),
        (Name, $"必填，不超过{ExamRoom.NameMaxLength}个字符；同一考试计划、考核站点、考试证书下不能重复"),
        (Address, $"必填，不超过{ExamRoom.AddressMaxLength}个字符"),
        (SeatCount, "必填，正整数"),
        ("注意", "第一行为表头，请勿修改；示例行请删除后再导入；考场类型根据考试科目自动生成，无需填写"),
    ];
}
