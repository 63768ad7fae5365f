using CertHub.Core.Catalog;
using CertHub.Core.Common;

namespace CertHub.Core.Invigilators;

/// <summary>
/// 考评员认证: an invigilator's application, per certificate level, to the certificate's organisation.
/// See <see cref="CertificationStatus"/> for the transitions; a certified one cannot be deleted.
/// </summary>
public sealed class InvigilatorCertification : Entity
{
    public const int ReasonMaxLength = 500;
    public const int ActorMaxLength = 60;

    private static readonly TransitionTable<CertificationStatus, CertificationAction> Table = new TransitionTable<CertificationStatus, CertificationAction>()
        .Allow(CertificationStatus.Draft, CertificationAction.Submit, CertificationStatus.Pending)
        .Allow(CertificationStatus.Pending, CertificationAction.Certify, CertificationStatus.Certified)
        .Allow(CertificationStatus.Pending, CertificationAction.Return, CertificationStatus.Returned)
        .Allow(CertificationStatus.Returned, CertificationAction.Resubmit, CertificationStatus.Pending);

    private readonly List<InvigilatorCertificationHistory> _history = [];

    private InvigilatorCertification()
    {
    }

    public int InvigilatorId { get; private set; }

    public int CertificateId { get; private set; }

    public CertificateLevel Level { get; private set; }

    /// <summary>The certificate's organisation, which certifies.</summary>
    public int OrganizationId { get; private set; }

    public CertificationStatus Status { get; private set; }

    /// <summary>退回原因 of the last return.</summary>
    public string? ReturnReason { get; private set; }

    public DateTimeOffset CreatedUtc { get; private set; }

    public IReadOnlyList<InvigilatorCertificationHistory> History => _history;

    public bool CanSubmit => Table.CanApply(Status, CertificationAction.Submit);

    public bool CanCertify => Table.CanApply(Status, CertificationAction.Certify);

    public bool CanReturn => Table.CanApply(Status, CertificationAction.Return);

    public bool CanResubmit => Table.CanApply(Status, CertificationAction.Resubmit);

    /// <summary>Any but a certified one may be removed (manual: 对于已认证的监考证书无法删除).</summary>
    public bool CanDelete => Status != CertificationStatus.Certified;

    public static InvigilatorCertification Create(int invigilatorId, int certificateId, int organizationId, CertificateLevel level, DateTimeOffset nowUtc) =>
        new()
        {
            InvigilatorId = invigilatorId,
            CertificateId = certificateId,
            OrganizationId = organizationId,
            Level = level,
            Status = CertificationStatus.Draft,
            CreatedUtc = nowUtc,
        };

    public void Submit(string actorName, DateTimeOffset nowUtc) => TransitionTo(CertificationAction.Submit, actorName, nowUtc, null);

    public void Certify(string actorName, DateTimeOffset nowUtc) => TransitionTo(CertificationAction.Certify, actorName, nowUtc, null);

    public void Return(string reason, string actorName, DateTimeOffset nowUtc) =>
        TransitionTo(CertificationAction.Return, actorName, nowUtc, Guard.Required(reason, "退回原因", ReasonMaxLength));

    public void Resubmit(string actorName, DateTimeOffset nowUtc) => TransitionTo(CertificationAction.Resubmit, actorName, nowUtc, null);

    private void TransitionTo(CertificationAction action, string actorName, DateTimeOffset nowUtc, string? reason)
    {
        var from = Status;
        Status = Table.Apply(Status, action);
        if (action == CertificationAction.Return)
        {
            ReturnReason = reason;
        }

        _history.Add(new InvigilatorCertificationHistory(action, from, Status, reason, Guard.Required(actorName, "操作人", ActorMaxLength), nowUtc));
    }
}

/// <summary>One status change of a certification: who, when, and the reason when returned.</summary>
public sealed class InvigilatorCertificationHistory : Entity
{
    private InvigilatorCertificationHistory()
    {
    }

    internal InvigilatorCertificationHistory(CertificationAction action, CertificationStatus fromStatus, CertificationStatus toStatus, string? reason, string actorName, DateTimeOffset occurredUtc)
    {
        Action = action;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        Reason = reason;
        ActorName = actorName;
        OccurredUtc = occurredUtc;
    }

    public int InvigilatorCertificationId { get; private set; }

    public CertificationAction Action { get; private set; }

    public CertificationStatus FromStatus { get; private set; }

    public CertificationStatus ToStatus { get; private set; }

    public string? Reason { get; private set; }

    public string ActorName { get; private set; } = "";

    public DateTimeOffset OccurredUtc { get; private set; }
}
