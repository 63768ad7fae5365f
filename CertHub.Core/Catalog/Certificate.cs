using CertHub.Core.Common;

namespace CertHub.Core.Catalog;

/// <summary>职业技能等级证书, owned by one organisation, offered at one or more levels, open to a list of majors.</summary>
public sealed class Certificate : Entity
{
    public const int NameMaxLength = 80;
    public const int CodeMaxLength = 20;
    public const int DescriptionMaxLength = 2000;

    private readonly List<CertificateLevelOffering> _levels = [];
    private readonly List<CertificateMajor> _majors = [];

    private Certificate()
    {
    }

    public string Name { get; private set; } = "";

    /// <summary>证书代码, e.g. 1+X-XXH.</summary>
    public string Code { get; private set; } = "";

    public int OrganizationId { get; private set; }

    public Organization? Organization { get; private set; }

    public string? Description { get; private set; }

    /// <summary>适用行业/职业领域.</summary>
    public string? Field { get; private set; }

    public EnablementStatus Status { get; private set; }

    /// <summary>发布时间: when the certificate entered the catalogue (and the ledger).</summary>
    public DateTimeOffset PublishedUtc { get; private set; }

    public IReadOnlyList<CertificateLevelOffering> Levels => _levels;

    public IReadOnlyList<CertificateMajor> Majors => _majors;

    public static Certificate Create(string name, string code, int organizationId, IEnumerable<CertificateLevel> levels, DateTimeOffset publishedUtc)
    {
        var certificate = new Certificate { OrganizationId = organizationId, PublishedUtc = publishedUtc, Status = EnablementStatus.Enabled };
        certificate.Update(name, code, null, null);
        certificate.SetLevels(levels);
        return certificate;
    }

    public void Update(string name, string code, string? description, string? field)
    {
        Name = Guard.Required(name, "证书名称", NameMaxLength);
        Code = Guard.Required(code, "证书代码", CodeMaxLength);
        Description = Guard.Optional(description, "证书简介", DescriptionMaxLength);
        Field = Guard.Optional(field, "适用领域", 100);
    }

    public void SetLevels(IEnumerable<CertificateLevel> levels)
    {
        var wanted = levels.Distinct().Order().ToList();
        DomainRuleException.ThrowIf(wanted.Count == 0, "证书至少需要一个等级");
        _levels.RemoveAll(l => !wanted.Contains(l.Level));
        foreach (var level in wanted.Where(l => _levels.All(x => x.Level != l)))
        {
            _levels.Add(new CertificateLevelOffering(level));
        }
    }

    public bool HasLevel(CertificateLevel level) => _levels.Any(l => l.Level == level);

    public void SetMajors(IEnumerable<int> majorIds)
    {
        var wanted = majorIds.Distinct().ToList();
        _majors.RemoveAll(m => !wanted.Contains(m.MajorId));
        foreach (var id in wanted.Where(id => _majors.All(m => m.MajorId != id)))
        {
            _majors.Add(new CertificateMajor(id));
        }
    }

    public bool AllowsMajor(int majorId) => _majors.Any(m => m.MajorId == majorId);

    public void Enable() => Status = EnablementStatus.Enabled;

    public void Disable() => Status = EnablementStatus.Disabled;

    /// <summary>The name with a level, as the manual prints it: 信息化应用职业技能等级证书(中级).</summary>
    public string NameWithLevel(CertificateLevel level) => $"{Name}({level.ToDisplayName()})";
}

/// <summary>One level at which a certificate is offered.</summary>
public sealed class CertificateLevelOffering
{
    private CertificateLevelOffering()
    {
    }

    internal CertificateLevelOffering(CertificateLevel level) => Level = level;

    public int CertificateId { get; private set; }

    public CertificateLevel Level { get; private set; }
}

/// <summary>A major whose students may sit the certificate (面向专业).</summary>
public sealed class CertificateMajor
{
    private CertificateMajor()
    {
    }

    internal CertificateMajor(int majorId) => MajorId = majorId;

    public int CertificateId { get; private set; }

    public int MajorId { get; private set; }

    public Major? Major { get; private set; }
}
