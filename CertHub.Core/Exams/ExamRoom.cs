using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.ExamSites;

namespace CertHub.Core.Exams;

/// <summary>
/// 考场 of an exam site for one plan and certificate level, for one or more subjects sharing a room type.
/// Its name is unique per plan + site + certificate. Its status follows from the plan's scheduling window
/// (<see cref="StatusAt"/>); what each status allows is in <see cref="ExamRoomStatus"/>.
/// </summary>
public sealed class ExamRoom : Entity
{
    public const int NameMaxLength = 60;
    public const int AddressMaxLength = 200;

    private static readonly TransitionTable<ExamRoomStatus, ExamRoomAction> Table = new TransitionTable<ExamRoomStatus, ExamRoomAction>()
        .Allow(ExamRoomStatus.NotScheduled, ExamRoomAction.Edit, ExamRoomStatus.NotScheduled)
        .Allow(ExamRoomStatus.NotScheduled, ExamRoomAction.RaiseSeatCount, ExamRoomStatus.NotScheduled)
        .Allow(ExamRoomStatus.NotScheduled, ExamRoomAction.Delete, ExamRoomStatus.NotScheduled)
        .Allow(ExamRoomStatus.Scheduling, ExamRoomAction.RaiseSeatCount, ExamRoomStatus.Scheduling);

    private readonly List<ExamRoomSubject> _subjects = [];

    private ExamRoom()
    {
    }

    public int ExamPlanId { get; private set; }

    public int ExamSiteId { get; private set; }

    /// <summary>The school owning the site.</summary>
    public int SchoolId { get; private set; }

    public int CertificateId { get; private set; }

    public CertificateLevel Level { get; private set; }

    public IReadOnlyList<ExamRoomSubject> Subjects => _subjects;

    public string Name { get; private set; } = "";

    public string Address { get; private set; } = "";

    /// <summary>考位数.</summary>
    public int SeatCount { get; private set; }

    /// <summary>考场类型, from the subjects' exam mode.</summary>
    public RoomType RoomType { get; private set; }

    public DateTimeOffset CreatedUtc { get; private set; }

    /// <summary>设置考场: the site must be approved for the level, the plan must hold the certificate level.</summary>
    public static ExamRoom Create(
        ExamPlan plan,
        ExamSite site,
        CertificateLevel level,
        IReadOnlyCollection<ExamSubject> subjects,
        string name,
        string address,
        int seatCount,
        DateTimeOffset nowUtc)
    {
        DomainRuleException.ThrowIf(site.Status != ExamSiteStatus.Approved, "考核站点未审核通过，不能设置考场");
        DomainRuleException.ThrowIf(!site.HasLevel(level), $"该考核站点不支持{level.ToDisplayName()}考核");
        DomainRuleException.ThrowIf(!plan.HasCertificate(site.CertificateId, level), "考试计划中没有该考核证书");
        var room = new ExamRoom
        {
            ExamPlanId = plan.Id,
            ExamSiteId = site.Id,
            SchoolId = site.SchoolId,
            CertificateId = site.CertificateId,
            Level = level,
            CreatedUtc = nowUtc,
        };
        DomainRuleException.ThrowIf(room.StatusAt(plan, nowUtc) != ExamRoomStatus.NotScheduled, "排考已开始，不能再设置考场");
        EnsurePlanExamines(plan, subjects);
        room.Apply(subjects, name, address, seatCount);
        return room;
    }

    /// <summary>未排考 before the plan's 排考开始时间, 排考中 inside the scheduling window, 已结束 after it.</summary>
    public ExamRoomStatus StatusAt(ExamPlan plan, DateTimeOffset now)
    {
        DomainRuleException.ThrowIf(plan.Id != ExamPlanId, "考场不属于该考试计划");
        return StatusBetween(plan.SchedulingStartUtc, plan.SchedulingEndUtc, now);
    }

    /// <summary>The status at <paramref name="now"/> for a scheduling window [start, end) (for list rows read without the plan).</summary>
    public static ExamRoomStatus StatusBetween(DateTimeOffset schedulingStartUtc, DateTimeOffset schedulingEndUtc, DateTimeOffset now) =>
        now < schedulingStartUtc ? ExamRoomStatus.NotScheduled
        : now < schedulingEndUtc ? ExamRoomStatus.Scheduling
        : ExamRoomStatus.Ended;

    /// <summary>Whether <paramref name="action"/> is allowed in <paramref name="status"/> (for list rows).</summary>
    public static bool CanApplyFrom(ExamRoomStatus status, ExamRoomAction action) => Table.CanApply(status, action);

