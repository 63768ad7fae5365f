using CertHub.Core.Catalog;
using CertHub.Core.Common;

namespace CertHub.Core.Exams;

/// <summary>The four windows of an exam plan, each [start, end).</summary>
public sealed record ExamPlanWindows(
    DateTimeOffset RegistrationStartUtc,
    DateTimeOffset RegistrationEndUtc,
    DateTimeOffset SchedulingStartUtc,
    DateTimeOffset SchedulingEndUtc,
    DateTimeOffset ScoreEntryStartUtc,
    DateTimeOffset ScoreEntryEndUtc,
    DateTimeOffset NoticeStartUtc,
    DateTimeOffset NoticeEndUtc);

/// <summary>
/// 考试计划 of an organisation: which certificate levels (with fees), which schools take part, how candidates register
/// (按证书/按科目), the windows 报考 &lt; 排考 &lt; 考试 &lt; 成绩登记 &lt; 公示, and each subject's exam time.
/// Editable until published; afterwards a window can only be extended (<see cref="ExtendWindow"/>).
/// Its stage follows from time (<see cref="StageAt"/>).
/// </summary>
public sealed class ExamPlan : Entity
{
    public const string SchedulingUnpublished = "考试计划未发布，不能调整排考";
    public const string SchedulingNotStarted = "排考时间未开始，不能调整";
    public const string SchedulingEnded = "排考时间已结束，不能调整";

    public const int NameMaxLength = 100;
    public const int ActorMaxLength = 60;

    private readonly List<ExamPlanCertificate> _certificates = [];
    private readonly List<ExamPlanSchool> _schools = [];
    private readonly List<ExamPlanSubject> _subjects = [];

    private ExamPlan()
    {
    }

    public int OrganizationId { get; private set; }

