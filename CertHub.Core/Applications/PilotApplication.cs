using CertHub.Core.Catalog;
using CertHub.Core.Common;

namespace CertHub.Core.Applications;

/// <summary>
/// 证书试点申报: a school's application, under a province's <see cref="ApplicationPlan"/>, to pilot one certificate
/// at one level in one year, with the number of trainees (申请培训人数), per major when the plan requires it.
/// The province approves it (批准培训人数) or returns it with a reason. See <see cref="PilotApplicationStatus"/>.
/// </summary>
public sealed class PilotApplication : Entity
{
    public const int HtmlMaxLength = 8000;
    public const int ReviewerMaxLength = 60;
    public const int OpinionMaxLength = 500;
    public const int ApprovingUnitMaxLength = 60;
    public const string CityApprovalNotRequired = "本批次不要求地市级教育局审批";
    public const string CityApprovalFirst = "本批次要求地市级教育局审批，须地市级审核通过后才能审核通过";

    private static readonly TransitionTable<PilotApplicationStatus, PilotApplicationAction> Table = new TransitionTable<PilotApplicationStatus, PilotApplicationAction>()
        .Allow(PilotApplicationStatus.Draft, PilotApplicationAction.Edit, PilotApplicationStatus.Draft)
        .Allow(PilotApplicationStatus.Returned, PilotApplicationAction.Edit, PilotApplicationStatus.Returned)
        .Allow(PilotApplicationStatus.Draft, PilotApplicationAction.Submit, PilotApplicationStatus.UnderReview)
        .Allow(PilotApplicationStatus.Returned, PilotApplicationAction.Submit, PilotApplicationStatus.UnderReview)
        .Allow(PilotApplicationStatus.UnderReview, PilotApplicationAction.Approve, PilotApplicationStatus.Approved)
        .Allow(PilotApplicationStatus.UnderReview, PilotApplicationAction.Return, PilotApplicationStatus.Returned)
        .Allow(PilotApplicationStatus.Approved, PilotApplicationAction.ReturnApproved, PilotApplicationStatus.Returned)
        .Allow(PilotApplicationStatus.Draft, PilotApplicationAction.SubmitToCity, PilotApplicationStatus.CityReview)
        .Allow(PilotApplicationStatus.Returned, PilotApplicationAction.SubmitToCity, PilotApplicationStatus.CityReview)
        .Allow(PilotApplicationStatus.CityReview, PilotApplicationAction.CityApprove, PilotApplicationStatus.UnderReview)
        .Allow(PilotApplicationStatus.CityReview, PilotApplicationAction.CityReturn, PilotApplicationStatus.Returned);

    private readonly List<PilotApplicationMajor> _majors = [];
    private readonly List<ApplicationReview> _reviews = [];

    private PilotApplication()
    {
    }

    public int SchoolId { get; private set; }

    public int ApplicationPlanId { get; private set; }

    /// <summary>申报年度 (from the plan).</summary>
    public int Year { get; private set; }

    /// <summary>申报批次 (from the plan).</summary>
    public int Batch { get; private set; }

    /// <summary>按专业填报, copied from the plan when the application was created.</summary>
    public bool RequiresByMajor { get; private set; }

    /// <summary>
    /// 是否要求地市级教育局审批, copied from the plan when the application was created. DESIGN has no city-bureau role, so
    /// a province account records the city bureau's decision on its behalf (<see cref="RecordCityDecision"/>).
    /// </summary>
    public bool RequiresCityApproval { get; private set; }

    public int CertificateId { get; private set; }

    public CertificateLevel Level { get; private set; }

    /// <summary>拟申报专业.</summary>
    public IReadOnlyList<PilotApplicationMajor> Majors => _majors;

    /// <summary>申请培训总人数.</summary>
    public int RequestedTotal { get; private set; }

    /// <summary>批准培训总人数; null until approved.</summary>
    public int? ApprovedTotal { get; private set; }

    /// <summary>师资情况 (sanitized rich text).</summary>
    public string? FacultyHtml { get; private set; }

    /// <summary>场地情况 (sanitized rich text).</summary>
    public string? VenueHtml { get; private set; }

    public PilotApplicationStatus Status { get; private set; }

    public DateTimeOffset CreatedUtc { get; private set; }

    public string? SubmittedBy { get; private set; }

    public DateTimeOffset? SubmittedUtc { get; private set; }

