using CertHub.Core.Common;

namespace CertHub.Core.Catalog;

/// <summary>专业 (from the national vocational major catalogue).</summary>
public sealed class Major : Entity
{
    public const int CodeMaxLength = 10;
    public const int NameMaxLength = 50;

    private Major()
    {
    }

    /// <summary>专业代码, e.g. 510201.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public MajorLevel Level { get; private set; }

    /// <summary>专业大类, e.g. 电子与信息大类.</summary>
    public string? Category { get; private set; }

    public static Major Create(string code, string name, MajorLevel level, string? category)
    {
        var major = new Major();
        major.Update(code, name, level, category);
        return major;
    }

    public void Update(string code, string name, MajorLevel level, string? category)
    {
        Code = Guard.Required(code, "专业代码", CodeMaxLength);
        Name = Guard.Required(name, "专业名称", NameMaxLength);
        Level = level;
        Category = Guard.Optional(category, "专业大类", 30);
    }
}
