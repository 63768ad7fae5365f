using CertHub.Core.Catalog;
using CertHub.Core.Common;

namespace CertHub.Core.Exams;

/// <summary>考试计划 filters: 考试年度, 计划名称, 阶段 (tab).</summary>
public sealed record ExamPlanFilter(int? Year = null, string? Name = null, ExamPlanStage? Stage = null);

/// <summary>A certificate level of the plan with its 考试费用 (yuan).</summary>
public sealed record ExamPlanCertificateInput(int CertificateId, CertificateLevel Level, decimal Fee);

/// <summary>科目考试时间 (and 考试费用 when the plan registers 按科目).</summary>
public sealed record ExamPlanSubjectInput(int SubjectId, DateTimeOffset StartUtc, DateTimeOffset EndUtc, decimal? Fee);

/// <summary>新增/编辑考试计划: everything the organisation enters before publishing.</summary>
public sealed record ExamPlanInput(
    int Year,
    string Name,
    RegistrationMode Mode,
    ExamPlanWindows Windows,
    IReadOnlyList<ExamPlanCertificateInput> Certificates,
    IReadOnlyList<int> SchoolIds,
    IReadOnlyList<ExamPlanSubjectInput> Subjects)
{
    /// <summary>The <see cref="CertHub.Core.Common.Entity.RowVersion"/> the form was loaded with (null: not from a form).</summary>
    public long? Version { get; init; }
}

/// <summary>One row of the 考试计划 list; <see cref="Stage"/> is computed from the windows at the time of the query.</summary>
public sealed record ExamPlanListItem(
    int Id,
    int Year,
    string Name,
    string OrganizationName,
    RegistrationMode Mode,
    IReadOnlyList<string> Certificates,
    int SchoolCount,
    ExamPlanWindows Windows,
    bool IsPublished,
    DateTimeOffset? PublishedUtc,
    ExamPlanStage Stage)
{
    /// <summary>The row's <see cref="CertHub.Core.Common.Entity.RowVersion"/> when listed: 发布 and 延长时间 send it back.</summary>
    public long Version { get; init; }

    public string CertificatesText => string.Join("、", Certificates);

    public bool CanEdit => !IsPublished;

    public bool CanPublish => !IsPublished;

    /// <summary>延长时间: published and not yet over.</summary>
    public bool CanExtend => IsPublished && Stage != ExamPlanStage.Ended;
}

/// <summary>A certificate level of a plan in 查看.</summary>
public sealed record ExamPlanCertificateRow(int CertificateId, string CertificateName, CertificateLevel Level, decimal Fee)
{
    public string Text => $"{CertificateName}({Level.ToDisplayName()})";
}

/// <summary>A subject of a plan in 查看, with its exam time.</summary>
public sealed record ExamPlanSubjectRow(
    int SubjectId,
    int CertificateId,
    string CertificateName,
    CertificateLevel Level,
    string Code,
    string Name,
    ExamMode ExamMode,
    CandidateScope CandidateScope,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    decimal? Fee);

/// <summary>A 参考院校 of a plan.</summary>
public sealed record ExamPlanSchoolRow(int SchoolId, string Name, string Code);

/// <summary>查看考试计划 (and the data of 编辑).</summary>
public sealed record ExamPlanDetail(
    ExamPlanListItem Plan,
    string? PublishedBy,
    IReadOnlyList<ExamPlanCertificateRow> Certificates,
    IReadOnlyList<ExamPlanSchoolRow> Schools,
    IReadOnlyList<ExamPlanSubjectRow> Subjects)
{
    /// <summary>The row's <see cref="CertHub.Core.Common.Entity.RowVersion"/> when loaded: 保存 sends it back.</summary>
    public long Version { get; init; }

    public ExamPlanInput ToInput() => new(Plan.Year, Plan.Name, Plan.Mode, Plan.Windows,
        [.. Certificates.Select(c => new ExamPlanCertificateInput(c.CertificateId, c.Level, c.Fee))],
        [.. Schools.Select(s => s.SchoolId)],
        [.. Subjects.Select(s => new ExamPlanSubjectInput(s.SubjectId, s.StartUtc, s.EndUtc, s.Fee))])
    {
        Version = Version,
    };
}

/// <summary>
/// A school offered as 参考院校: every school of the platform may be chosen; those with an approved pilot application
/// (审核通过) for one of the plan's certificates are marked and listed first.
/// </summary>
public sealed record ExamPlanSchoolOption(int SchoolId, string Name, string Code, bool Piloted)
{
    public string Text => Piloted ? $"{Name}（{Code}，已参与试点）" : $"{Name}（{Code}）";
}

/// <summary>A subject of the organisation offered for the plan's certificate levels.</summary>
public sealed record ExamPlanSubjectOption(int SubjectId, int CertificateId, CertificateLevel Level, string Code, string Name, ExamMode ExamMode, int DurationMinutes)
{
    public string Text => $"{Code} {Name}（{ExamMode.ToDisplayName()}，{DurationMinutes}分钟）";
}
