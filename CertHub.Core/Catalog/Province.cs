using CertHub.Core.Common;

namespace CertHub.Core.Catalog;

/// <summary>省份 and its 省级教育行政部门.</summary>
public sealed class Province : Entity
{
    public const int NameMaxLength = 20;
    public const int AuthorityNameMaxLength = 60;

    private Province()
    {
    }

    /// <summary>2-digit administrative code (GB/T 2260), e.g. 11 for 北京市.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>省级教育行政部门名称, e.g. 北京市教育委员会.</summary>
    public string AuthorityName { get; private set; } = "";

    public ReportingCycle ReportingCycle { get; private set; }

    public static Province Create(string code, string name, string authorityName)
    {
        var province = new Province();
        province.Update(code, name, authorityName);
        return province;
    }

    public void Update(string code, string name, string authorityName)
    {
        code = Guard.Required(code, "省份代码", 2);
        DomainRuleException.ThrowIf(code.Length != 2 || !code.All(char.IsAsciiDigit), "省份代码应为2位数字");
        Code = code;
        Name = Guard.Required(name, "省份名称", NameMaxLength);
        AuthorityName = Guard.Required(authorityName, "省级教育行政部门名称", AuthorityNameMaxLength);
    }

    public void SetReportingCycle(ReportingCycle cycle) => ReportingCycle = cycle;
}
