using CertHub.Core.Catalog;
using CertHub.Core.Common;

namespace CertHub.Core.Candidates;

/// <summary>考生 data as entered on the form or in an import row.</summary>
public sealed record CandidateDetails(
    string Name,
    string? Pinyin,
    IdType IdType,
    string IdNumber,
    Gender? Gender = null,
    DateOnly? BirthDate = null,
    string? Phone = null,
    int? MajorId = null,
    MajorLevel? MajorLevel = null,
    int? EnrollmentYear = null)
{
    /// <summary>The <see cref="CertHub.Core.Common.Entity.RowVersion"/> the form was loaded with (null: not from a form).</summary>
    public long? Version { get; init; }
}

/// <summary>
/// 考生 of a school: 院校考生 (its own students) or 社会考生. Its information status moves 无照片 → 信息待认证 →
/// 信息准确 | 需人工确认 → 信息准确 (see <see cref="CandidateInfoStatus"/>); once 信息准确, the name, ID type, ID number
/// and photo are frozen.
/// </summary>
public sealed class Candidate : Entity
{
    public const int NameMaxLength = 30;
    public const int PinyinMaxLength = 60;
    public const int IdNumberMaxLength = 30;
    public const int PhoneMaxLength = MobilePhone.Length;
    public const int CandidateNoLength = CandidateNoGenerator.Length;
    public const int PhotoPathMaxLength = 260;
    public const int NoteMaxLength = 500;
    public const int ActorMaxLength = 60;

    private static readonly TransitionTable<CandidateInfoStatus, CandidateAction> Table = new TransitionTable<CandidateInfoStatus, CandidateAction>()
        .Allow(CandidateInfoStatus.NoPhoto, CandidateAction.AttachPhoto, CandidateInfoStatus.PendingVerification)
        .Allow(CandidateInfoStatus.PendingVerification, CandidateAction.AttachPhoto, CandidateInfoStatus.PendingVerification)
        .Allow(CandidateInfoStatus.NeedsManualCheck, CandidateAction.AttachPhoto, CandidateInfoStatus.PendingVerification)
        .Allow(CandidateInfoStatus.PendingVerification, CandidateAction.VerifyPassed, CandidateInfoStatus.Accurate)
        .Allow(CandidateInfoStatus.PendingVerification, CandidateAction.VerifyFailed, CandidateInfoStatus.NeedsManualCheck)
        .Allow(CandidateInfoStatus.NeedsManualCheck, CandidateAction.ConfirmManually, CandidateInfoStatus.Accurate);

    private Candidate()
    {
    }

    public int SchoolId { get; private set; }

    public CandidateType CandidateType { get; private set; }

