using System.ComponentModel.DataAnnotations;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;

namespace CertHub.Core.Registrations;

/// <summary>
/// 报考状态, computed from scheduling and the subject's exam time (never stored):
/// 未排考 until scheduled; then 待考试 until the exam starts, 考试中 during it, 已结束 after it.
/// </summary>
public enum RegistrationStatus
{
    [Display(Name = "未排考")] NotScheduled,
    [Display(Name = "待考试")] AwaitingExam,
    [Display(Name = "考试中")] InExam,
    [Display(Name = "已结束")] Ended,
}

/// <summary>
/// 报考: a candidate registered in an exam plan for a certificate level (and a subject when the plan registers 按科目).
/// It keeps a snapshot of the candidate at registration: later edits of the candidate do not change it; afterwards
/// only the organisation may change the pinyin and phone (<see cref="UpdateContact"/>).
/// </summary>
public sealed class Registration : Entity
{
    public const int MajorNameMaxLength = 50;

    private Registration()
    {
    }

    public int ExamPlanId { get; private set; }

    public int CandidateId { get; private set; }

    public int SchoolId { get; private set; }

    public int CertificateId { get; private set; }

    public CertificateLevel Level { get; private set; }

    /// <summary>报考科目 when the plan registers 按科目; null 按证书.</summary>
    public int? SubjectId { get; private set; }

    public string CandidateNo { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string? Pinyin { get; private set; }

    public IdType IdType { get; private set; }

    public string IdNumber { get; private set; } = "";

    public string? Phone { get; private set; }

    public string? MajorName { get; private set; }

    public CandidateType CandidateType { get; private set; }

    /// <summary>已缴费.</summary>
    public bool IsPaid { get; private set; }

    public int? PaymentRequestId { get; private set; }

    /// <summary>已排考.</summary>
    public bool IsScheduled { get; private set; }

    public DateTimeOffset CreatedUtc { get; private set; }

    public string MaskedIdNumber => Candidates.IdNumber.Mask(IdNumber);

    /// <summary>Only registrations neither scheduled nor paid may be deleted.</summary>
    public bool CanDelete => CanDeleteWhen(IsScheduled, IsPaid);

    /// <summary>删除 is offered for a registration 未排考 and 未缴费 (for list rows projected without the entity).</summary>
    public static bool CanDeleteWhen(bool isScheduled, bool isPaid) => !isScheduled && !isPaid;

    /// <summary>
    /// Throws unless the registration may be deleted: 未排考, 未缴费 and not held by a 缴费申请单 awaiting confirmation
    /// (<paramref name="inPaymentRequest"/>; delete the request first).
    /// </summary>
    public void EnsureDeletable(bool inPaymentRequest)
    {
        DomainRuleException.ThrowIf(IsScheduled, RegistrationMessages.Scheduled);
        DomainRuleException.ThrowIf(IsPaid, RegistrationMessages.Paid);
        DomainRuleException.ThrowIf(inPaymentRequest, RegistrationMessages.InPaymentRequest);
    }

    /// <summary>
    /// 报考: the plan must be 报考中 and list the candidate's school and the certificate level; a subject is required
    /// exactly when the plan registers 按科目, and must be open to the candidate's type (参考对象).
    /// Cross-record checks (major allowed, declared in the approved application, no duplicate) belong to the service.
    /// </summary>
    public static Registration Create(
        ExamPlan plan,
        Candidate candidate,
        int certificateId,
        CertificateLevel level,
        ExamSubject? subject,
        string? majorName,
        DateTimeOffset nowUtc)
    {
        DomainRuleException.ThrowIf(!plan.IsRegistrationOpen(nowUtc), "考试计划当前不在报考时间内");
        DomainRuleException.ThrowIf(!plan.IncludesSchool(candidate.SchoolId), "考试计划的参考院校不包含该考生所在院校");
        DomainRuleException.ThrowIf(!plan.HasCertificate(certificateId, level), "考试计划中没有该考核证书");
        if (plan.RegistrationMode == RegistrationMode.BySubject)
        {
            DomainRuleException.ThrowIf(subject is null, "按科目报考的考试计划需选择报考科目");
            DomainRuleException.ThrowIf(subject!.CertificateId != certificateId || subject.Level != level, "报考科目不属于该考核证书");
            DomainRuleException.ThrowIf(plan.SubjectTime(subject.Id) is null, "报考科目不在考试计划中");
            DomainRuleException.ThrowIf(!subject.IsOpenTo(candidate.CandidateType), $"该科目的参考对象为{subject.CandidateScope.ToDisplayName()}");
        }
        else
        {
            DomainRuleException.ThrowIf(subject is not null, "按证书报考的考试计划不能选择科目");
        }

        return new Registration
        {
            ExamPlanId = plan.Id,
            CandidateId = candidate.Id,
            SchoolId = candidate.SchoolId,
            CertificateId = certificateId,
            Level = level,
            SubjectId = subject?.Id,
            CandidateNo = candidate.CandidateNo,
            Name = candidate.Name,
            Pinyin = candidate.Pinyin,
            IdType = candidate.IdType,
            IdNumber = candidate.IdNumber,
            Phone = candidate.Phone,
            MajorName = Guard.Optional(majorName, "专业名称", MajorNameMaxLength),
            CandidateType = candidate.CandidateType,
            CreatedUtc = nowUtc,
        };
    }

    /// <summary>未排考 when not scheduled; else 待考试 before <paramref name="examStartUtc"/>, 考试中 until <paramref name="examEndUtc"/>, 已结束 after.</summary>
    public RegistrationStatus StatusAt(DateTimeOffset now, DateTimeOffset? examStartUtc, DateTimeOffset? examEndUtc) =>
        StatusOf(IsScheduled, now, examStartUtc, examEndUtc);

    /// <summary><see cref="StatusAt"/> for list rows projected without the entity.</summary>
    public static RegistrationStatus StatusOf(bool isScheduled, DateTimeOffset now, DateTimeOffset? examStartUtc, DateTimeOffset? examEndUtc) =>
        !isScheduled ? RegistrationStatus.NotScheduled
        : examStartUtc is null || now < examStartUtc ? RegistrationStatus.AwaitingExam
        : examEndUtc is null || now < examEndUtc ? RegistrationStatus.InExam
        : RegistrationStatus.Ended;

    /// <summary>The only change after registration (by the organisation): 姓名拼音 and 手机号.</summary>
    public void UpdateContact(string? pinyin, string? phone)
    {
        Pinyin = Guard.Optional(pinyin, "姓名拼音", Candidate.PinyinMaxLength);
        Phone = MobilePhone.Optional(phone);
    }

    /// <summary>已缴费, when the payment request holding it is confirmed.</summary>
    public void MarkPaid(int paymentRequestId)
    {
        DomainRuleException.ThrowIf(IsPaid, "该报考已缴费");
        IsPaid = true;
        PaymentRequestId = paymentRequestId;
    }

    /// <summary>排考: only paid registrations are scheduled.</summary>
    public void MarkScheduled()
    {
        DomainRuleException.ThrowIf(!IsPaid, "未缴费的报考不能排考");
        DomainRuleException.ThrowIf(IsScheduled, "该考生已排考");
        IsScheduled = true;
    }

    /// <summary>取消排考 (re-scheduling).</summary>
    public void ClearScheduled() => IsScheduled = false;
}
