namespace CertHub.Core.Scores.Import;

/// <summary>The 成绩导入 template: columns, example row and 填写说明.</summary>
public static class ScoreImportTemplate
{
    public const string FileName = "科目成绩导入模板.xlsx";
    public const string SheetName = "科目成绩";
    public const string RulesSheet = "填写说明";
    public const string AdmissionTicketNo = "准考证号";
    public const string CandidateNo = "考生编号";
    public const string Name = "姓名";
    public const string SubjectCode = "科目编号";
    public const string Score = "成绩";
    public const string FailureReason = "失败原因";

    public static readonly IReadOnlyList<string> Headers = [AdmissionTicketNo, CandidateNo, Name, SubjectCode, Score];

    public static readonly IReadOnlyList<string?> Example = ["2021091600241100000020001", "11010120211631773529000001", "张三", "KM001", "86.5"];

    public static readonly IReadOnlyList<(string Column, string Rule)> Rules =
    [
        (AdmissionTicketNo, "必填；考生在该考试计划该科目的准考证号（见排考结果）"),
        (CandidateNo, "必填；须与准考证号对应的考生一致"),
        (Name, "必填；须与准考证号对应的考生姓名一致"),
        (SubjectCode, "必填；考生参加考试的科目编号"),
        (Score, $"必填；0到满分之间的数字，最多保留一位小数；未参加考试填写“{ScoreRowValidator.AbsentMark}”"),
        ("说明", "只能在考试计划的成绩登记时间内导入；同一考生同一科目在文件中只能出现一次；重复导入相同成绩不会重复登记，导入不同成绩将覆盖原成绩并保留修改记录"),
    ];
}
