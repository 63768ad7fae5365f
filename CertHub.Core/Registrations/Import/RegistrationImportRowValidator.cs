using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;

namespace CertHub.Core.Registrations.Import;

/// <summary>A registration already in the database for the plan and school (for duplicates and time conflicts).</summary>
public sealed record ExistingRegistration(int CandidateId, int CertificateId, CertificateLevel Level, int? SubjectId, CandidateType CandidateType);

/// <summary>
/// Everything one import checks rows against, loaded once (set-based) by the service: the plan with its certificates,
/// schools and subject times; the school's candidates by 证件号码; the majors each certificate covers; the majors the school's
/// approved pilot applications declared (only levels where some were declared); the plan's subjects; the registrations
/// the school already has in the plan.
/// </summary>
public sealed record RegistrationImportContext(
    ExamPlan Plan,
    RegistrationImportRequest Request,
    IReadOnlyDictionary<string, Candidate> CandidatesByIdNumber,
    IReadOnlyDictionary<int, string> MajorNames,
    IReadOnlyDictionary<int, IReadOnlySet<int>> CertificateMajors,
    IReadOnlyDictionary<(int CertificateId, CertificateLevel Level), IReadOnlySet<int>> DeclaredMajors,
    IReadOnlyDictionary<int, string> CertificateNames,
    IReadOnlyList<ExamSubject> Subjects,
    IReadOnlyList<ExistingRegistration> Existing,
    DateTimeOffset NowUtc);

/// <summary>
/// Checks 报考 import rows one at a time against a <see cref="RegistrationImportContext"/> (pure, in memory) and builds the
/// <see cref="Registration"/> of each good row. A row is refused, with the first reason found, when: a required cell is
/// empty; no candidate of the school has the 证件号码 or the name differs; the candidate is not 信息准确; the certificate,
/// level or subject is not in the plan; a 院校考生's major is not one the certificate covers or, when the school's approved
/// application declared majors, not one of those; the subject's 参考对象 excludes the candidate type; the registration
/// exists already (in the database or earlier in the file); or its exam time overlaps another subject of the candidate
/// in the same plan. Accepted rows count for the duplicate and time checks of the rows after them.
/// </summary>
public sealed class RegistrationImportRowValidator
{
    private readonly RegistrationImportContext _context;
    private readonly Dictionary<string, int> _certificateIdsByName;
    private readonly Dictionary<int, ExamSubject> _subjectsById;
    private readonly Dictionary<(int CertificateId, CertificateLevel Level), List<ExamSubject>> _subjectsByLevel;
    private readonly Dictionary<(int CandidateId, int CertificateId, CertificateLevel Level, int? SubjectId), int> _taken = [];
    private readonly Dictionary<int, List<(DateTimeOffset Start, DateTimeOffset End, int SubjectId)>> _busy = [];

    public RegistrationImportRowValidator(RegistrationImportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _certificateIdsByName = context.Plan.Certificates.Select(c => c.CertificateId).Distinct()
            .Where(context.CertificateNames.ContainsKey)
            .GroupBy(id => context.CertificateNames[id], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _subjectsById = context.Subjects.Where(s => context.Plan.SubjectTime(s.Id) is not null).ToDictionary(s => s.Id);
        _subjectsByLevel = _subjectsById.Values.GroupBy(s => (s.CertificateId, s.Level)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var existing in context.Existing)
        {
            _taken.TryAdd((existing.CandidateId, existing.CertificateId, existing.Level, existing.SubjectId), 0);
            Occupy(existing.CandidateId, Times(existing.CertificateId, existing.Level, existing.SubjectId, existing.CandidateType));
        }
    }

    /// <summary>The registration to insert, or the reason the row was refused.</summary>
    public (Registration? Registration, string? Reason) Validate(RegistrationImportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            return (Check(row), null);
        }
        catch (DomainRuleException ex)
        {
            return (null, ex.Message);
        }
    }

    private Registration Check(RegistrationImportRow row)
    {
        var mode = _context.Request.Mode;
        var name = Required(row.Name, RegistrationImportTemplate.Name);
        var idNumber = Required(row.IdNumber, RegistrationImportTemplate.IdNumber).ToUpperInvariant();
        var candidate = _context.CandidatesByIdNumber.GetValueOrDefault(idNumber)
            ?? throw new DomainRuleException("本校考生中未找到该证件号码的考生");
        DomainRuleException.ThrowIf(!string.Equals(candidate.Name, name, StringComparison.Ordinal), "考生姓名与证件号码不符");
        DomainRuleException.ThrowIf(!candidate.CanRegister, $"考生信息状态为“{candidate.InfoStatus.ToDisplayName()}”，信息准确后才能报考");

        var (certificateId, level) = mode == RegistrationMode.ByCertificate ? CertificateOf(row) : SelectedCertificate();
        var subject = mode == RegistrationMode.BySubject ? SubjectOf(row, certificateId, level) : null;
        var majorName = CheckMajor(candidate, certificateId, level);
        CheckScope(candidate, subject, certificateId, level);

        var key = (candidate.Id, certificateId, level, subject?.Id);
        if (_taken.TryGetValue(key, out var firstRow))
        {
            throw new DomainRuleException(firstRow == 0
                ? (subject is null ? "该考生已报考该证书，不能重复报考" : "该考生已报考该科目，不能重复报考")
                : $"与第{firstRow}行重复");
        }

        var times = Times(certificateId, level, subject?.Id, candidate.CandidateType);
        var conflict = Conflict(candidate.Id, times);
        DomainRuleException.ThrowIf(conflict is not null, $"考试时间与该考生已报考的科目“{conflict}”重叠");

        var registration = Registration.Create(_context.Plan, candidate, certificateId, level, subject, majorName, _context.NowUtc);
        _taken[key] = row.RowNumber;
        Occupy(candidate.Id, times);
        return registration;
    }