    public int Year { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>报考方式.</summary>
    public RegistrationMode RegistrationMode { get; private set; }

    public IReadOnlyList<ExamPlanCertificate> Certificates => _certificates;

    /// <summary>参考院校.</summary>
    public IReadOnlyList<ExamPlanSchool> Schools => _schools;

    /// <summary>科目考试时间.</summary>
    public IReadOnlyList<ExamPlanSubject> Subjects => _subjects;

    public DateTimeOffset RegistrationStartUtc { get; private set; }

    public DateTimeOffset RegistrationEndUtc { get; private set; }

    public DateTimeOffset SchedulingStartUtc { get; private set; }

    public DateTimeOffset SchedulingEndUtc { get; private set; }

    public DateTimeOffset ScoreEntryStartUtc { get; private set; }

    public DateTimeOffset ScoreEntryEndUtc { get; private set; }

    public DateTimeOffset NoticeStartUtc { get; private set; }

    public DateTimeOffset NoticeEndUtc { get; private set; }

    public bool IsPublished { get; private set; }

    public string? PublishedBy { get; private set; }

    public DateTimeOffset? PublishedUtc { get; private set; }

    public DateTimeOffset CreatedUtc { get; private set; }

    public bool CanEdit => !IsPublished;

    public bool CanPublish => !IsPublished;

    public static ExamPlan Create(int organizationId, int year, string name, RegistrationMode mode, ExamPlanWindows windows, DateTimeOffset nowUtc)
    {
        var plan = new ExamPlan { OrganizationId = organizationId, CreatedUtc = nowUtc };
        plan.Update(year, name, mode, windows);
        return plan;
    }

    /// <summary>编辑 before publishing: name, year, mode and windows (each window must end after it starts, and they must follow each other).</summary>
    public void Update(int year, string name, RegistrationMode mode, ExamPlanWindows windows)
    {
        EnsureEditable();
        DomainRuleException.ThrowIf(year is < 2000 or > 2100, "考试年度不正确");
        ValidateWindowOrder(windows);
        Year = year;
        Name = Guard.Required(name, "考试计划名称", NameMaxLength);
        if (mode != RegistrationMode)
        {
            foreach (var subject in _subjects)
            {
                subject.SetFee(null);
            }
        }

        RegistrationMode = mode;
        RegistrationStartUtc = windows.RegistrationStartUtc;
        RegistrationEndUtc = windows.RegistrationEndUtc;
        SchedulingStartUtc = windows.SchedulingStartUtc;
        SchedulingEndUtc = windows.SchedulingEndUtc;
        ScoreEntryStartUtc = windows.ScoreEntryStartUtc;
        ScoreEntryEndUtc = windows.ScoreEntryEndUtc;
        NoticeStartUtc = windows.NoticeStartUtc;
        NoticeEndUtc = windows.NoticeEndUtc;
    }

    public ExamPlanWindows Windows => new(
        RegistrationStartUtc, RegistrationEndUtc, SchedulingStartUtc, SchedulingEndUtc,
        ScoreEntryStartUtc, ScoreEntryEndUtc, NoticeStartUtc, NoticeEndUtc);

    /// <summary>Adds or updates a certificate level with its 考试费用 (per certificate; used when registering 按证书).</summary>
    public void SetCertificate(int certificateId, CertificateLevel level, decimal fee)
    {
        EnsureEditable();
        var money = Money.Of(fee, "考试费用");
        var existing = _certificates.Find(c => c.CertificateId == certificateId && c.Level == level);
        if (existing is null)
        {
            _certificates.Add(new ExamPlanCertificate(certificateId, level, money.Yuan));
        }
        else
        {
            existing.SetFee(money.Yuan);
        }
    }

    /// <summary>Removes a certificate level and its subjects' exam times.</summary>
    public void RemoveCertificate(int certificateId, CertificateLevel level)
    {
        EnsureEditable();
        _certificates.RemoveAll(c => c.CertificateId == certificateId && c.Level == level);
        _subjects.RemoveAll(s => s.CertificateId == certificateId && s.Level == level);
    }

    /// <summary>Sets the 参考院校.</summary>
    public void SetSchools(IEnumerable<int> schoolIds)
    {
        EnsureEditable();
        var wanted = schoolIds.Distinct().ToList();
        _schools.RemoveAll(s => !wanted.Contains(s.SchoolId));
        foreach (var id in wanted.Where(id => _schools.All(s => s.SchoolId != id)))
        {
            _schools.Add(new ExamPlanSchool(id));
        }
    }

    /// <summary>Sets a subject's exam time (and its fee when registering 按科目). The subject's certificate level must be in the plan.</summary>
    public void SetSubject(ExamSubject subject, DateTimeOffset startUtc, DateTimeOffset endUtc, decimal? fee = null)
    {
        EnsureEditable();
        DomainRuleException.ThrowIf(subject.OrganizationId != OrganizationId, "该科目不属于本培训评价组织");
        DomainRuleException.ThrowIf(!HasCertificate(subject.CertificateId, subject.Level), "该科目所属证书等级不在考试计划中");
        DomainRuleException.ThrowIf(endUtc <= startUtc, "科目考试结束时间必须晚于开始时间");
        DomainRuleException.ThrowIf(RegistrationMode == RegistrationMode.BySubject && fee is null, "按科目报考的考试计划需填写科目考试费用");
        DomainRuleException.ThrowIf(fee < 0, "考试费用不能小于0");
        var subjectFee = RegistrationMode == RegistrationMode.BySubject && fee is { } f ? Money.Of(f, "考试费用").Yuan : (decimal?)null;
        var existing = _subjects.Find(s => s.SubjectId == subject.Id);
        if (existing is null)
        {
            _subjects.Add(new ExamPlanSubject(subject.Id, subject.CertificateId, subject.Level, startUtc, endUtc, subjectFee));
        }
        else
        {
            existing.Reschedule(startUtc, endUtc);
            existing.SetFee(subjectFee);
        }
    }

    public void RemoveSubject(int subjectId)
    {
        EnsureEditable();
        _subjects.RemoveAll(s => s.SubjectId == subjectId);
    }

    /// <summary>发布: checks the windows in order (报考 &lt; 排考 &lt; 考试 &lt; 成绩登记 &lt; 公示), certificates, schools and subject times.</summary>
    public void Publish(string actorName, DateTimeOffset nowUtc)
    {
        DomainRuleException.ThrowIf(IsPublished, "考试计划已发布");
        DomainRuleException.ThrowIf(_certificates.Count == 0, "请至少添加一个考核证书");
        DomainRuleException.ThrowIf(_schools.Count == 0, "请至少选择一个参考院校");
        DomainRuleException.ThrowIf(_subjects.Count == 0, "请设置科目考试时间");
        DomainRuleException.ThrowIf(
            _certificates.Any(c => _subjects.All(s => s.CertificateId != c.CertificateId || s.Level != c.Level)),
            "每个考核证书等级至少需要一个科目考试时间");
        DomainRuleException.ThrowIf(
            RegistrationMode == RegistrationMode.BySubject && _subjects.Any(s => s.Fee is null),
            "按科目报考的考试计划需填写每个科目的考试费用");
        DomainRuleException.ThrowIf(RegistrationEndUtc <= nowUtc, "报考结束时间已过，不能发布");
        ValidateWindowOrder(Windows);
        ValidateExamTimes(SchedulingEndUtc, ScoreEntryStartUtc);
        IsPublished = true;
        PublishedBy = Guard.Required(actorName, "发布人", ActorMaxLength);
        PublishedUtc = nowUtc;
    }

    /// <summary>
    /// 延长时间 after publishing: moves a window's end later (never earlier, never into the past), without running into the
    /// next window (for 排考, the first exam; for 成绩登记, the 公示 start).
    /// </summary>
    public void ExtendWindow(ExamPlanWindow window, DateTimeOffset newEndUtc, DateTimeOffset nowUtc)
    {
        DomainRuleException.ThrowIf(!IsPublished, "考试计划未发布，请直接编辑时间");
        var currentEnd = EndOf(window);
        DomainRuleException.ThrowIf(newEndUtc <= currentEnd, $"{window.ToDisplayName()}只能延长，不能提前");
        DomainRuleException.ThrowIf(newEndUtc <= nowUtc, $"{window.ToDisplayName()}的结束时间不能早于当前时间");
        DateTimeOffset? limit = window switch
        {
            ExamPlanWindow.Registration => SchedulingStartUtc,
            ExamPlanWindow.Scheduling => _subjects.Count == 0 ? ScoreEntryStartUtc : _subjects.Min(s => s.StartUtc),
            ExamPlanWindow.ScoreEntry => NoticeStartUtc,
            _ => null,
        };
        DomainRuleException.ThrowIf(newEndUtc > limit, $"{window.ToDisplayName()}延长后不能晚于下一阶段的开始时间");
        switch (window)
        {
            case ExamPlanWindow.Registration:
                RegistrationEndUtc = newEndUtc;
                break;
            case ExamPlanWindow.Scheduling:
                SchedulingEndUtc = newEndUtc;
                break;
            case ExamPlanWindow.ScoreEntry:
                ScoreEntryEndUtc = newEndUtc;
                break;
            case ExamPlanWindow.Notice:
                NoticeEndUtc = newEndUtc;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(window), window, null);
        }
    }