    /// <summary>审核记录, oldest first.</summary>
    public IReadOnlyList<ApplicationReview> Reviews => _reviews;

    public string BatchName => ApplicationPlan.BatchNameOf(Batch);

    public bool CanEdit => Table.CanApply(Status, PilotApplicationAction.Edit);

    /// <summary>Whether <paramref name="action"/> is allowed from <paramref name="status"/> (for list rows).</summary>
    public static bool CanApplyFrom(PilotApplicationStatus status, PilotApplicationAction action) => Table.CanApply(status, action);

    public bool CanSubmit => Table.CanApply(Status, PilotApplicationAction.Submit);

    public bool CanApprove => Table.CanApply(Status, PilotApplicationAction.Approve);

    public bool CanReturn => Table.CanApply(Status, PilotApplicationAction.Return);

    public bool CanReturnApproved => Table.CanApply(Status, PilotApplicationAction.ReturnApproved);

    /// <summary>Whether the city bureau's decision can be recorded now (待地市审核).</summary>
    public bool CanRecordCityDecision => RequiresCityApproval && Table.CanApply(Status, PilotApplicationAction.CityApprove);

    /// <summary>申报证书试点: a new application in 未提交; the plan must be open for the certificate and level now.</summary>
    public static PilotApplication Create(ApplicationPlan plan, int schoolId, int certificateId, CertificateLevel level, DateTimeOffset nowUtc)
    {
        DomainRuleException.ThrowIf(plan.StatusAt(nowUtc) != ApplicationPlanStatus.InProgress, $"申报计划{plan.StatusAt(nowUtc).ToDisplayName()}，不能申报");
        DomainRuleException.ThrowIf(!plan.IsOpenFor(certificateId, level, nowUtc), "该证书等级不在本批次开放的证书范围内");
        return new PilotApplication
        {
            SchoolId = schoolId,
            ApplicationPlanId = plan.Id,
            Year = plan.Year,
            Batch = plan.Batch,
            RequiresByMajor = plan.RequiresByMajor,
            RequiresCityApproval = plan.RequiresCityApproval,
            CertificateId = certificateId,
            Level = level,
            Status = PilotApplicationStatus.Draft,
            CreatedUtc = nowUtc,
        };
    }

    /// <summary>
    /// 保存 (编辑): only in 未提交 or 审核退回. When majors are given, the total is their sum of 申请培训人数;
    /// otherwise <paramref name="requestedTotal"/> is taken.
    /// </summary>
    public void Edit(int requestedTotal, IEnumerable<PilotApplicationMajorInput> majors, string? facultyHtml, string? venueHtml)
    {
        Table.Apply(Status, PilotApplicationAction.Edit);
        var wanted = majors.ToList();
        DomainRuleException.ThrowIf(wanted.GroupBy(m => m.MajorId).Any(g => g.Count() > 1), "拟申报专业不能重复");
        foreach (var input in wanted)
        {
            Guard.NonNegative(input.StudentCount, "本专业在校学生数");
            Guard.NonNegative(input.TeacherCount, "本专业专任教师数");
            Guard.Positive(input.RequestedTrainees, "申请培训人数");
        }

        _majors.RemoveAll(m => wanted.All(w => w.MajorId != m.MajorId));
        foreach (var input in wanted)
        {
            var existing = _majors.Find(m => m.MajorId == input.MajorId);
            if (existing is null)
            {
                _majors.Add(new PilotApplicationMajor(input));
            }
            else
            {
                existing.Update(input);
            }
        }

        RequestedTotal = _majors.Count > 0 ? _majors.Sum(m => m.RequestedTrainees) : Guard.NonNegative(requestedTotal, "申请培训总人数");
        FacultyHtml = Guard.Optional(facultyHtml, "师资情况", HtmlMaxLength);
        VenueHtml = Guard.Optional(venueHtml, "场地情况", HtmlMaxLength);
    }

