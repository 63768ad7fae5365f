using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;

namespace CertHub.Core.Payments;

/// <summary>Change-feed topics of the payment feature.</summary>
public static class PaymentTopics
{
    public const string Payments = "payments";
}

/// <summary>缴费管理 filters: 考试计划, 考试证书, 缴费单号, 院校名称 (organisation), 状态 (tab).</summary>
public sealed record PaymentFilter(
    string? PlanName = null,
    string? CertificateName = null,
    string? RequestNo = null,
    string? SchoolName = null,
    PaymentStatus? Status = null);

/// <summary>按证书/按科目报考生成缴费申请单: plan → certificate level (→ subject when 按科目).</summary>
public sealed record PaymentGenerationInput(RegistrationMode Mode, int ExamPlanId, int CertificateId, CertificateLevel Level, int? SubjectId);

/// <summary>What 确定 would bill: 人数, 考试费用 and 金额 (yuan).</summary>
public sealed record PaymentPreview(int Count, decimal UnitFee, decimal Amount)
{
    public string Text => Count == 0 ? PaymentRequest.NothingToBill : $"将生成缴费申请单：{Count}人，考试费用{Money.Of(UnitFee)}元/人，金额{Money.Of(Amount)}元";
}

/// <summary>A subject of a certificate level in a plan, for 按科目 generation.</summary>
public sealed record PaymentSubjectOption(int SubjectId, string Name);

/// <summary>A certificate level in a plan with the subjects to choose from (按科目 only).</summary>
public sealed record PaymentCertificateOption(int CertificateId, CertificateLevel Level, string Name, IReadOnlyList<PaymentSubjectOption> Subjects)
{
    public string Title => $"{Name}（{Level.ToDisplayName()}）";
}

/// <summary>A plan the school can bill (报考中, includes it, registers in the chosen mode).</summary>
public sealed record PaymentPlanOption(int ExamPlanId, string Name, IReadOnlyList<PaymentCertificateOption> Certificates);

/// <summary>One row of the 缴费申请单 list (and of the export); Can* flags come from the <see cref="PaymentRequest"/> transition table.</summary>
public sealed record PaymentListItem(
    int Id,
    string RequestNo,
    string PlanName,
    string SchoolName,
    string CertificateName,
    CertificateLevel Level,
    string? SubjectName,
    int Count,
    decimal UnitFee,
    decimal Amount,
    PaymentStatus Status,
    string CreatedBy,
    DateTimeOffset CreatedUtc,
    string? ConfirmedBy,
    DateTimeOffset? ConfirmedUtc)
{
    /// <summary>报考方式 of the request: 按科目 when it bills one subject.</summary>
    public string ModeText => SubjectName is null ? "按证书" : "按科目";

    public string CertificateText => $"{CertificateName}（{Level.ToDisplayName()}）";

    public string AmountText => Money.Of(Amount).ToString();

    public bool CanConfirm => PaymentRequest.CanApplyFrom(Status, PaymentAction.Confirm);

    public bool CanDelete => PaymentRequest.CanApplyFrom(Status, PaymentAction.Delete);
}

/// <summary>A registration billed by a request, as 查看 shows it (证件号码 masked).</summary>
public sealed record PaymentRegistrationRow(
    string Name,
    string MaskedIdNumber,
    string CandidateNo,
    string CertificateName,
    CertificateLevel Level,
    string? SubjectName,
    decimal Fee,
    bool IsPaid)
{
    public string CertificateText => $"{CertificateName}（{Level.ToDisplayName()}）";

    public string PaidText => IsPaid ? "已缴费" : "未缴费";
}

/// <summary>查看缴费申请单: the request and its registrations.</summary>
public sealed record PaymentDetail(PaymentListItem Request, IReadOnlyList<PaymentRegistrationRow> Registrations);
