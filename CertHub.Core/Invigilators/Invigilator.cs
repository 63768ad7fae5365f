using CertHub.Core.Candidates;
using CertHub.Core.Common;

namespace CertHub.Core.Invigilators;

/// <summary>监考人员: a teacher of a school who may invigilate once certified (考评员认证) for a certificate level.</summary>
public sealed class Invigilator : Entity
{
    public const int NameMaxLength = 30;
    public const int IdNumberMaxLength = Candidates.IdNumber.Length;
    public const int TitleMaxLength = 30;
    public const int DepartmentMaxLength = 60;
    public const int TeacherNoLength = 8;
    public const int RegionMaxLength = 60;
    public const string TeacherNoPrefix = "JK";

    private Invigilator()
    {
    }

    public int SchoolId { get; private set; }

    /// <summary>教师编号: JK + six digits, generated (<see cref="TeacherNoOf"/>), unique.</summary>
    public string TeacherNo { get; private set; } = "";

    /// <summary>所在区域, e.g. 北京市北京市丰台区.</summary>
    public string? Region { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>身份证号码.</summary>
    public string IdNumber { get; private set; } = "";

    /// <summary>手机号码.</summary>
    public string Phone { get; private set; } = "";

    /// <summary>职称.</summary>
    public string? Title { get; private set; }

    /// <summary>所在部门.</summary>
    public string? Department { get; private set; }

    public DateTimeOffset CreatedUtc { get; private set; }

    public string MaskedIdNumber => Candidates.IdNumber.Mask(IdNumber);

    public static Invigilator Create(int schoolId, string teacherNo, string name, string idNumber, string phone, string? region, string? title, string? department, DateTimeOffset nowUtc)
    {
        DomainRuleException.ThrowIf(!IsTeacherNo(teacherNo), "教师编号格式不正确");
        var invigilator = new Invigilator { SchoolId = schoolId, TeacherNo = teacherNo, CreatedUtc = nowUtc };
        invigilator.Update(name, idNumber, phone, region, title, department);
        return invigilator;
    }

    /// <summary>The 教师编号 of the n-th invigilator: JK000001 ... JK999999.</summary>
    public static string TeacherNoOf(int sequence)
    {
        DomainRuleException.ThrowIf(sequence is < 1 or > 999_999, "教师编号已用尽");
        return TeacherNoPrefix + sequence.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static bool IsTeacherNo(string? value) =>
        value is { Length: TeacherNoLength } && value.StartsWith(TeacherNoPrefix, StringComparison.Ordinal) && value[2..].All(char.IsAsciiDigit);

    public void Update(string name, string idNumber, string phone, string? region, string? title, string? department)
    {
        Region = Guard.Optional(region, "所在区域", RegionMaxLength);
        Name = Guard.Required(name, "姓名", NameMaxLength);
        IdNumber = Candidates.IdNumber.Parse(idNumber).Value;
        Phone = MobilePhone.Required(phone);
        Title = Guard.Optional(title, "职称", TitleMaxLength);
        Department = Guard.Optional(department, "所在部门", DepartmentMaxLength);
    }

    /// <summary>删除监考人员: refused when any of its certifications is 已认证.</summary>
    public static bool CanDelete(IEnumerable<InvigilatorCertification> certifications) =>
        certifications.All(c => c.Status != CertificationStatus.Certified);
}
