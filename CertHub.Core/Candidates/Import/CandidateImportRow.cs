using CertHub.Core.Imports;

namespace CertHub.Core.Candidates.Import;

/// <summary>One row of the 考生信息 template as read from the sheet (text, unchecked); <see cref="RowNumber"/> counts the header as row 1.</summary>
public sealed record CandidateImportRow(
    int RowNumber,
    string? Name,
    string? Pinyin,
    string? IdType,
    string? IdNumber,
    string? Phone,
    string? Major,
    string? MajorLevel,
    string? EnrollmentYear,
    string? CandidateType)
{
    /// <summary>The cells in template column order (for the failed-rows file).</summary>
    public IReadOnlyList<string?> Cells => [Name, Pinyin, IdType, IdNumber, Phone, Major, MajorLevel, EnrollmentYear, CandidateType];

    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>A row that passed validation: what to create or apply.</summary>
public sealed record ValidCandidateRow(int RowNumber, CandidateType CandidateType, CandidateDetails Details);

/// <summary>A rejected row with its reason, kept for the failed-rows file.</summary>
public sealed record CandidateImportFailure(CandidateImportRow Row, string Reason)
{
    public ImportRowError Error => new(Row.RowNumber, Reason);
}

/// <summary>批量导入考生信息 (new candidates) or 批量修改考生信息 (rows matched by 证件号码).</summary>
public enum CandidateImportMode
{
    Create,
    Update,
}

/// <summary>The 考生信息 template: Chinese headers in order, an example row and the 填写说明 rules.</summary>
public static class CandidateImportTemplate
{
    public const string Name = "姓名";
    public const string Pinyin = "姓名拼音";
    public const string IdType = "证件类型";
    public const string IdNumber = "证件号码";
    public const string Phone = "手机号";
    public const string Major = "就读专业";
    public const string MajorLevel = "专业层次";
    public const string EnrollmentYear = "入学年份";
    public const string CandidateType = "考生类型";
    public const string FailureReason = "失败原因";
    public const string RulesSheet = "填写说明";
    public const string FileName = "考生信息导入模板.xlsx";

    public static IReadOnlyList<string> Headers { get; } = [Name, Pinyin, IdType, IdNumber, Phone, Major, MajorLevel, EnrollmentYear, CandidateType];

    public static IReadOnlyList<string> Example { get; } = ["张三", "zhang san", "居民身份证", "110101199003074477", "13812345678", "计算机应用技术", "高职专科", "2021", "院校考生"];

    public static IReadOnlyList<(string Column, string Rule)> Rules { get; } =
    [
        (Name, "必填，2到30个字符"),
        (Pinyin, "选填，不超过60个字符"),
        (IdType, "必填：居民身份证、港澳居民来往内地通行证、台湾居民来往大陆通行证、护照、外国人永久居留身份证"),
        (IdNumber, "必填；居民身份证须为18位（不支持15位旧号码），校验位正确；同一院校内不能重复；批量修改时按证件号码匹配考生"),
        (Phone, "选填，11位手机号码"),
        (Major, "院校考生必填，须为证书专业目录中的专业名称"),
        (MajorLevel, "院校考生必填：中职、高职专科、职业本科、普通本科"),
        (EnrollmentYear, "院校考生必填，四位年份，如2021"),
        (CandidateType, "必填：院校考生或社会考生"),
        ("注意", "第一行为表头，请勿修改；示例行请删除后再导入；信息准确状态的考生不能修改姓名、证件类型、证件号码"),
    ];
}
