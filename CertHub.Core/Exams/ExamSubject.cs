using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;

namespace CertHub.Core.Exams;

/// <summary>考试科目 of a certificate level, published by its organisation.</summary>
public sealed class ExamSubject : Entity
{
    public const int CodeMaxLength = 30;
    public const int NameMaxLength = 100;
    public const string InPublishedPlanMessage = "该科目已用于已发布的考试计划，只能修改科目名称";

    private ExamSubject()
    {
    }

    public int OrganizationId { get; private set; }

    public int CertificateId { get; private set; }

    public CertificateLevel Level { get; private set; }

    /// <summary>科目编号.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public ExamMode ExamMode { get; private set; }

    /// <summary>考场类型, derived from <see cref="ExamMode"/> (stored so rooms can be filtered by it).</summary>
    public RoomType RoomType { get; private set; }

    /// <summary>参考对象.</summary>
    public CandidateScope CandidateScope { get; private set; }

    /// <summary>满分.</summary>
    public decimal FullMark { get; private set; }

    /// <summary>及格分.</summary>
    public decimal PassMark { get; private set; }

    /// <summary>考试时长 (分钟).</summary>
    public int DurationMinutes { get; private set; }

    public static ExamSubject Create(
        int organizationId,
        int certificateId,
        CertificateLevel level,
        string code,
        string name,
        ExamMode examMode,
        CandidateScope candidateScope,
        decimal fullMark,
        decimal passMark,
        int durationMinutes)
    {
        var subject = new ExamSubject { OrganizationId = organizationId, CertificateId = certificateId, Level = level };
        subject.Update(code, name, examMode, candidateScope, fullMark, passMark, durationMinutes);
        return subject;
    }

    /// <summary>
    /// 编辑. Once the subject is in a published exam plan (<paramref name="inPublishedPlan"/>), registrations, rooms and scores
    /// depend on it: only 科目名称 may still change.
    /// </summary>
    public void Update(string code, string name, ExamMode examMode, CandidateScope candidateScope, decimal fullMark, decimal passMark, int durationMinutes, bool inPublishedPlan = false)
    {
        DomainRuleException.ThrowIf(
            inPublishedPlan && (code.Trim() != Code || examMode != ExamMode || candidateScope != CandidateScope
                || fullMark != FullMark || passMark != PassMark || durationMinutes != DurationMinutes),
            InPublishedPlanMessage);
        DomainRuleException.ThrowIf(fullMark <= 0, "满分必须大于0");
        DomainRuleException.ThrowIf(passMark < 0 || passMark > fullMark, "及格分应在0到满分之间");
        Code = Guard.Required(code, "科目编号", CodeMaxLength);
        Name = Guard.Required(name, "科目名称", NameMaxLength);
        ExamMode = examMode;
        RoomType = examMode.ToRoomType();
        CandidateScope = candidateScope;
        FullMark = fullMark;
        PassMark = passMark;
        DurationMinutes = Guard.Positive(durationMinutes, "考试时长");
    }

    /// <summary>Whether a candidate of this type may sit the subject (参考对象).</summary>
    public bool IsOpenTo(CandidateType candidateType) => CandidateScope switch
    {
        CandidateScope.All => true,
        CandidateScope.SchoolCandidates => candidateType == CandidateType.SchoolCandidate,
        CandidateScope.PublicCandidates => candidateType == CandidateType.PublicCandidate,
        _ => false,
    };
}
