using CertHub.Core.Catalog;
using CertHub.Core.Common;

namespace CertHub.Core.ExamSites;

/// <summary>
/// 考核站点: a school's site for examining one certificate at one or more levels, reviewed by the certificate's
/// organisation. Its name is generated: school name + certificate name + (levels) + 考核站点.
/// One site per school and certificate. See <see cref="ExamSiteStatus"/>.
/// </summary>
public sealed class ExamSite : Entity
{
    public const int NameMaxLength = 200;
    public const int AddressMaxLength = 200;
    public const int ContactNameMaxLength = 30;
    public const int ContactPhoneMaxLength = 20;
    public const int ActorMaxLength = 60;
    public const int OpinionMaxLength = 500;
    public const int EquipmentMaxLength = 1000;

    private static readonly TransitionTable<ExamSiteStatus, ExamSiteAction> Table = new TransitionTable<ExamSiteStatus, ExamSiteAction>()
        .Allow(ExamSiteStatus.Draft, ExamSiteAction.Edit, ExamSiteStatus.Draft)
        .Allow(ExamSiteStatus.Returned, ExamSiteAction.Edit, ExamSiteStatus.Returned)
        .Allow(ExamSiteStatus.Draft, ExamSiteAction.Submit, ExamSiteStatus.Pending)
        .Allow(ExamSiteStatus.Returned, ExamSiteAction.Submit, ExamSiteStatus.Pending)
        .Allow(ExamSiteStatus.Pending, ExamSiteAction.Withdraw, ExamSiteStatus.Draft)
        .Allow(ExamSiteStatus.Pending, ExamSiteAction.Approve, ExamSiteStatus.Approved)
        .Allow(ExamSiteStatus.Pending, ExamSiteAction.Return, ExamSiteStatus.Returned);

    private readonly List<ExamSiteLevel> _levels = [];
    private readonly List<ExamSiteReview> _reviews = [];

    private ExamSite()
    {
    }

    public int SchoolId { get; private set; }

    public int CertificateId { get; private set; }

    /// <summary>The organisation of the certificate, which reviews the site.</summary>
    public int OrganizationId { get; private set; }

    public IReadOnlyList<ExamSiteLevel> Levels => _levels;

    /// <summary>考核站点名称, e.g. 北京交通大学信息化应用职业技能等级证书(初级、中级、高级)考核站点.</summary>
    public string Name { get; private set; } = "";

    public string Address { get; private set; } = "";

    /// <summary>考位数.</summary>
    public int SeatCount { get; private set; }

    public string ContactName { get; private set; } = "";

    public string ContactPhone { get; private set; } = "";

    /// <summary>设备情况: the equipment description checked against the 考核站点建设标准.</summary>
    public string? Equipment { get; private set; }

    public ExamSiteStatus Status { get; private set; }

    public DateTimeOffset CreatedUtc { get; private set; }

    /// <summary>审核记录: every status change, oldest first.</summary>
    public IReadOnlyList<ExamSiteReview> Reviews => _reviews;

    public bool CanEdit => Table.CanApply(Status, ExamSiteAction.Edit);

    /// <summary>Whether <paramref name="action"/> is allowed from <paramref name="status"/> (for list rows).</summary>
    public static bool CanApplyFrom(ExamSiteStatus status, ExamSiteAction action) => Table.CanApply(status, action);

    public bool CanDelete => Table.CanApply(Status, ExamSiteAction.Edit);

    public bool CanSubmit => Table.CanApply(Status, ExamSiteAction.Submit);

    public bool CanWithdraw => Table.CanApply(Status, ExamSiteAction.Withdraw);

    public bool CanApprove => Table.CanApply(Status, ExamSiteAction.Approve);

    public bool CanReturn => Table.CanApply(Status, ExamSiteAction.Return);

    /// <summary>申报考核站点 (saved as 未提交).</summary>
    public static ExamSite Create(
        PilotSchool school,
        Certificate certificate,
        IEnumerable<CertificateLevel> levels,
        string address,
        int seatCount,
        string contactName,
        string contactPhone,
        DateTimeOffset nowUtc,
        string? equipment = null)
    {
        var site = new ExamSite
        {
            SchoolId = school.Id,
            CertificateId = certificate.Id,
            OrganizationId = certificate.OrganizationId,
            Status = ExamSiteStatus.Draft,
            CreatedUtc = nowUtc,
        };
        site.Apply(school, certificate, levels, address, seatCount, contactName, contactPhone, equipment);
        return site;
    }