    /// <summary>考生编号 (26 digits).</summary>
    public string CandidateNo { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>姓名拼音.</summary>
    public string? Pinyin { get; private set; }

    public IdType IdType { get; private set; }

    /// <summary>证件号码 (upper-case).</summary>
    public string IdNumber { get; private set; } = "";

    public Gender? Gender { get; private set; }

    public DateOnly? BirthDate { get; private set; }

    /// <summary>手机号.</summary>
    public string? Phone { get; private set; }

    /// <summary>就读专业.</summary>
    public int? MajorId { get; private set; }

    /// <summary>专业层次.</summary>
    public MajorLevel? MajorLevel { get; private set; }

    /// <summary>入学年份.</summary>
    public int? EnrollmentYear { get; private set; }

    /// <summary>照片, relative to the file storage root.</summary>
    public string? PhotoPath { get; private set; }

    public CandidateInfoStatus InfoStatus { get; private set; }

    /// <summary>认证说明: why the information needs a manual check.</summary>
    public string? VerificationNote { get; private set; }

    public string? StatusChangedBy { get; private set; }

    public DateTimeOffset? StatusChangedUtc { get; private set; }

    public DateTimeOffset CreatedUtc { get; private set; }

    /// <summary>The ID number as shown in lists.</summary>
    public string MaskedIdNumber => Candidates.IdNumber.Mask(IdNumber);

    public bool CanAttachPhoto => Table.CanApply(InfoStatus, CandidateAction.AttachPhoto);

    /// <summary>认证 / 批量认证 is possible.</summary>
    public bool CanVerify => Table.CanApply(InfoStatus, CandidateAction.VerifyPassed);

    /// <summary>人工确认 is possible.</summary>
    public bool CanConfirmManually => Table.CanApply(InfoStatus, CandidateAction.ConfirmManually);

    /// <summary>Name, ID type, ID number and photo are frozen (信息准确).</summary>
    public bool IsIdentityFrozen => IsFrozenIn(InfoStatus);

    /// <summary>认证 is possible from <paramref name="status"/> (for list rows projected without the entity).</summary>
    public static bool CanVerifyFrom(CandidateInfoStatus status) => Table.CanApply(status, CandidateAction.VerifyPassed);

    /// <summary>人工确认 is possible from <paramref name="status"/>.</summary>
    public static bool CanConfirmManuallyFrom(CandidateInfoStatus status) => Table.CanApply(status, CandidateAction.ConfirmManually);

    /// <summary>A photo may be imported in <paramref name="status"/>.</summary>
    public static bool CanAttachPhotoIn(CandidateInfoStatus status) => Table.CanApply(status, CandidateAction.AttachPhoto);

    /// <summary>Name, ID type, ID number and photo are frozen in <paramref name="status"/>.</summary>
    public static bool IsFrozenIn(CandidateInfoStatus status) => status == CandidateInfoStatus.Accurate;

    /// <summary>新增考生 (无照片). The candidate number is generated by the caller (<see cref="CandidateNoGenerator"/>).</summary>
    public static Candidate Create(int schoolId, CandidateType type, string candidateNo, CandidateDetails details, DateTimeOffset nowUtc)
    {
        DomainRuleException.ThrowIf(!CandidateNoGenerator.IsValid(candidateNo), "考生编号应为26位数字");
        var candidate = new Candidate
        {
            SchoolId = schoolId,
            CandidateType = type,
            CandidateNo = candidateNo,
            InfoStatus = CandidateInfoStatus.NoPhoto,
            CreatedUtc = nowUtc,
        };
        candidate.Apply(details);
        return candidate;
    }

    /// <summary>修改考生信息. In 信息准确 the name, ID type and ID number may not change.</summary>
    public void Edit(CandidateDetails details)
    {
        if (IsIdentityFrozen)
        {
            var (idType, idNumber) = NormalizeId(details.IdType, details.IdNumber);
            DomainRuleException.ThrowIf(
                (details.Name?.Trim() ?? "") != Name || idType != IdType || idNumber != IdNumber,
                "考生信息已认证为“信息准确”，不能修改姓名、证件类型、证件号码和照片");
        }

        Apply(details);
    }

    /// <summary>导入照片: 无照片/信息待认证/需人工确认 → 信息待认证; refused in 信息准确 (the photo is frozen).</summary>
    public void AttachPhoto(string photoPath, string actorName, DateTimeOffset nowUtc)
    {
        DomainRuleException.ThrowIf(IsIdentityFrozen, "考生信息已认证为“信息准确”，不能修改照片");
        var path = Guard.Required(photoPath, "照片", PhotoPathMaxLength);
        TransitionTo(CandidateAction.AttachPhoto, actorName, nowUtc, null);
        PhotoPath = path;
    }

    /// <summary>认证: 信息待认证 → 信息准确, or 需人工确认 with the verifier's reason.</summary>
    public void ApplyVerification(IdentityVerificationResult result, string actorName, DateTimeOffset nowUtc)
    {
        if (result.IsAccurate)
        {
            TransitionTo(CandidateAction.VerifyPassed, actorName, nowUtc, null);
        }
        else
        {
            TransitionTo(CandidateAction.VerifyFailed, actorName, nowUtc, Guard.Required(result.Reason, "认证失败原因", NoteMaxLength));
        }
    }

    /// <summary>人工确认: 需人工确认 → 信息准确 (one at a time).</summary>
    public void ConfirmManually(string actorName, DateTimeOffset nowUtc) =>
        TransitionTo(CandidateAction.ConfirmManually, actorName, nowUtc, null);

    /// <summary>
    /// 报考 needs 信息准确: the admission ticket and the certificate carry the verified name, ID number and photo,
    /// which are frozen only in that state (无照片, 信息待认证 and 需人工确认 are refused).
    /// </summary>
    public bool CanRegister => CanRegisterIn(InfoStatus);

    /// <summary>Whether a candidate in <paramref name="status"/> may register for an exam.</summary>
    public static bool CanRegisterIn(CandidateInfoStatus status) => status == CandidateInfoStatus.Accurate;

    /// <summary>Only candidates with no registration may be deleted.</summary>
    public static bool CanDelete(int registrationCount) => registrationCount == 0;

    /// <summary>The request sent to <see cref="IIdentityVerifier"/>.</summary>
    public IdentityVerificationRequest ToVerificationRequest(PhotoInfo? photo) => new(Name, IdType, IdNumber, photo);

    private static (IdType IdType, string IdNumber) NormalizeId(IdType idType, string? idNumber)
    {
        if (idType == IdType.ResidentIdCard)
        {
            return (idType, Candidates.IdNumber.Parse(idNumber).Value);
        }

        var value = Guard.Required(idNumber, "证件号码", IdNumberMaxLength).ToUpperInvariant();
        DomainRuleException.ThrowIf(!value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'), "证件号码只能包含字母、数字和-");
        return (idType, value);
    }

    private void Apply(CandidateDetails details)
    {
        var name = Guard.Required(details.Name, "姓名", NameMaxLength);
        var (idType, idNumber) = NormalizeId(details.IdType, details.IdNumber);
        DomainRuleException.ThrowIf(details.EnrollmentYear is < 1950 or > 2100, "入学年份不正确");
        Name = name;
        IdType = idType;
        IdNumber = idNumber;
        if (idType == IdType.ResidentIdCard)
        {
            var parsed = Candidates.IdNumber.Parse(idNumber);
            Gender = parsed.Gender;
            BirthDate = parsed.BirthDate;
        }
        else
        {
            Gender = details.Gender;
            BirthDate = details.BirthDate;
        }

        Pinyin = Guard.Optional(details.Pinyin, "姓名拼音", PinyinMaxLength);
        Phone = MobilePhone.Optional(details.Phone);
        MajorId = details.MajorId;
        MajorLevel = details.MajorLevel;
        EnrollmentYear = details.EnrollmentYear;
    }

    private void TransitionTo(CandidateAction action, string actorName, DateTimeOffset nowUtc, string? reason)
    {
        InfoStatus = Table.Apply(InfoStatus, action);
        VerificationNote = reason;
        StatusChangedBy = Guard.Required(actorName, "操作人", ActorMaxLength);
        StatusChangedUtc = nowUtc;
    }
}
