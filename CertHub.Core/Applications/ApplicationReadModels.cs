using CertHub.Core.Catalog;
using CertHub.Core.Common;

namespace CertHub.Core.Applications;

/// <summary>Change-feed topics of the applications feature.</summary>
public static class ApplicationTopics
{
    public const string Applications = "applications";
}

/// <summary>新增/编辑申报计划: what the province enters.</summary>
public sealed record ApplicationPlanInput(
    int Year,
    int Batch,
    string Title,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    bool RequiresByMajor,
    bool RequiresCityApproval,
    OpenScope OpenScope,
    IReadOnlyList<CertificateLevelKey> OpenCertificates)
{
    /// <summary>The <see cref="CertHub.Core.Common.Entity.RowVersion"/> the form was loaded with (null: not from a form).</summary>
    public long? Version { get; init; }
}

/// <summary>A certificate at one level.</summary>
public sealed record CertificateLevelKey(int CertificateId, CertificateLevel Level);

/// <summary>A certificate and level to choose (选择试点证书, 开放证书范围).</summary>
public sealed record CertificateLevelOption(int CertificateId, CertificateLevel Level, string CertificateName, string OrganizationName)
{
    public string Text => $"{CertificateName}({Level.ToDisplayName()})";

    public CertificateLevelKey Key => new(CertificateId, Level);
}

/// <summary>One row of 申报计划 (the province's list and the school's 查看申报计划).</summary>
public sealed record ApplicationPlanListItem(
    int Id,
    int Year,
    int Batch,
    string Title,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    bool RequiresByMajor,
    bool RequiresCityApproval,
    OpenScope OpenScope,
    IReadOnlyList<string> OpenCertificateNames,
    ApplicationPlanStatus Status)
{
    public string BatchName => ApplicationPlan.BatchNameOf(Batch);

    public bool CanApply => Status == ApplicationPlanStatus.InProgress;

    public string ScopeText => OpenScope == OpenScope.All ? "全部证书" : string.Join("、", OpenCertificateNames);
}

/// <summary>The plan with its open certificates, for editing.</summary>
public sealed record ApplicationPlanDetail(ApplicationPlanListItem Plan, IReadOnlyList<CertificateLevelKey> OpenCertificates)
{
    /// <summary>The row's <see cref="CertHub.Core.Common.Entity.RowVersion"/> when loaded: 保存 sends it back.</summary>
    public long Version { get; init; }
}

/// <summary>证书试点申报 filters: 申报年度, 申报批次, 证书名称, 颁证机构, 院校名称 (province), 申报状态 (tab).</summary>
public sealed record ApplicationFilter(
    int? Year = null,
    int? Batch = null,
    string? CertificateName = null,
    string? OrganizationName = null,
    string? SchoolName = null,
    PilotApplicationStatus? Status = null);

/// <summary>One row of the application lists.</summary>
public sealed record ApplicationListItem(
    int Id,
    int Year,
    int Batch,
    string SchoolName,
    string CertificateName,
    CertificateLevel Level,
    string OrganizationName,
    int RequestedTotal,
    int? ApprovedTotal,
    bool RequiresByMajor,
    PilotApplicationStatus Status)
{
    /// <summary>The row's <see cref="CertHub.Core.Common.Entity.RowVersion"/> when listed: the review dialogs send it back.</summary>
    public long Version { get; init; }

    public string BatchName => ApplicationPlan.BatchNameOf(Batch);

    public string CertificateText => $"{CertificateName}({Level.ToDisplayName()})";

    public bool CanEdit => PilotApplication.CanApplyFrom(Status, PilotApplicationAction.Edit);

    public bool CanApprove => PilotApplication.CanApplyFrom(Status, PilotApplicationAction.Approve);

    public bool CanReturn => PilotApplication.CanApplyFrom(Status, PilotApplicationAction.Return);

    public bool CanReturnApproved => PilotApplication.CanApplyFrom(Status, PilotApplicationAction.ReturnApproved);

    /// <summary>地市审批: 待地市审核 (only plans requiring 地市级教育局审批 get there).</summary>
    public bool CanRecordCityDecision => PilotApplication.CanApplyFrom(Status, PilotApplicationAction.CityApprove);
}

/// <summary>拟申报专业 of a saved application.</summary>
public sealed record ApplicationMajorRow(int MajorId, string MajorCode, string MajorName, int StudentCount, int TeacherCount, int RequestedTrainees, int? ApprovedTrainees);

/// <summary>审核记录.</summary>
public sealed record ApplicationReviewRow(
    ApplicationReviewResult Result, string? Opinion, string ReviewerName, DateTimeOffset ReviewedUtc,
    ApplicationReviewStage Stage = ApplicationReviewStage.Province, string? ApprovingUnit = null);

/// <summary>查看: school, contacts, 申报明细 and 审核记录.</summary>
public sealed record ApplicationDetail(
    ApplicationListItem Item,
    int ApplicationPlanId,
    int CertificateId,
    string? SchoolAddress,
    string? ContactName,
    string? ContactPhone,
    string? Email,
    string? FacultyHtml,
    string? VenueHtml,
    string? SubmittedBy,
    DateTimeOffset? SubmittedUtc,
    IReadOnlyList<ApplicationMajorRow> Majors,
    IReadOnlyList<ApplicationReviewRow> Reviews)
{
    /// <summary>The row's <see cref="CertHub.Core.Common.Entity.RowVersion"/> when loaded: 保存 and the review decisions send it back.</summary>
    public long Version { get; init; }
}

/// <summary>申报证书试点 form content.</summary>
public sealed record ApplicationInput(
    int CertificateId,
    CertificateLevel Level,
    int RequestedTotal,
    IReadOnlyList<PilotApplicationMajorInput> Majors,
    string? FacultyHtml,
    string? VenueHtml)
{
    /// <summary>The <see cref="CertHub.Core.Common.Entity.RowVersion"/> the form was loaded with (null: not from a form).</summary>
    public long? Version { get; init; }
}

/// <summary>The plan seen from the form: 申报年度, 申报批次, 按专业 and the certificates open in it.</summary>
public sealed record ApplicationFormPlan(ApplicationPlanListItem Plan, IReadOnlyList<CertificateLevelOption> Certificates);

/// <summary>A major to choose in 选择专业.</summary>
public sealed record ApplicationMajorOption(int Id, string Code, string Name);

/// <summary>按证书导出申报明细表: one row per application and major (one row without a major when none was declared).</summary>
public sealed record ApplicationExportRow(
    int Year,
    string BatchName,
    string SchoolName,
    string CertificateName,
    CertificateLevel Level,
    string OrganizationName,
    string? MajorCode,
    string? MajorName,
    int? StudentCount,
    int? TeacherCount,
    int RequestedTrainees,
    int? ApprovedTrainees,
    PilotApplicationStatus Status);