    /// <summary>
    /// 保存并提交: 未提交/审核退回 → 审核中, or → 待地市审核 when the plan requires 地市级教育局审批. By-major plans need at least
    /// one major and a total equal to their sum.
    /// </summary>
    public void Submit(string actorName, DateTimeOffset nowUtc)
    {
        var action = RequiresCityApproval ? PilotApplicationAction.SubmitToCity : PilotApplicationAction.Submit;
        Table.Apply(Status, action);
        if (RequiresByMajor)
        {
            DomainRuleException.ThrowIf(_majors.Count == 0, "本批次要求按专业填报，请至少添加一个拟申报专业");
            DomainRuleException.ThrowIf(RequestedTotal != _majors.Sum(m => m.RequestedTrainees), "申请培训总人数必须等于各专业申请培训人数之和");
        }

        DomainRuleException.ThrowIf(RequestedTotal <= 0, "申请培训总人数必须大于0");
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(FacultyHtml), "请填写师资情况");
        TransitionTo(action, actorName, nowUtc, null);
        SubmittedBy = actorName;
        SubmittedUtc = nowUtc;
    }

    /// <summary>审核通过 with a 批准培训总人数 (0..申请培训总人数).</summary>
    public void Approve(int approvedTotal, string reviewerName, DateTimeOffset nowUtc, string? opinion = null)
    {
        EnsureCityApproved();
        Table.Apply(Status, PilotApplicationAction.Approve);
        DomainRuleException.ThrowIf(approvedTotal < 0 || approvedTotal > RequestedTotal, $"批准培训人数应在0到{RequestedTotal}之间");
        foreach (var major in _majors)
        {
            major.SetApproved(null);
        }

        ApprovedTotal = approvedTotal;
        TransitionTo(PilotApplicationAction.Approve, reviewerName, nowUtc, opinion);
    }

    /// <summary>审核通过 with a 批准培训人数 per major; the total is their sum. Every declared major needs a number.</summary>
    public void Approve(IReadOnlyDictionary<int, int> approvedByMajor, string reviewerName, DateTimeOffset nowUtc, string? opinion = null)
    {
        EnsureCityApproved();
        Table.Apply(Status, PilotApplicationAction.Approve);
        DomainRuleException.ThrowIf(_majors.Count == 0, "该申报未填写专业，请按总人数审批");
        DomainRuleException.ThrowIf(approvedByMajor.Keys.Any(id => _majors.All(m => m.MajorId != id)), "批准人数中包含未申报的专业");
        foreach (var major in _majors)
        {
            DomainRuleException.ThrowIf(!approvedByMajor.TryGetValue(major.MajorId, out var approved), "请填写每个专业的批准培训人数");
            DomainRuleException.ThrowIf(approved < 0 || approved > major.RequestedTrainees, $"批准培训人数应在0到{major.RequestedTrainees}之间");
        }

        foreach (var major in _majors)
        {
            major.SetApproved(approvedByMajor[major.MajorId]);
        }

        ApprovedTotal = _majors.Sum(m => m.ApprovedTrainees ?? 0);
        TransitionTo(PilotApplicationAction.Approve, reviewerName, nowUtc, opinion);
    }

    /// <summary>审核退回: 审核中 → 审核退回; the reason is required.</summary>
    public void Return(string reason, string reviewerName, DateTimeOffset nowUtc) =>
        TransitionTo(PilotApplicationAction.Return, reviewerName, nowUtc, RequiredReason(reason));

    /// <summary>退回修改: the province sends an approved application back for correction (审核通过 → 审核退回); reason required.</summary>
    public void ReturnApproved(string reason, string reviewerName, DateTimeOffset nowUtc)
    {
        TransitionTo(PilotApplicationAction.ReturnApproved, reviewerName, nowUtc, RequiredReason(reason));
        ApprovedTotal = null;
        foreach (var major in _majors)
        {
            major.SetApproved(null);
        }
    }

    /// <summary>
    /// 地市级教育局审批, recorded by the province on the city bureau's behalf (DESIGN has no city role): 通过 moves 待地市审核 to
    /// 审核中 so the province can review; 退回 (reason required) moves it to 审核退回. Kept as its own 审核记录 (stage 地市级,
    /// 审批单位 = the city bureau). Refused when the plan does not require it.
    /// </summary>
    public void RecordCityDecision(bool approved, string approvingUnit, string? opinion, string recorderName, DateTimeOffset nowUtc)
    {
        DomainRuleException.ThrowIf(!RequiresCityApproval, CityApprovalNotRequired);
        var action = approved ? PilotApplicationAction.CityApprove : PilotApplicationAction.CityReturn;
        var unit = Guard.Required(approvingUnit, "审批单位", ApprovingUnitMaxLength);
        var reason = approved ? Guard.Optional(opinion, "审核意见", OpinionMaxLength) : RequiredReason(opinion);
        Status = Table.Apply(Status, action);
        _reviews.Add(new ApplicationReview(approved ? ApplicationReviewResult.Approved : ApplicationReviewResult.Returned, reason,
            Guard.Required(recorderName, "审核人", ReviewerMaxLength), nowUtc, ApplicationReviewStage.City, unit));
    }

    /// <summary>Whether students of a major may register later: any major when none was declared, else only the declared ones.</summary>
    public bool AllowsMajor(int majorId) => _majors.Count == 0 || _majors.Any(m => m.MajorId == majorId);

    private void EnsureCityApproved() =>
        DomainRuleException.ThrowIf(Status == PilotApplicationStatus.CityReview, CityApprovalFirst);

    private static string RequiredReason(string? reason) => Guard.Required(reason, "退回原因", OpinionMaxLength);

    private void TransitionTo(PilotApplicationAction action, string actorName, DateTimeOffset nowUtc, string? reason)
    {
        Status = Table.Apply(Status, action);
        var result = action switch
        {
            PilotApplicationAction.Approve => ApplicationReviewResult.Approved,
            PilotApplicationAction.Return or PilotApplicationAction.ReturnApproved => ApplicationReviewResult.Returned,
            PilotApplicationAction.CityApprove or PilotApplicationAction.CityReturn => throw new InvalidOperationException("地市级审批请用 RecordCityDecision"),
            _ => (ApplicationReviewResult?)null,
        };
        if (result is { } r)
        {
            _reviews.Add(new ApplicationReview(r, Guard.Optional(reason, "审核意见", OpinionMaxLength), Guard.Required(actorName, "审核人", ReviewerMaxLength), nowUtc));
        }
    }
}

