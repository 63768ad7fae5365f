using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Exams;

namespace CertHub.Core.Scores;

/// <summary>科目成绩 filters (manual 5.2.9): 考试年度, 考试计划, 考生编号/姓名, 科目, 所属院校 (organisation).</summary>
public sealed record ScoreFilter(int? Year = null, int? ExamPlanId = null, string? Candidate = null, string? Subject = null, int? SchoolId = null);

/// <summary>
/// One 科目成绩 row with everything the list and the 批量导出科目成绩 columns show. The ID number is full here: the page
/// and the export print it masked (<see cref="MaskedIdNumber"/>).
/// </summary>
public sealed record ScoreListItem(
    int Id,
    int ExamPlanId,
    string PlanName,
    string CandidateName,
    string CandidateNo,
    string IdNumber,
    string? AdmissionTicketNo,
    CandidateType CandidateType,
    string SchoolName,
    string SubjectCode,
    string SubjectName,
    ExamMode ExamMode,
    string CertificateName,
    CertificateLevel Level,
    string OrganizationName,
    decimal PassMark,
    decimal FullMark,
    decimal? Score,
    bool IsAbsent,
    int CorrectionCount,
    bool HasPendingReview,
    DateTimeOffset NoticeStartUtc,
    DateTimeOffset NoticeEndUtc,
    DateTimeOffset ScoreEntryStartUtc,
    DateTimeOffset ScoreEntryEndUtc)
{
    public string MaskedIdNumber => Candidates.IdNumber.Mask(IdNumber);

    /// <summary>成绩 as printed: the number, or 缺考.</summary>
    public string ScoreText => IsAbsent ? Import.ScoreRowValidator.AbsentMark : Score is { } s ? s.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) : "";

    /// <summary>考试通过条件 as printed: 合格分/满分.</summary>
    public string PassCondition => $"≥{PassMark:0.#}分（满分{FullMark:0.#}）";

    public ScoreWindow Window => new(ScoreEntryStartUtc, ScoreEntryEndUtc, NoticeStartUtc, NoticeEndUtc);
}

/// <summary>成绩修改记录 of one score (old and new value, reason, who, when).</summary>
public sealed record ScoreCorrectionItem(decimal? OldScore, bool OldAbsent, decimal? NewScore, bool NewAbsent, string? Reason, string ActorName, DateTimeOffset AtUtc);

/// <summary>成绩复核 filters: plan and status.</summary>
public sealed record ScoreReviewFilter(int? ExamPlanId = null, ScoreReviewStatus? Status = null);

/// <summary>One 成绩复核 request with the score it is about.</summary>
public sealed record ScoreReviewItem(
    int Id,
    int SubjectScoreId,
    string PlanName,
    string CandidateNo,
    string CandidateName,
    string SchoolName,
    string SubjectName,
    decimal? Score,
    bool IsAbsent,
    decimal FullMark,
    string Reason,
    string RequestedBy,
    DateTimeOffset RequestedUtc,
    ScoreReviewStatus Status,
    string? Opinion,
    string? AnsweredBy,
    DateTimeOffset? AnsweredUtc)
{
    public bool IsPending => Status == ScoreReviewStatus.Pending;
}

/// <summary>An exam plan for the filters and the import dialog.</summary>
public sealed record ScorePlanOption(int Id, string Name, int Year, ExamPlanStage Stage);
