using CertHub.Core.Catalog;
using CertHub.Core.Common;

namespace CertHub.Core.Exams;

/// <summary>Change-feed topics of the exam subjects and plans.</summary>
public static class ExamTopics
{
    public const string Subjects = "exam-subjects";
    public const string Plans = "exam-plans";
}

/// <summary>考试科目 filters: 证书名称, 等级, 考试方式, 参考对象.</summary>
public sealed record ExamSubjectFilter(
    string? CertificateName = null,
    CertificateLevel? Level = null,
    ExamMode? ExamMode = null,
    CandidateScope? CandidateScope = null);

/// <summary>新增/编辑考试科目: what the organisation enters (考场类型 is derived from 考试方式).</summary>
public sealed record ExamSubjectInput(
    int CertificateId,
    CertificateLevel Level,
    string Code,
    string Name,
    ExamMode ExamMode,
    CandidateScope CandidateScope,
    decimal FullMark,
    decimal PassMark,
    int DurationMinutes)
{
    /// <summary>The <see cref="CertHub.Core.Common.Entity.RowVersion"/> the form was loaded with (null: not from a form).</summary>
    public long? Version { get; init; }
}

/// <summary>One row of the 考试科目 list.</summary>
public sealed record ExamSubjectListItem(
    int Id,
    int CertificateId,
    string CertificateName,
    string OrganizationName,
    CertificateLevel Level,
    string Code,
    string Name,
    ExamMode ExamMode,
    RoomType RoomType,
    CandidateScope CandidateScope,
    decimal FullMark,
    decimal PassMark,
    int DurationMinutes)
{
    /// <summary>The row's <see cref="CertHub.Core.Common.Entity.RowVersion"/> when loaded: 保存 sends it back.</summary>
    public long Version { get; init; }

    /// <summary>信息化应用职业技能等级证书(初级)</summary>
    public string CertificateText => $"{CertificateName}({Level.ToDisplayName()})";

    public ExamSubjectInput ToInput() => new(CertificateId, Level, Code, Name, ExamMode, CandidateScope, FullMark, PassMark, DurationMinutes);
}

/// <summary>A certificate of the organisation with its levels (新增考试科目, 考试计划的考核证书).</summary>
public sealed record OwnCertificateOption(int CertificateId, string Name, IReadOnlyList<CertificateLevel> Levels);
