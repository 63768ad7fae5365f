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

    private Invigilator()
    {
    }

    public int SchoolId { get; private set; }

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

    public static Invigilator Create(int schoolId, string name, string idNumber, string phone, string? title, string? department, DateTimeOffset nowUtc)
    {
        var invigilator = new Invigilator { SchoolId = schoolId, CreatedUtc = nowUtc };
        invigilator.Update(name, idNumber, phone, title, department);
        return invigilator;
    }

    public void Update(string name, string idNumber, string phone, string? title, string? department)
    {
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