    /// <summary>
    /// 沿用: a new room in <paramref name="plan"/> with this room's name, address and seats, for the subjects of this room
    /// that the new plan examines (the same rules as <see cref="Create"/>; at least one subject must remain).
    /// </summary>
    public ExamRoom CopyTo(ExamPlan plan, ExamSite site, IReadOnlyCollection<ExamSubject> planSubjects, DateTimeOffset nowUtc)
    {
        DomainRuleException.ThrowIf(plan.Id == ExamPlanId, "不能沿用到同一个考试计划");
        DomainRuleException.ThrowIf(site.Id != ExamSiteId, "考场的考核站点不一致");
        DomainRuleException.ThrowIf(!plan.HasCertificate(CertificateId, Level), "新考试计划不包含该证书等级");
        var subjects = planSubjects.Where(s => HasSubject(s.Id) && plan.SubjectTime(s.Id) is not null).ToList();
        DomainRuleException.ThrowIf(subjects.Count == 0, "新考试计划不包含该考场的考试科目");
        return Create(plan, site, Level, subjects, Name, Address, SeatCount, nowUtc);
    }

    public bool CanEdit(ExamPlan plan, DateTimeOffset now) => Table.CanApply(StatusAt(plan, now), ExamRoomAction.Edit);

    public bool CanRaiseSeatCount(ExamPlan plan, DateTimeOffset now) => Table.CanApply(StatusAt(plan, now), ExamRoomAction.RaiseSeatCount);

    public bool CanDelete(ExamPlan plan, DateTimeOffset now) => Table.CanApply(StatusAt(plan, now), ExamRoomAction.Delete);

    /// <summary>修改考场信息 (everything): only 未排考.</summary>
    public void Edit(ExamPlan plan, IReadOnlyCollection<ExamSubject> subjects, string name, string address, int seatCount, DateTimeOffset nowUtc)
    {
        Table.Apply(StatusAt(plan, nowUtc), ExamRoomAction.Edit);
        EnsurePlanExamines(plan, subjects);
        Apply(subjects, name, address, seatCount);
    }

    /// <summary>增加考位数: 未排考 or 排考中; the new count must be larger than the current one.</summary>
    public void RaiseSeatCount(ExamPlan plan, int newSeatCount, DateTimeOffset nowUtc)
    {
        Table.Apply(StatusAt(plan, nowUtc), ExamRoomAction.RaiseSeatCount);
        DomainRuleException.ThrowIf(newSeatCount <= SeatCount, $"考位数只能增加，不能少于或等于原考位数{SeatCount}");
        SeatCount = newSeatCount;
    }

    /// <summary>Throws unless the room may be deleted now (未排考).</summary>
    public void EnsureDeletable(ExamPlan plan, DateTimeOffset nowUtc) => Table.Apply(StatusAt(plan, nowUtc), ExamRoomAction.Delete);

    public bool HasSubject(int subjectId) => _subjects.Any(s => s.SubjectId == subjectId);

    private static void EnsurePlanExamines(ExamPlan plan, IReadOnlyCollection<ExamSubject> subjects) =>
        DomainRuleException.ThrowIf(subjects.Any(s => plan.SubjectTime(s.Id) is null), "所选考试科目不在该考试计划中");

    private void Apply(IReadOnlyCollection<ExamSubject> subjects, string name, string address, int seatCount)
    {
        DomainRuleException.ThrowIf(subjects.Count == 0, "请至少选择一个考试科目");
        DomainRuleException.ThrowIf(subjects.Any(s => s.CertificateId != CertificateId || s.Level != Level), "考试科目必须属于所选证书等级");
        var roomTypes = subjects.Select(s => s.RoomType).Distinct().ToList();
        DomainRuleException.ThrowIf(roomTypes.Count > 1, "所选科目的考试方式需要不同类型的考场，请分科目创建考场");

        Name = Guard.Required(name, "考场名称", NameMaxLength);
        Address = Guard.Required(address, "考场地址", AddressMaxLength);
        SeatCount = Guard.Positive(seatCount, "考位数");
        RoomType = roomTypes[0];

        var wanted = subjects.Select(s => s.Id).Distinct().ToList();
        _subjects.RemoveAll(s => !wanted.Contains(s.SubjectId));
        foreach (var id in wanted.Where(id => !HasSubject(id)))
        {
            _subjects.Add(new ExamRoomSubject(id));
        }
    }
}

/// <summary>A subject examined in a room.</summary>
public sealed class ExamRoomSubject
{
    private ExamRoomSubject()
    {
    }

    internal ExamRoomSubject(int subjectId) => SubjectId = subjectId;

    public int ExamRoomId { get; private set; }

    public int SubjectId { get; private set; }
}
