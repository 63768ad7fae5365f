using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Registrations;

namespace CertHub.Core.Payments;

/// <summary>
/// 缴费状态. Allowed transitions (PaymentRequest.Table): 未确认 --确认--> 已确认. Delete only in 未确认.
/// </summary>
public enum PaymentStatus
{
    [Display(Name = "未确认")] Unconfirmed,
    [Display(Name = "已确认")] Confirmed,
}

/// <summary>Actions on a <see cref="PaymentRequest"/>.</summary>
public enum PaymentAction
{
    [Display(Name = "确认缴费")] Confirm,
    [Display(Name = "删除")] Delete,
}

/// <summary>
/// 缴费申请单: a school's bill for its unpaid registrations of one plan and certificate level (and subject, 按科目):
/// amount = count × unit fee. The organisation confirms it once the money arrived; the service then marks the
/// registrations 已缴费.
/// </summary>
public sealed class PaymentRequest : Entity
{
    public const int RequestNoMaxLength = 32;
    public const int ActorMaxLength = 60;

    /// <summary>The refusal when no unpaid, not yet requested registration is left to bill.</summary>
    public const string NothingToBill = "没有可生成缴费申请单的报考记录（未缴费且未生成缴费申请单的报考）";

    private static readonly TransitionTable<PaymentStatus, PaymentAction> Table = new TransitionTable<PaymentStatus, PaymentAction>()
        .Allow(PaymentStatus.Unconfirmed, PaymentAction.Confirm, PaymentStatus.Confirmed)
        .Allow(PaymentStatus.Unconfirmed, PaymentAction.Delete, PaymentStatus.Unconfirmed);

    private readonly List<PaymentRequestItem> _items = [];

    private PaymentRequest()
    {
    }

    public int SchoolId { get; private set; }

    public int ExamPlanId { get; private set; }

    public int CertificateId { get; private set; }

    public CertificateLevel Level { get; private set; }

    /// <summary>The subject when the plan registers 按科目.</summary>
    public int? SubjectId { get; private set; }

    public int OrganizationId { get; private set; }

    /// <summary>缴费单号.</summary>
    public string RequestNo { get; private set; } = "";

    public IReadOnlyList<PaymentRequestItem> Items => _items;

    /// <summary>报考人数.</summary>
    public int Count { get; private set; }

    /// <summary>考试费用 per registration (yuan).</summary>
    public decimal UnitFee { get; private set; }

    /// <summary>总费用 = Count × UnitFee.</summary>
    public decimal Amount { get; private set; }