    public DateTimeOffset EndOf(ExamPlanWindow window) => window switch
    {
        ExamPlanWindow.Registration => RegistrationEndUtc,
        ExamPlanWindow.Scheduling => SchedulingEndUtc,
        ExamPlanWindow.ScoreEntry => ScoreEntryEndUtc,
        ExamPlanWindow.Notice => NoticeEndUtc,
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, null),
    };

    /// <summary>The stage at <paramref name="now"/>; windows are [start, end) and a gap belongs to the next stage.</summary>
    public ExamPlanStage StageAt(DateTimeOffset now) => StageOf(IsPublished, Windows, now);

    /// <summary>The stage rule itself, also applied by read models that carry only the windows.</summary>
    public static ExamPlanStage StageOf(bool published, ExamPlanWindows w, DateTimeOffset now) =>
        !published ? ExamPlanStage.Unpublished
        : now < w.RegistrationStartUtc ? ExamPlanStage.NotStarted
        : now < w.RegistrationEndUtc ? ExamPlanStage.Registration
        : now < w.SchedulingEndUtc ? ExamPlanStage.Scheduling
        : now < w.ScoreEntryStartUtc ? ExamPlanStage.Examination
        : now < w.ScoreEntryEndUtc ? ExamPlanStage.ScoreEntry
        : now < w.NoticeEndUtc ? ExamPlanStage.Notice
        : ExamPlanStage.Ended;

    /// <summary>排考时间 [start, end): 一键排考 and the manual adjustments (调整座位, 更换监考, 互换监考) happen only inside it.</summary>
    public bool IsSchedulingOpen(DateTimeOffset now) => ScheduleAdjustmentRefusal(now) is null;

    /// <summary>Why the schedule cannot be adjusted at <paramref name="now"/>; null inside the published plan's 排考时间.</summary>
    public string? ScheduleAdjustmentRefusal(DateTimeOffset now) =>
        !IsPublished ? SchedulingUnpublished
        : now < SchedulingStartUtc ? SchedulingNotStarted
        : now >= SchedulingEndUtc ? SchedulingEnded
        : null;

    /// <summary>Refuses a manual adjustment of the schedule outside 排考时间 (see <see cref="ScheduleAdjustmentRefusal"/>).</summary>
    public void EnsureScheduleAdjustable(DateTimeOffset now)
    {
        var refusal = ScheduleAdjustmentRefusal(now);
        DomainRuleException.ThrowIf(refusal is not null, refusal ?? "");
    }

    /// <summary>报考中: published and inside the registration window.</summary>
    public bool IsRegistrationOpen(DateTimeOffset now) => StageAt(now) == ExamPlanStage.Registration;

    public bool IncludesSchool(int schoolId) => _schools.Any(s => s.SchoolId == schoolId);

    public bool HasCertificate(int certificateId, CertificateLevel level) =>
        _certificates.Any(c => c.CertificateId == certificateId && c.Level == level);

    public ExamPlanSubject? SubjectTime(int subjectId) => _subjects.Find(s => s.SubjectId == subjectId);

    /// <summary>考试费用 of one registration: the certificate fee 按证书, the subject fee 按科目.</summary>
    public decimal FeeFor(int certificateId, CertificateLevel level, int? subjectId)
    {
        if (RegistrationMode == RegistrationMode.BySubject)
        {
            var subject = subjectId is { } id ? SubjectTime(id) : null;
            return subject?.Fee ?? throw new DomainRuleException("该科目不在考试计划中或未设置考试费用");
        }

        return _certificates.Find(c => c.CertificateId == certificateId && c.Level == level)?.Fee
            ?? throw new DomainRuleException("该证书等级不在考试计划中");
    }

    private static void ValidateWindowOrder(ExamPlanWindows w)
    {
        DomainRuleException.ThrowIf(w.RegistrationEndUtc <= w.RegistrationStartUtc, "报考结束时间必须晚于开始时间");
        DomainRuleException.ThrowIf(w.SchedulingEndUtc <= w.SchedulingStartUtc, "排考结束时间必须晚于开始时间");
        DomainRuleException.ThrowIf(w.ScoreEntryEndUtc <= w.ScoreEntryStartUtc, "成绩登记结束时间必须晚于开始时间");
        DomainRuleException.ThrowIf(w.NoticeEndUtc <= w.NoticeStartUtc, "公示结束时间必须晚于开始时间");
        DomainRuleException.ThrowIf(w.SchedulingStartUtc < w.RegistrationEndUtc, "排考开始时间不能早于报考结束时间");
        DomainRuleException.ThrowIf(w.ScoreEntryStartUtc < w.SchedulingEndUtc, "成绩登记开始时间不能早于排考结束时间");
        DomainRuleException.ThrowIf(w.NoticeStartUtc < w.ScoreEntryEndUtc, "公示开始时间不能早于成绩登记结束时间");
    }

    private void ValidateExamTimes(DateTimeOffset schedulingEnd, DateTimeOffset scoreEntryStart)
    {
        DomainRuleException.ThrowIf(_subjects.Any(s => s.StartUtc < schedulingEnd), "科目考试时间不能早于排考结束时间");
        DomainRuleException.ThrowIf(_subjects.Any(s => s.EndUtc > scoreEntryStart), "成绩登记开始时间不能早于科目考试结束时间");
    }

    private void EnsureEditable() => DomainRuleException.ThrowIf(IsPublished, "考试计划已发布，不能修改（只能延长时间）");
}

