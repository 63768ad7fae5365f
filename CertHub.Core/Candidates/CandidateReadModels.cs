using CertHub.Core.Catalog;

namespace CertHub.Core.Candidates;

/// <summary>考生管理 filters: the tab (院校考生/社会考生) and 姓名, 身份证号, 考生编号, 专业, 专业层次, 入学年份, 信息状态.</summary>
public sealed record CandidateFilter(
    CandidateType Type = CandidateType.SchoolCandidate,
    string? Name = null,
    string? IdNumber = null,
    string? CandidateNo = null,
    int? MajorId = null,
    MajorLevel? MajorLevel = null,
    int? EnrollmentYear = null,
    CandidateInfoStatus? Status = null);

/// <summary>One row of the 考生管理 list; the Can* flags come from the <see cref="Candidate"/> transition table.</summary>
public sealed record CandidateListItem(
    int Id,
    string CandidateNo,
    string Name,
    string? Pinyin,
    IdType IdType,
    string MaskedIdNumber,
    Gender? Gender,
    string? MaskedPhone,
    string? MajorName,
    MajorLevel? MajorLevel,
    int? EnrollmentYear,
    CandidateInfoStatus InfoStatus,
    string? VerificationNote,
    bool HasPhoto,
    int RegistrationCount)
{
    public bool CanVerify => Candidate.CanVerifyFrom(InfoStatus);

    public bool CanConfirmManually => Candidate.CanConfirmManuallyFrom(InfoStatus);

    public bool CanDelete => Candidate.CanDelete(RegistrationCount);
}

/// <summary>查看 / 编辑: every field of one candidate (the school's own data, so the ID number is in full).</summary>
public sealed record CandidateDetail(
    int Id,
    int SchoolId,
    CandidateType CandidateType,
    string CandidateNo,
    string Name,
    string? Pinyin,
    IdType IdType,
    string IdNumber,
    Gender? Gender,
    DateOnly? BirthDate,
    string? Phone,
    int? MajorId,
    string? MajorName,
    MajorLevel? MajorLevel,
    int? EnrollmentYear,
    CandidateInfoStatus InfoStatus,
    string? VerificationNote,
    bool HasPhoto,
    string? StatusChangedBy,
    DateTimeOffset? StatusChangedUtc,
    DateTimeOffset CreatedUtc,
    int RegistrationCount)
{
    /// <summary>Name, ID type, ID number and photo cannot change (信息准确).</summary>
    public bool IsIdentityFrozen => Candidate.IsFrozenIn(InfoStatus);

    public bool CanAttachPhoto => Candidate.CanAttachPhotoIn(InfoStatus);

    /// <summary>The row's <see cref="CertHub.Core.Common.Entity.RowVersion"/> when loaded: 保存 sends it back (<see cref="CandidateDetails.Version"/>).</summary>
    public long Version { get; init; }

    public CandidateDetails ToDetails() => new(Name, Pinyin, IdType, IdNumber, Gender, BirthDate, Phone, MajorId, MajorLevel, EnrollmentYear) { Version = Version };
}

/// <summary>批量导出考生信息: the import template's columns (so a fixed export can be re-imported by 批量修改) plus 考生编号 and 信息状态.</summary>
public sealed record CandidateExportRow(
    string CandidateNo,
    string Name,
    string? Pinyin,
    IdType IdType,
    string IdNumber,
    string? Phone,
    string? MajorName,
    MajorLevel? MajorLevel,
    int? EnrollmentYear,
    CandidateType CandidateType,
    CandidateInfoStatus InfoStatus);

/// <summary>A major of the catalogue, as offered in the 就读专业 select.</summary>
public sealed record MajorOption(int Id, string Name, MajorLevel Level);

/// <summary>One candidate a batch action could not apply to, and why.</summary>
public sealed record CandidateBatchFailure(int CandidateId, string Name, string Reason);

/// <summary>批量认证 / 批量删除 result: how many succeeded and why the others did not.</summary>
public sealed record CandidateBatchResult(int Succeeded, IReadOnlyList<CandidateBatchFailure> Failures)
{
    public int Failed => Failures.Count;

    /// <summary>The Chinese summary shown after the action, e.g. 成功 3 条，失败 1 条：张三：该考生已报考，不能删除.</summary>
    public string Summary(string verb) =>
        Failed == 0
            ? $"{verb}成功 {Succeeded} 条"
            : $"{verb}成功 {Succeeded} 条，失败 {Failed} 条：" + string.Join("；", Failures.Take(5).Select(f => $"{f.Name}：{f.Reason}"));
}

/// <summary>Change-feed topics of the candidates feature.</summary>
public static class CandidateTopics
{
    public const string Candidates = "candidates";
    public const string Imports = "imports";
}

/// <summary>Messages shared by the candidate services and tests.</summary>
public static class CandidateMessages
{
    public const string NotFound = "未找到该考生或无权访问";
    public const string SchoolOnly = "仅试点院校账户可以管理考生";
    public const string IdExists = "该证件号码已存在";
    public const string HasRegistrations = "该考生已报考，不能删除";
    public const string NoneSelected = "请先选择考生";
}