/// <summary>拟申报专业 as entered on the form.</summary>
public sealed record PilotApplicationMajorInput(int MajorId, int StudentCount, int TeacherCount, int RequestedTrainees);

/// <summary>One 拟申报专业 of a pilot application.</summary>
public sealed class PilotApplicationMajor
{
    private PilotApplicationMajor()
    {
    }

    internal PilotApplicationMajor(PilotApplicationMajorInput input)
    {
        MajorId = input.MajorId;
        Update(input);
    }

    public int PilotApplicationId { get; private set; }

    public int MajorId { get; private set; }

    /// <summary>本专业在校学生数.</summary>
    public int StudentCount { get; private set; }

    /// <summary>本专业专任教师数.</summary>
    public int TeacherCount { get; private set; }

    /// <summary>申请培训人数.</summary>
    public int RequestedTrainees { get; private set; }

    /// <summary>批准培训人数; null until approved per major.</summary>
    public int? ApprovedTrainees { get; private set; }

    internal void Update(PilotApplicationMajorInput input)
    {
        StudentCount = input.StudentCount;
        TeacherCount = input.TeacherCount;
        RequestedTrainees = input.RequestedTrainees;
    }

    internal void SetApproved(int? approved) => ApprovedTrainees = approved;
}

/// <summary>审核记录: one review of a pilot application by the province (or, stage 地市级, the city bureau's decision it recorded).</summary>
public sealed class ApplicationReview : Entity
{
    private ApplicationReview()
    {
    }

    internal ApplicationReview(
        ApplicationReviewResult result, string? opinion, string reviewerName, DateTimeOffset reviewedUtc,
        ApplicationReviewStage stage = ApplicationReviewStage.Province, string? approvingUnit = null)
    {
        Stage = stage;
        ApprovingUnit = approvingUnit;
        Result = result;
        Opinion = opinion;
        ReviewerName = reviewerName;
        ReviewedUtc = reviewedUtc;
    }

    public int PilotApplicationId { get; private set; }

    /// <summary>审核阶段: 省级, or 地市级 (the city bureau's decision recorded by the province).</summary>
    public ApplicationReviewStage Stage { get; private set; }

    /// <summary>审批单位: the city bureau for a 地市级 review; null for the province's own.</summary>
    public string? ApprovingUnit { get; private set; }

    public ApplicationReviewResult Result { get; private set; }

    /// <summary>审核意见 (the reason, when returned).</summary>
    public string? Opinion { get; private set; }

    public string ReviewerName { get; private set; } = "";

    public DateTimeOffset ReviewedUtc { get; private set; }
}