    private (int CertificateId, CertificateLevel Level) CertificateOf(RegistrationImportRow row)
    {
        var certificateName = Required(row.Certificate, RegistrationImportTemplate.Certificate);
        var levelText = Required(row.Level, RegistrationImportTemplate.Level);
        if (!_certificateIdsByName.TryGetValue(certificateName, out var certificateId))
        {
            throw new DomainRuleException($"考核证书“{certificateName}”不在该考试计划中");
        }

        var level = EnumDisplay.FromDisplayName<CertificateLevel>(levelText)
            ?? throw new DomainRuleException($"证书等级“{levelText}”不正确，应为初级、中级或高级");
        DomainRuleException.ThrowIf(!_context.Plan.HasCertificate(certificateId, level), $"考试计划中没有该证书的{level.ToDisplayName()}等级");
        return (certificateId, level);
    }

    private (int CertificateId, CertificateLevel Level) SelectedCertificate()
    {
        var request = _context.Request;
        return request is { CertificateId: int id, Level: CertificateLevel level }
            ? (id, level)
            : throw new DomainRuleException("按科目导入需先选择考核证书");
    }

    private ExamSubject SubjectOf(RegistrationImportRow row, int certificateId, CertificateLevel level)
    {
        var text = Required(row.Subject, RegistrationImportTemplate.Subject);
        var subjects = _subjectsByLevel.GetValueOrDefault((certificateId, level)) ?? [];
        return subjects.Find(s => string.Equals(s.Code, text, StringComparison.OrdinalIgnoreCase))
            ?? subjects.Find(s => string.Equals(s.Name, text, StringComparison.Ordinal))
            ?? throw new DomainRuleException($"考试科目“{text}”不是该证书在考试计划中的科目");
    }

    /// <summary>院校考生: the major must be covered by the certificate and, if the approved application declared majors, declared there.</summary>
    private string? CheckMajor(Candidate candidate, int certificateId, CertificateLevel level)
    {
        var majorName = candidate.MajorId is int id ? _context.MajorNames.GetValueOrDefault(id) : null;
        if (candidate.CandidateType != CandidateType.SchoolCandidate)
        {
            return majorName;
        }

        var majorId = candidate.MajorId ?? throw new DomainRuleException("院校考生未填写就读专业，不能报考");
        var covered = _context.CertificateMajors.GetValueOrDefault(certificateId);
        DomainRuleException.ThrowIf(covered is null || !covered.Contains(majorId), $"考生专业“{majorName}”不在该证书面向的专业之内");
        var declared = _context.DeclaredMajors.GetValueOrDefault((certificateId, level));
        DomainRuleException.ThrowIf(declared is not null && !declared.Contains(majorId), $"考生专业“{majorName}”不在本校该证书试点申报的专业之内");
        return majorName;
    }

    /// <summary>参考对象: 按科目 the subject must be open to the candidate type; 按证书 at least one of the level's subjects must be.</summary>
    private void CheckScope(Candidate candidate, ExamSubject? subject, int certificateId, CertificateLevel level)
    {
        if (subject is not null)
        {
            DomainRuleException.ThrowIf(!subject.IsOpenTo(candidate.CandidateType),
                $"该科目的参考对象为{subject.CandidateScope.ToDisplayName()}，考生类型为{candidate.CandidateType.ToDisplayName()}");
            return;
        }

        var subjects = _subjectsByLevel.GetValueOrDefault((certificateId, level));
        DomainRuleException.ThrowIf(subjects is { Count: > 0 } && !subjects.Any(s => s.IsOpenTo(candidate.CandidateType)),
            $"该证书没有参考对象为{candidate.CandidateType.ToDisplayName()}的考试科目");
    }

    /// <summary>The exam times a registration occupies: its subject 按科目, else the level's subjects open to the candidate type.</summary>
    private List<(DateTimeOffset Start, DateTimeOffset End, int SubjectId)> Times(int certificateId, CertificateLevel level, int? subjectId, CandidateType type)
    {
        if (subjectId is int id)
        {
            var time = _context.Plan.SubjectTime(id);
            return time is null ? [] : [(time.StartUtc, time.EndUtc, id)];
        }

        return [.. (_subjectsByLevel.GetValueOrDefault((certificateId, level)) ?? [])
            .Where(s => s.IsOpenTo(type))
            .Select(s => _context.Plan.SubjectTime(s.Id)!)
            .Select(t => (t.StartUtc, t.EndUtc, t.SubjectId))];
    }

    private string? Conflict(int candidateId, List<(DateTimeOffset Start, DateTimeOffset End, int SubjectId)> times)
    {
        if (!_busy.TryGetValue(candidateId, out var busy))
        {
            return null;
        }

        foreach (var (start, end, subjectId) in times)
        {
            foreach (var other in busy)
            {
                if (other.SubjectId != subjectId && start < other.End && other.Start < end)
                {
                    return _subjectsById.TryGetValue(other.SubjectId, out var s) ? s.Name : "其他科目";
                }
            }
        }

        return null;
    }

    private void Occupy(int candidateId, List<(DateTimeOffset Start, DateTimeOffset End, int SubjectId)> times)
    {
        if (times.Count == 0)
        {
            return;
        }

        if (!_busy.TryGetValue(candidateId, out var busy))
        {
            _busy[candidateId] = busy = [];
        }

        busy.AddRange(times);
    }

    private static string Required(string? value, string field)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? throw new DomainRuleException($"{field}不能为空") : trimmed;
    }
}