/// <summary>A certificate level in an exam plan with its 考试费用 (yuan).</summary>
public sealed class ExamPlanCertificate
{
    private ExamPlanCertificate()
    {
    }

    internal ExamPlanCertificate(int certificateId, CertificateLevel level, decimal fee)
    {
        CertificateId = certificateId;
        Level = level;
        Fee = fee;
    }

    public int ExamPlanId { get; private set; }

    public int CertificateId { get; private set; }

    public CertificateLevel Level { get; private set; }

    public decimal Fee { get; private set; }

    internal void SetFee(decimal fee) => Fee = fee;
}

/// <summary>参考院校 of an exam plan.</summary>
public sealed class ExamPlanSchool
{
    private ExamPlanSchool()
    {
    }

    internal ExamPlanSchool(int schoolId) => SchoolId = schoolId;

    public int ExamPlanId { get; private set; }

    public int SchoolId { get; private set; }
}

/// <summary>科目考试时间 in an exam plan, with the fee when the plan registers 按科目.</summary>
public sealed class ExamPlanSubject
{
    private ExamPlanSubject()
    {
    }

    internal ExamPlanSubject(int subjectId, int certificateId, CertificateLevel level, DateTimeOffset startUtc, DateTimeOffset endUtc, decimal? fee)
    {
        SubjectId = subjectId;
        CertificateId = certificateId;
        Level = level;
        StartUtc = startUtc;
        EndUtc = endUtc;
        Fee = fee;
    }

    public int ExamPlanId { get; private set; }

    public int SubjectId { get; private set; }

    public int CertificateId { get; private set; }

    public CertificateLevel Level { get; private set; }

    public DateTimeOffset StartUtc { get; private set; }

    public DateTimeOffset EndUtc { get; private set; }

    public decimal? Fee { get; private set; }

    internal void Reschedule(DateTimeOffset startUtc, DateTimeOffset endUtc)
    {
        StartUtc = startUtc;
        EndUtc = endUtc;
    }

    internal void SetFee(decimal? fee) => Fee = fee;
}