    public PaymentStatus Status { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedUtc { get; private set; }

    public string? ConfirmedBy { get; private set; }

    public DateTimeOffset? ConfirmedUtc { get; private set; }

    public bool CanConfirm => Table.CanApply(Status, PaymentAction.Confirm);

    public bool CanDelete => Table.CanApply(Status, PaymentAction.Delete);

    /// <summary>Whether <paramref name="action"/> is allowed in <paramref name="status"/> (for list rows built in SQL).</summary>
    public static bool CanApplyFrom(PaymentStatus status, PaymentAction action) => Table.CanApply(status, action);

    /// <summary>
    /// 按证书/按科目报考生成缴费申请单: the plan must register in <paramref name="mode"/> and be 报考中; the unit fee and the
    /// organisation come from the plan (<see cref="ExamPlan.FeeFor"/>); the registrations must all belong to it.
    /// </summary>
    public static PaymentRequest Generate(
        string requestNo,
        ExamPlan plan,
        RegistrationMode mode,
        IReadOnlyCollection<Registration> registrations,
        string actorName,
        DateTimeOffset nowUtc)
    {
        DomainRuleException.ThrowIf(plan.RegistrationMode != mode, $"该考试计划为{plan.RegistrationMode.ToDisplayName()}报考，请使用{plan.RegistrationMode.ToDisplayName()}报考生成缴费申请单");
        DomainRuleException.ThrowIf(plan.StageAt(nowUtc) != ExamPlanStage.Registration, "考试计划不在报考阶段，不能生成缴费申请单");
        DomainRuleException.ThrowIf(registrations.Count == 0, NothingToBill);
        DomainRuleException.ThrowIf(registrations.Any(r => r.ExamPlanId != plan.Id), "报考记录不属于该考试计划");
        var first = registrations.First();
        return Create(requestNo, plan.OrganizationId, registrations, plan.FeeFor(first.CertificateId, first.Level, first.SubjectId), actorName, nowUtc);
    }

    /// <summary>
    /// 生成缴费申请单 from unpaid registrations of one school, plan and certificate level (and subject).
    /// <paramref name="unitFee"/> comes from the plan (ExamPlan.FeeFor).
    /// </summary>
    public static PaymentRequest Create(
        string requestNo,
        int organizationId,
        IReadOnlyCollection<Registration> registrations,
        decimal unitFee,
        string actorName,
        DateTimeOffset nowUtc)
    {
        DomainRuleException.ThrowIf(registrations.Count == 0, NothingToBill);
        var first = registrations.First();
        DomainRuleException.ThrowIf(
            registrations.Any(r => r.SchoolId != first.SchoolId || r.ExamPlanId != first.ExamPlanId || r.CertificateId != first.CertificateId || r.Level != first.Level || r.SubjectId != first.SubjectId),
            "缴费申请单中的报考必须属于同一院校、考试计划、证书等级和科目");
        DomainRuleException.ThrowIf(registrations.Any(r => r.IsPaid), "报考记录中包含已缴费的考生");
        DomainRuleException.ThrowIf(registrations.Select(r => r.Id).Distinct().Count() != registrations.Count, "报考记录重复");
        var unit = Money.Of(unitFee, "考试费用");

        var request = new PaymentRequest
        {
            SchoolId = first.SchoolId,
            ExamPlanId = first.ExamPlanId,
            CertificateId = first.CertificateId,
            Level = first.Level,
            SubjectId = first.SubjectId,
            OrganizationId = organizationId,
            RequestNo = Guard.Required(requestNo, "缴费单号", RequestNoMaxLength),
            UnitFee = unit.Yuan,
            Status = PaymentStatus.Unconfirmed,
            CreatedBy = Guard.Required(actorName, "操作人", ActorMaxLength),
            CreatedUtc = nowUtc,
        };
        request._items.AddRange(registrations.Select(r => new PaymentRequestItem(r.Id)));
        request.Count = request._items.Count;
        request.Amount = unit.Times(request.Count).Yuan;
        return request;
    }

    /// <summary>缴费单号: JF + yyyyMMddHHmmss (China time, as the page shows it) + 4-digit sequence; sorts by time.</summary>
    public static string NewRequestNo(DateTimeOffset nowUtc, int sequence)
    {
        DomainRuleException.ThrowIf(sequence is < 0 or > 9999, "序号应在0到9999之间");
        return string.Create(CultureInfo.InvariantCulture, $"JF{nowUtc.ToChina():yyyyMMddHHmmss}{sequence:D4}");
    }

    /// <summary>确认缴费: 未确认 → 已确认; a second confirmation throws.</summary>
    public void Confirm(string actorName, DateTimeOffset nowUtc) => TransitionTo(PaymentAction.Confirm, actorName, nowUtc);

    /// <summary>
    /// 确认缴费 and mark its registrations 已缴费: <paramref name="registrations"/> must be exactly the request's items.
    /// </summary>
    public void Confirm(IReadOnlyCollection<Registration> registrations, string actorName, DateTimeOffset nowUtc)
    {
        DomainRuleException.ThrowIf(Id == 0, "缴费申请单尚未保存");
        var ids = registrations.Select(r => r.Id).ToHashSet();
        DomainRuleException.ThrowIf(ids.Count != registrations.Count || !ids.SetEquals(_items.Select(i => i.RegistrationId)), "缴费申请单的报考记录不完整");
        DomainRuleException.ThrowIf(registrations.Any(r => r.IsPaid), "报考记录中包含已缴费的考生");
        TransitionTo(PaymentAction.Confirm, actorName, nowUtc);
        foreach (var registration in registrations)
        {
            registration.MarkPaid(Id);
        }
    }

    /// <summary>Throws unless the request may be deleted (未确认).</summary>
    public void EnsureDeletable() => Table.Apply(Status, PaymentAction.Delete);

    public bool Contains(int registrationId) => _items.Any(i => i.RegistrationId == registrationId);

    private void TransitionTo(PaymentAction action, string actorName, DateTimeOffset nowUtc)
    {
        Status = Table.Apply(Status, action);
        ConfirmedBy = Guard.Required(actorName, "确认人", ActorMaxLength);
        ConfirmedUtc = nowUtc;
    }
}

/// <summary>One registration billed by a payment request.</summary>
public sealed class PaymentRequestItem
{
    private PaymentRequestItem()
    {
    }

    internal PaymentRequestItem(int registrationId) => RegistrationId = registrationId;

    public int PaymentRequestId { get; private set; }

    public int RegistrationId { get; private set; }
}
