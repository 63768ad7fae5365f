using CertHub.Core.Common;

namespace CertHub.Core.Catalog;

/// <summary>职业技能等级标准 of a certificate.</summary>
public sealed class SkillStandard : Entity
{
    public const int NameMaxLength = 100;
    public const int ContentMaxLength = 20000;

    private SkillStandard()
    {
    }

    public int CertificateId { get; private set; }

    public Certificate? Certificate { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>标准代码.</summary>
    public string Code { get; private set; } = "";

    /// <summary>版本号, e.g. 2.0.</summary>
    public string Version { get; private set; } = "";

    public DateOnly PublishedOn { get; private set; }

    /// <summary>标准内容 (plain text summary of the standard's scope, levels and requirements).</summary>
    public string? Content { get; private set; }

    public EnablementStatus Status { get; private set; }

    public static SkillStandard Create(int certificateId, string name, string code, string version, DateOnly publishedOn, string? content)
    {
        var standard = new SkillStandard { CertificateId = certificateId, Status = EnablementStatus.Enabled };
        standard.Update(name, code, version, publishedOn, content);
        return standard;
    }

    public void Update(string name, string code, string version, DateOnly publishedOn, string? content)
    {
        Name = Guard.Required(name, "标准名称", NameMaxLength);
        Code = Guard.Required(code, "标准代码", 30);
        Version = Guard.Required(version, "版本号", 20);
        PublishedOn = publishedOn;
        Content = Guard.Optional(content, "标准内容", ContentMaxLength);
    }

    public void Enable() => Status = EnablementStatus.Enabled;

    public void Disable() => Status = EnablementStatus.Disabled;
}

/// <summary>考核站点建设标准 of a certificate and level (已启用 / 已停用).</summary>
public sealed class SiteStandard : Entity
{
    public const int NameMaxLength = 100;

    private SiteStandard()
    {
    }

    public int CertificateId { get; private set; }

    public Certificate? Certificate { get; private set; }

    public CertificateLevel Level { get; private set; }

    public string Name { get; private set; } = "";

    public string Version { get; private set; } = "";

    /// <summary>场地要求 (e.g. 面积, 工位数).</summary>
    public string? VenueRequirements { get; private set; }

    /// <summary>设备要求.</summary>
    public string? EquipmentRequirements { get; private set; }

    /// <summary>最少考位数.</summary>
    public int MinimumSeats { get; private set; }

    public DateOnly PublishedOn { get; private set; }

    public EnablementStatus Status { get; private set; }

    public static SiteStandard Create(int certificateId, CertificateLevel level, string name, string version, int minimumSeats, DateOnly publishedOn, string? venue, string? equipment)
    {
        var standard = new SiteStandard { CertificateId = certificateId, Status = EnablementStatus.Enabled };
        standard.Update(level, name, version, minimumSeats, publishedOn, venue, equipment);
        return standard;
    }

    public void Update(CertificateLevel level, string name, string version, int minimumSeats, DateOnly publishedOn, string? venue, string? equipment)
    {
        Level = level;
        Name = Guard.Required(name, "标准名称", NameMaxLength);
        Version = Guard.Required(version, "版本号", 20);
        MinimumSeats = Guard.Positive(minimumSeats, "最少考位数");
        PublishedOn = publishedOn;
        VenueRequirements = Guard.Optional(venue, "场地要求", 2000);
        EquipmentRequirements = Guard.Optional(equipment, "设备要求", 2000);
    }

    /// <summary>启用; throws when already enabled.</summary>
    public void Enable()
    {
        DomainRuleException.ThrowIf(Status == EnablementStatus.Enabled, "该标准已启用");
        Status = EnablementStatus.Enabled;
    }

    /// <summary>停用; throws when already disabled.</summary>
    public void Disable()
    {
        DomainRuleException.ThrowIf(Status == EnablementStatus.Disabled, "该标准已停用");
        Status = EnablementStatus.Disabled;
    }
}

/// <summary>试点证书负责人: a school's named contact for one certificate it pilots.</summary>
public sealed class SchoolCertificateContact : Entity
{
    private SchoolCertificateContact()
    {
    }

    public int SchoolId { get; private set; }

    public int CertificateId { get; private set; }

    public Certificate? Certificate { get; private set; }

    public string Name { get; private set; } = "";

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    /// <summary>The sub-account of this contact, when one exists.</summary>
    public string? UserId { get; private set; }

    public static SchoolCertificateContact Create(int schoolId, int certificateId, string name, string? phone, string? email, string? userId = null) =>
        new()
        {
            SchoolId = schoolId,
            CertificateId = certificateId,
            Name = Guard.Required(name, "负责人姓名", 30),
            Phone = Guard.Phone(phone, "负责人电话"),
            Email = Guard.Optional(email, "负责人邮箱", 100),
            UserId = userId,
        };
}
