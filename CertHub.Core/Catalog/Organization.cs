using CertHub.Core.Common;

namespace CertHub.Core.Catalog;

/// <summary>培训评价组织.</summary>
public sealed class Organization : Entity
{
    public const int NameMaxLength = 60;
    public const int CreditCodeLength = 18;

    private Organization()
    {
    }

    public string Name { get; private set; } = "";

    /// <summary>统一社会信用代码 (18 characters).</summary>
    public string CreditCode { get; private set; } = "";

    public string? ContactName { get; private set; }

    public string? ContactPhone { get; private set; }

    public string? Address { get; private set; }

    public string? Website { get; private set; }

    public string? Introduction { get; private set; }

    /// <summary>机构公章 image used on certificates; null until uploaded.</summary>
    public string? SealImagePath { get; private set; }

    /// <summary>签名章 image used on certificates; null until uploaded.</summary>
    public string? SignatureStampPath { get; private set; }

    public static Organization Create(string name, string creditCode)
    {
        var org = new Organization();
        org.Rename(name, creditCode);
        return org;
    }

    public void Rename(string name, string creditCode)
    {
        Name = Guard.Required(name, "培训评价组织名称", NameMaxLength);
        creditCode = Guard.Required(creditCode, "统一社会信用代码", CreditCodeLength).ToUpperInvariant();
        DomainRuleException.ThrowIf(creditCode.Length != CreditCodeLength || !creditCode.All(char.IsAsciiLetterOrDigit), "统一社会信用代码应为18位数字或字母");
        CreditCode = creditCode;
    }

    public void UpdateDetails(string? contactName, string? contactPhone, string? address, string? website, string? introduction)
    {
        ContactName = Guard.Optional(contactName, "联系人", 30);
        ContactPhone = Guard.Phone(contactPhone);
        Address = Guard.Optional(address, "地址", 200);
        Website = Guard.Optional(website, "网址", 200);
        Introduction = Guard.Optional(introduction, "机构简介", 2000);
    }

    public void SetSeal(string relativePath) => SealImagePath = Guard.Required(relativePath, "机构公章", 260);

    public void SetSignatureStamp(string relativePath) => SignatureStampPath = Guard.Required(relativePath, "签名章", 260);
}
