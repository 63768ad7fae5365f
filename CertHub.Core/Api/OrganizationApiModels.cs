using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using CertHub.Core.Issuance;
using CertHub.Core.Scores;

namespace CertHub.Core.Api;

/// <summary>One page of an API list: the items, the 1-based page, its size and the total count.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);

/// <summary>A page request of the organisation API: page ≥ 1, 1 ≤ pageSize ≤ <see cref="MaxPageSize"/>.</summary>
public sealed record ApiPageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 500;
    public const int DefaultPageSize = 100;

    public int Skip => (Page - 1) * PageSize;

    /// <summary>The request, or the Chinese reason it is refused.</summary>
    public static (ApiPageRequest? Request, string? Error) Of(int? page, int? pageSize)
    {
        var p = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (p < 1)
        {
            return (null, "page 必须大于等于1");
        }

        return size is < 1 or > MaxPageSize ? (null, $"pageSize 应在1到{MaxPageSize}之间") : (new ApiPageRequest(p, size), null);
    }
}

/// <summary>A subject of a plan with its exam time.</summary>
public sealed record ApiPlanSubject(int SubjectId, string Code, string Name, int CertificateId, CertificateLevel Level, DateTimeOffset StartUtc, DateTimeOffset EndUtc);

/// <summary>考试计划 of the organisation.</summary>
public sealed record ApiPlan(
    int Id, string Name, int Year, RegistrationMode RegistrationMode, bool IsPublished, ExamPlanStage Stage,
    DateTimeOffset RegistrationStartUtc, DateTimeOffset RegistrationEndUtc, DateTimeOffset SchedulingStartUtc, DateTimeOffset SchedulingEndUtc,
    DateTimeOffset ScoreEntryStartUtc, DateTimeOffset ScoreEntryEndUtc, DateTimeOffset NoticeStartUtc, DateTimeOffset NoticeEndUtc,
    IReadOnlyList<ApiPlanSubject> Subjects);

/// <summary>Filters of the registrations list. <see cref="UpdatedSince"/> compares with the registration's creation time (报考 has no update time).</summary>
public sealed record ApiRegistrationFilter(int? SubjectId = null, int? SiteId = null, DateTimeOffset? UpdatedSince = null);

/// <summary>报考 of a plan (身份证号 masked).</summary>
public sealed record ApiRegistration(
    int Id, int CandidateId, string CandidateNo, string Name, IdType IdType, string IdNumberMasked, CandidateType CandidateType,
    int SchoolId, string SchoolName, int CertificateId, CertificateLevel Level, int? SubjectId, bool IsPaid, bool IsScheduled, DateTimeOffset CreatedUtc);

/// <summary>A seat of a room session.</summary>
public sealed record ApiSeat(int SeatNo, string TicketNo, int RegistrationId, string CandidateNo, string Name);

/// <summary>考场场次 with its room, site, time and seats.</summary>
public sealed record ApiRoomSession(
    int Id, int RoomId, string RoomName, string RoomAddress, int SiteId, string SiteName, int SubjectId, string SubjectCode, string SubjectName,
    DateTimeOffset StartUtc, DateTimeOffset EndUtc, int Capacity, IReadOnlyList<ApiSeat> Seats);

/// <summary>A subject score inside a result.</summary>
public sealed record ApiSubjectScore(int SubjectId, string SubjectCode, decimal? Score, bool IsAbsent, decimal PassMark, decimal FullMark);

/// <summary>考证结果 of a candidate, with the subject scores.</summary>
public sealed record ApiResult(
    int Id, int CandidateId, string CandidateNo, string Name, string IdNumberMasked, int SchoolId, int ExamSiteId, int CertificateId,
    CertificateLevel Level, CertificateResultStatus Status, DateTimeOffset UpdatedUtc, IReadOnlyList<ApiSubjectScore> Scores);

/// <summary>发证记录 and its status.</summary>
public sealed record ApiIssuance(
    int Id, int ExamPlanId, string PlanName, int CandidateId, string CandidateNo, string CandidateName, string IdNumberMasked,
    int CandidateSchoolId, string CandidateSchoolName, int CertificateId, string CertificateName, CertificateLevel Level, IssuanceStatus Status,
    string? CertificateNo, DateOnly? IssuedOn, DateTimeOffset CreatedUtc);

/// <summary>One row of POST /api/v1/plans/{planId}/scores: 准考证号 or 考生编号, 科目编号, and a score or 缺考.</summary>
public sealed record ApiScoreRow(string? TicketNo, string? CandidateNo, string? SubjectCode, decimal? Score, bool? Absent);

/// <summary>What happened to one submitted row: recorded, changed, unchanged (same as before: an idempotent retry) or failed.</summary>
public sealed record ApiScoreRowResult(int Row, string? TicketNo, string? SubjectCode, string Status, string? Error);

/// <summary>The answer to a score submission: the counts and one result per submitted row, in order.</summary>
public sealed record ApiScoreSubmission(int Recorded, int Changed, int Unchanged, int Failed, IReadOnlyList<ApiScoreRowResult> Rows);
