using CertHub.Core.Common;

namespace CertHub.Core.Catalog;

/// <summary>试点院校.</summary>
public sealed class PilotSchool : Entity
{
    public const int NameMaxLength = 60;
    public const int CodeMaxLength = 10;
    public const int TextMaxLength = 200;
    public const int IntroductionMaxLength = 2000;

    private PilotSchool()
    {
    }

    public string Name { get; private set; } = "";

    /// <summary>院校代码 (10-digit national school code).</summary>
    public string Code { get; private set; } = "";

    public int ProvinceId { get; private set; }

    public Province? Province { get; private set; }

    public SchoolType SchoolType { get; private set; }

    public string? Address { get; private set; }

    public string? ContactName { get; private set; }

    public string? ContactPhone { get; private set; }

    public string? Email { get; private set; }

    public string? Website { get; private set; }

    public string? Introduction { get; private set; }

    /// <summary>电子签章 image, relative to the file storage root; null until uploaded.</summary>
    public string? SealImagePath { get; private set; }

    public DateTimeOffset? SealUploadedUtc { get; private set; }

    public static PilotSchool Create(string name, string code, int provinceId, SchoolType type)
    {
        var school = new PilotSchool { ProvinceId = provinceId };
        school.Rename(name, code, type);
        return school;
    }

    /// <summary>Name, code and type: kept by the platform admin.</summary>
    public void Rename(string name, string code, SchoolType type)
    {
        Name = Guard.Required(name, "院校名称", NameMaxLength);
        code = Guard.Required(code, "院校代码", CodeMaxLength);
        DomainRuleException.ThrowIf(!code.All(char.IsAsciiDigit), "院校代码应为数字");
        Code = code;
        SchoolType = type;
    }

    public void MoveToProvince(int provinceId) => ProvinceId = provinceId;

    /// <summary>编辑院校信息: details the school keeps itself.</summary>
    public void UpdateDetails(string? address, string? contactName, string? contactPhone, string? email, string? website, string? introduction)
    {
        Address = Guard.Optional(address, "院校地址", TextMaxLength);
        ContactName = Guard.Optional(contactName, "联系人", 30);
        ContactPhone = Guard.Phone(contactPhone);
        Email = Guard.Optional(email, "电子邮箱", 100);
        DomainRuleException.ThrowIf(Email is not null && !Email.Contains('@'), "电子邮箱格式不正确");
        Website = Guard.Optional(website, "院校网址", TextMaxLength);
        Introduction = Guard.Optional(introduction, "院校简介", IntroductionMaxLength);
    }

    /// <summary>上传电子签章 (the image was checked by content before it was stored).</summary>
    public void SetSeal(string relativePath, DateTimeOffset nowUtc)
    {
        SealImagePath = Guard.Required(relativePath, "电子签章", 260);
        SealUploadedUtc = nowUtc;
    }
}