    /// <summary>修改考核站点: only in 未提交 or 审核退回. The name is rebuilt from the school, certificate and levels.</summary>
    public void Edit(
        PilotSchool school,
        Certificate certificate,
        IEnumerable<CertificateLevel> levels,
        string address,
        int seatCount,
        string contactName,
        string contactPhone,
        string? equipment = null)
    {
        Table.Apply(Status, ExamSiteAction.Edit);
        DomainRuleException.ThrowIf(school.Id != SchoolId || certificate.Id != CertificateId, "不能更改考核站点的院校或证书");
        Apply(school, certificate, levels, address, seatCount, contactName, contactPhone, equipment);
    }

    public void Submit(string actorName, DateTimeOffset nowUtc) => TransitionTo(ExamSiteAction.Submit, actorName, nowUtc, null);

    /// <summary>撤销: 待审核 → 未提交, before the organisation reviews it.</summary>
    public void Withdraw(string actorName, DateTimeOffset nowUtc) => TransitionTo(ExamSiteAction.Withdraw, actorName, nowUtc, null);

    public void Approve(string reviewerName, DateTimeOffset nowUtc, string? opinion = null) =>
        TransitionTo(ExamSiteAction.Approve, reviewerName, nowUtc, opinion);

    public void Return(string reason, string reviewerName, DateTimeOffset nowUtc) =>
        TransitionTo(ExamSiteAction.Return, reviewerName, nowUtc, Guard.Required(reason, "退回原因", OpinionMaxLength));

    public bool HasLevel(CertificateLevel level) => _levels.Any(l => l.Level == level);

    /// <summary>The generated 考核站点名称.</summary>
    public static string BuildName(string schoolName, string certificateName, IEnumerable<CertificateLevel> levels) =>
        $"{schoolName}{certificateName}({string.Join("、", levels.Distinct().Order().Select(l => l.ToDisplayName()))})考核站点";

    private void Apply(PilotSchool school, Certificate certificate, IEnumerable<CertificateLevel> levels, string address, int seatCount, string contactName, string contactPhone, string? equipment)
    {
        var wanted = levels.Distinct().Order().ToList();
        DomainRuleException.ThrowIf(wanted.Count == 0, "请至少选择一个证书等级");
        DomainRuleException.ThrowIf(wanted.Any(l => !certificate.HasLevel(l)), "所选等级不在该证书的等级范围内");

        var name = BuildName(school.Name, certificate.Name, wanted);
        DomainRuleException.ThrowIf(name.Length > NameMaxLength, $"考核站点名称不能超过{NameMaxLength}个字符");
        Name = name;
        Address = Guard.Required(address, "考核站点地址", AddressMaxLength);
        SeatCount = Guard.Positive(seatCount, "考位数");
        ContactName = Guard.Required(contactName, "联系人", ContactNameMaxLength);
        ContactPhone = Guard.Required(Guard.Phone(contactPhone), "联系电话", ContactPhoneMaxLength);
        Equipment = Guard.Optional(equipment, "设备情况", EquipmentMaxLength);

        _levels.RemoveAll(l => !wanted.Contains(l.Level));
        foreach (var level in wanted.Where(l => !HasLevel(l)))
        {
            _levels.Add(new ExamSiteLevel(level));
        }
    }

    private void TransitionTo(ExamSiteAction action, string actorName, DateTimeOffset nowUtc, string? reason)
    {
        var from = Status;
        Status = Table.Apply(Status, action);
        _reviews.Add(new ExamSiteReview(action, from, Status, Guard.Optional(reason, "审核意见", OpinionMaxLength), Guard.Required(actorName, "操作人", ActorMaxLength), nowUtc));
    }
}

/// <summary>One certificate level a site examines.</summary>
public sealed class ExamSiteLevel
{
    private ExamSiteLevel()
    {
    }

    internal ExamSiteLevel(CertificateLevel level) => Level = level;

    public int ExamSiteId { get; private set; }

    public CertificateLevel Level { get; private set; }
}

/// <summary>审核记录 of a site: one status change with who, when and the opinion.</summary>
public sealed class ExamSiteReview : Entity
{
    private ExamSiteReview()
    {
    }

    internal ExamSiteReview(ExamSiteAction action, ExamSiteStatus fromStatus, ExamSiteStatus toStatus, string? opinion, string actorName, DateTimeOffset occurredUtc)
    {
        Action = action;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        Opinion = opinion;
        ActorName = actorName;
        OccurredUtc = occurredUtc;
    }

    public int ExamSiteId { get; private set; }

    public ExamSiteAction Action { get; private set; }

    public ExamSiteStatus FromStatus { get; private set; }

    public ExamSiteStatus ToStatus { get; private set; }

    public string? Opinion { get; private set; }

    public string ActorName { get; private set; } = "";

    public DateTimeOffset OccurredUtc { get; private set; }
}
