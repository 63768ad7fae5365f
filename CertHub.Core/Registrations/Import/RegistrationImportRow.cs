using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using CertHub.Core.Imports;

namespace CertHub.Core.Registrations.Import;

/// <summary>
/// One row of a 报考 template as read from the sheet (text, unchecked); <see cref="RowNumber"/> counts the header as row 1.
/// 按证书导入 fills 考核证书 and 证书等级; 按科目导入 fills 考试科目 (the certificate level is chosen in the dialog).
/// </summary>
public sealed record RegistrationImportRow(
    int RowNumber,
    string? Name,
    string? IdNumber,
    string? Certificate = null,
    string? Level = null,
    string? Subject = null)
{
    /// <summary>The cells in the template's column order (for the failed-rows file).</summary>
    public IReadOnlyList<string?> CellsFor(RegistrationMode mode) =>
        mode == RegistrationMode.ByCertificate ? [Name, IdNumber, Certificate, Level] : [Name, IdNumber, Subject];

    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(IdNumber) && string.IsNullOrWhiteSpace(Certificate)
        && string.IsNullOrWhiteSpace(Level) && string.IsNullOrWhiteSpace(Subject);
}

/// <summary>A rejected row with its reason, kept for the failed-rows file.</summary>
public sealed record RegistrationImportFailure(RegistrationImportRow Row, string Reason)
{
    public ImportRowError Error => new(Row.RowNumber, Reason);
}

/// <summary>
/// What to import into: the plan (chosen in the dialog), the mode (按证书导入 or 按科目导入) and, 按科目, the certificate level
/// chosen after the plan.
/// </summary>
public sealed record RegistrationImportRequest(int PlanId, RegistrationMode Mode, int? CertificateId = null, CertificateLevel? Level = null);

/// <summary>What an import did: rows committed, rows refused (first few errors), the 导入记录 and its failed-rows file.</summary>
public sealed record RegistrationImportResult(int Succeeded, int Failed, IReadOnlyList<ImportRowError> Errors, int ImportRecordId, string? FailedRowsPath);

/// <summary>The two 报考 templates: Chinese headers in order, an example row and the 填写说明 rules.</summary>
public static class RegistrationImportTemplate
{
    public const string Name = "考生姓名";
    public const string IdNumber = "证件号码";
    public const string Certificate = "考核证书";
    public const string Level = "证书等级";
    public const string Subject = "考试科目";
    public const string FailureReason = "失败原因";
    public const string RulesSheet = "填写说明";
    public const string DataSheet = "报考信息";

    public static string FileName(RegistrationMode mode) =>
        mode == RegistrationMode.ByCertificate ? "报考导入模板（按证书）.xlsx" : "报考导入模板（按科目）.xlsx";

    public static IReadOnlyList<string> Headers(RegistrationMode mode) =>
        mode == RegistrationMode.ByCertificate ? [Name, IdNumber, Certificate, Level] : [Name, IdNumber, Subject];

    public static IReadOnlyList<string> Example(RegistrationMode mode) =>
        mode == RegistrationMode.ByCertificate
            ? ["张三", "110101199003074477", "信息化应用职业技能等级证书", "中级"]
            : ["张三", "110101199003074477", "中级理论知识考试"];

    public static IReadOnlyList<(string Column, string Rule)> Rules(RegistrationMode mode)
    {
        List<(string, string)> rules =
        [
            (Name, "必填，须与考生管理中该证件号码的考生姓名一致"),
            (IdNumber, "必填，须为本校“考生管理”中已有考生的证件号码；考生信息状态须为“信息准确”"),
        ];
        if (mode == RegistrationMode.ByCertificate)
        {
            rules.Add((Certificate, "必填，须为所选考试计划中的考核证书名称"));
            rules.Add((Level, "必填：初级、中级、高级，须为考试计划中该证书的等级"));
        }
        else
        {
            rules.Add((Subject, "必填，所选考核证书在考试计划中的科目名称或科目编号；科目的参考对象须与考生类型一致"));
        }

        rules.Add(("专业", "院校考生的就读专业须在该证书面向的专业之内（见“证书信息管理”），且院校试点申报审核通过时填报了专业的，须为申报的专业之一"));
        rules.Add(("重复与冲突", "同一考生不能重复报考同一证书（科目）；同一考试计划中不能报考考试时间重叠的科目"));
        rules.Add(("注意", "导入前须先选择考试计划（按科目导入还须选择考核证书）；考试计划须处于报考中且参考院校包含本校；第一行为表头，请勿修改；示例行请删除后再导入"));
        return rules;
    }
}
