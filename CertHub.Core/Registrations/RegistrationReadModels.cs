using System.ComponentModel.DataAnnotations;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;

namespace CertHub.Core.Registrations;

/// <summary>缴费 tabs of 报考管理: 已缴费 / 未缴费.</summary>
public enum RegistrationPayment
{
    [Display(Name = "已缴费")] Paid,
    [Display(Name = "未缴费")] Unpaid,
}

/// <summary>报考管理 filters: 考试计划, 考试证书 (and level), 科目, 考生姓名, 证件号码, 考生编号, 考生类型, and the two tab bars.</summary>
public sealed record RegistrationFilter(
    int? PlanId = null,
    int? CertificateId = null,
    CertificateLevel? Level = null,
    int? SubjectId = null,
    string? Name = null,
    string? IdNumber = null,
    string? CandidateNo = null,
    CandidateType? CandidateType = null,
    RegistrationStatus? Status = null,
    RegistrationPayment? Payment = null);

/// <summary>One row of 报考管理; the ID number is masked and the status is computed from scheduling and the exam time.</summary>
public sealed record RegistrationListItem(
    int Id,
    string PlanName,
    string SchoolName,
    string CertificateName,
    CertificateLevel Level,
    string? SubjectName,
    string CandidateNo,
    string Name,
    IdType IdType,
    string MaskedIdNumber,
    string? MajorName,
    CandidateType CandidateType,
    bool IsPaid,
    bool IsScheduled,
    RegistrationStatus Status,
    DateTimeOffset? ExamStartUtc,
    DateTimeOffset CreatedUtc)
{
    public string CertificateWithLevel => $"{CertificateName}({Level.ToDisplayName()})";

    public bool CanDelete => Registration.CanDeleteWhen(IsScheduled, IsPaid);
}

/// <summary>批量导出报考数据: one row per registration (ID number masked).</summary>
public sealed record RegistrationExportRow(
    string PlanName,
    string SchoolName,
    string CertificateName,
    CertificateLevel Level,
    string? SubjectName,
    string CandidateNo,
    string Name,
    string? Pinyin,
    IdType IdType,
    string MaskedIdNumber,
    string? MajorName,
    CandidateType CandidateType,
    RegistrationStatus Status,
    bool IsPaid,
    DateTimeOffset CreatedUtc);

/// <summary>An option of a select: id and text.</summary>
public sealed record RegistrationOption(int Id, string Text);

/// <summary>A certificate level of a plan, as offered in 考试证书 selects.</summary>
public sealed record RegistrationCertificateOption(int PlanId, int CertificateId, CertificateLevel Level, string Text);

/// <summary>A plan open for 报考 by the current school (for the import dialogs), with its certificate levels.</summary>
public sealed record RegistrationImportPlan(int Id, string Name, RegistrationMode Mode, IReadOnlyList<RegistrationCertificateOption> Certificates);

/// <summary>What the filter selects offer: the visible plans, their certificate levels and subjects.</summary>
public sealed record RegistrationFilterOptions(
    IReadOnlyList<RegistrationOption> Plans,
    IReadOnlyList<RegistrationCertificateOption> Certificates,
    IReadOnlyList<RegistrationSubjectOption> Subjects);

/// <summary>A subject of a plan's certificate level.</summary>
public sealed record RegistrationSubjectOption(int PlanId, int SubjectId, int CertificateId, CertificateLevel Level, string Text);

/// <summary>Counts of both tab bars under the current filter.</summary>
public sealed record RegistrationCounts(IReadOnlyDictionary<RegistrationStatus, int> ByStatus, IReadOnlyDictionary<RegistrationPayment, int> ByPayment);

/// <summary>One registration a batch action could not apply to, and why.</summary>
public sealed record RegistrationBatchFailure(int RegistrationId, string Name, string Reason);

/// <summary>批量删除 result: how many succeeded and why the others did not.</summary>
public sealed record RegistrationBatchResult(int Succeeded, IReadOnlyList<RegistrationBatchFailure> Failures)
{
    public int Failed => Failures.Count;

    /// <summary>The Chinese summary shown after the action, e.g. 删除成功 3 条，失败 1 条：张三：已缴费的报考不能删除.</summary>
    public string Summary(string verb) =>
        Failed == 0
            ? $"{verb}成功 {Succeeded} 条"
            : $"{verb}成功 {Succeeded} 条，失败 {Failed} 条：" + string.Join("；", Failures.Take(5).Select(f => $"{f.Name}：{f.Reason}"));
}

/// <summary>Change-feed topic of 报考管理.</summary>
public static class RegistrationTopics
{
    public const string Registrations = "registrations";
}

/// <summary>Messages shared by the registration services and tests.</summary>
public static class RegistrationMessages
{
    public const string NotFound = "未找到该报考记录或无权访问";
    public const string SchoolOnly = "仅试点院校账户可以导入或删除报考信息";
    public const string NoAccess = "无权访问报考管理";
    public const string NoneSelected = "请先选择报考记录";
    public const string Scheduled = "已排考的报考不能删除";
    public const string Paid = "已缴费的报考不能删除";
    public const string InPaymentRequest = "该报考已生成缴费申请单，请先删除缴费申请单";
    public const string PlanNotFound = "未找到该考试计划或无权访问";
    public const string PlanNotOpen = "考试计划当前不在报考时间内";
    public const string PlanExcludesSchool = "考试计划的参考院校不包含您所在的院校";
}
