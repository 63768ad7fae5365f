using CertHub.Core.Catalog;
using CertHub.Core.Common;

namespace CertHub.Core.Exams;

/// <summary>Change-feed topics of the exam-room feature.</summary>
public static class ExamRoomTopics
{
    public const string Rooms = "exam-rooms";
}

/// <summary>考场 filters: 考试计划, 考核站点, 考试证书, 考场名称, 状态 (tab).</summary>
public sealed record ExamRoomFilter(int? ExamPlanId = null, int? ExamSiteId = null, int? CertificateId = null, string? Name = null, ExamRoomStatus? Status = null);

/// <summary>设置考场 / 编辑: the cascade's choices and what the school enters (考场类型 is derived from the subjects).</summary>
public sealed record ExamRoomInput(
    int ExamPlanId,
    int ExamSiteId,
    CertificateLevel Level,
    IReadOnlyList<int> SubjectIds,
    string Name,
    string Address,
    int SeatCount)
{
    /// <summary>The <see cref="CertHub.Core.Common.Entity.RowVersion"/> the form was loaded with (null: not from a form).</summary>
    public long? Version { get; init; }
}

/// <summary>One row of the 考场 list (and of 批量导出考场信息); Can* flags come from the <see cref="ExamRoom"/> table.</summary>
public sealed record ExamRoomListItem(
    int Id,
    int ExamPlanId,
    string PlanName,
    int ExamSiteId,
    string SiteName,
    string SchoolName,
    int CertificateId,
    string CertificateName,
    CertificateLevel Level,
    IReadOnlyList<ExamRoomSubjectItem> Subjects,
    string Name,
    string Address,
    int SeatCount,
    RoomType RoomType,
    ExamRoomStatus Status,
    DateTimeOffset CreatedUtc)
{
    /// <summary>The row's <see cref="CertHub.Core.Common.Entity.RowVersion"/> when loaded: 保存 sends it back.</summary>
    public long Version { get; init; }

    public string SubjectsText => string.Join("、", Subjects.Select(s => $"{s.Name}({s.Code})"));

    public string SubjectCodesText => string.Join("、", Subjects.Select(s => s.Code));

    public bool CanEdit => ExamRoom.CanApplyFrom(Status, ExamRoomAction.Edit);

    public bool CanRaiseSeatCount => ExamRoom.CanApplyFrom(Status, ExamRoomAction.RaiseSeatCount);

    public bool CanDelete => ExamRoom.CanApplyFrom(Status, ExamRoomAction.Delete);
}

/// <summary>A subject examined in a room.</summary>
public sealed record ExamRoomSubjectItem(int Id, string Code, string Name, ExamMode ExamMode);

/// <summary>An option of a select (考试计划, 考核站点).</summary>
public sealed record ExamRoomOption(int Id, string Name);

/// <summary>A 考核站点 of the cascade; <see cref="Allocated"/> when it is another school's site allocated to this school (借考).</summary>
public sealed record ExamRoomSiteOption(int Id, string Name, bool Allocated);

/// <summary>A 考试证书 + 等级 of the cascade (held by both the plan and the site).</summary>
public sealed record ExamRoomCertificateOption(int CertificateId, string Name, CertificateLevel Level)
{
    public string Text => $"{Name}({Level.ToDisplayName()})";
}

/// <summary>A 考试科目 of the cascade with its 考场类型.</summary>
public sealed record ExamRoomSubjectOption(int Id, string Code, string Name, ExamMode ExamMode, RoomType RoomType);

/// <summary>The filter panel's choices: the plans, sites and certificates that the visible rooms use.</summary>
public sealed record ExamRoomFilterOptions(IReadOnlyList<ExamRoomOption> Plans, IReadOnlyList<ExamRoomOption> Sites, IReadOnlyList<ExamRoomOption> Certificates);

/// <summary>沿用 outcome: the rooms copied and the rooms skipped with the reason.</summary>
public sealed record ExamRoomCopyResult(IReadOnlyList<string> Copied, IReadOnlyList<ExamRoomCopySkip> Skipped)
{
    public string Summary =>
        Skipped.Count == 0 ? $"沿用成功 {Copied.Count} 个考场"
        : $"沿用成功 {Copied.Count} 个考场，跳过 {Skipped.Count} 个：" + string.Join("；", Skipped.Take(5).Select(s => $"{s.RoomName}（{s.Reason}）"));
}

/// <summary>A room that 沿用 did not copy, and why.</summary>
public sealed record ExamRoomCopySkip(string RoomName, string Reason);
