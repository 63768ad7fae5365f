using System.ComponentModel.DataAnnotations;

namespace CertHub.Core.Catalog;

/// <summary>An id and a name, for drop-downs.</summary>
public sealed record CatalogOption(int Id, string Name);

/// <summary>A certificate in a detail's list: name, code and levels.</summary>
public sealed record CertificateBrief(int Id, string Name, string Code, string Levels);

public sealed record OrganizationFilter(string? Name = null);

/// <summary>2.1 list row: 培训评价组织名称, 统一社会信用代码, 联系人, 联系电话.</summary>
public sealed record OrganizationListItem(int Id, string Name, string CreditCode, string? ContactName, string? ContactPhone);

public sealed record OrganizationDetail(
    int Id,
    string Name,
    string CreditCode,
    string? ContactName,
    string? ContactPhone,
    string? Address,
    string? Website,
    string? Introduction,
    IReadOnlyList<CertificateBrief> Certificates)
{
    /// <summary>The row's <see cref="CertHub.Core.Common.Entity.RowVersion"/> when loaded: 编辑 sends it back.</summary>
    public long Version { get; init; }
}

public sealed record SchoolFilter(string? Name = null);

/// <summary>2.2 list row.</summary>
public sealed record SchoolListItem(int Id, string Name, string Code, string ProvinceName, SchoolType SchoolType, string? ContactName, string? ContactPhone, bool HasSeal);

/// <summary>试点证书负责人 row.</summary>
public sealed record SchoolContactItem(string CertificateName, string Name, string? Phone, string? Email);

public sealed record SchoolDetail(
    int Id,
    string Name,
    string Code,
    int ProvinceId,
    string ProvinceName,
    SchoolType SchoolType,
    string? Address,
    string? ContactName,
    string? ContactPhone,
    string? Email,
    string? Website,
    string? Introduction,
    bool HasSeal,
    DateTimeOffset? SealUploadedUtc,
    IReadOnlyList<SchoolContactItem> Contacts)
{
    /// <summary>The row's <see cref="CertHub.Core.Common.Entity.RowVersion"/> when loaded: 保存 sends it back.</summary>
    public long Version { get; init; }
}

/// <summary>编辑院校信息 input.</summary>
public sealed record SchoolDetailsInput(string? Address, string? ContactName, string? ContactPhone, string? Email, string? Website, string? Introduction)
{
    /// <summary>The <see cref="CertHub.Core.Common.Entity.RowVersion"/> the form was loaded with (null: not from a form).</summary>
    public long? Version { get; init; }
}

public sealed record SkillStandardFilter(string? CertificateName = null, string? StandardName = null);

public sealed record SkillStandardListItem(int Id, string CertificateName, string OrganizationName, string Name, string Code, string Version, DateOnly PublishedOn, EnablementStatus Status);

public sealed record SkillStandardDetail(int Id, int CertificateId, string CertificateName, string OrganizationName, string Name, string Code, string Version, DateOnly PublishedOn, EnablementStatus Status, string? Content);

public sealed record SiteStandardFilter(string? CertificateName = null, string? StandardName = null, CertificateLevel? Level = null, EnablementStatus? Status = null);

public sealed record SiteStandardListItem(int Id, string CertificateName, CertificateLevel Level, string Name, string Version, int MinimumSeats, DateOnly PublishedOn, EnablementStatus Status);

public sealed record SiteStandardDetail(
    int Id,
    int CertificateId,
    string CertificateName,
    string OrganizationName,
    CertificateLevel Level,
    string Name,
    string Version,
    int MinimumSeats,
    DateOnly PublishedOn,
    EnablementStatus Status,
    string? VenueRequirements,
    string? EquipmentRequirements);

/// <summary>证书范围.</summary>
public enum CertificateScope
{
    [Display(Name = "已参与试点证书")] Piloted,
    [Display(Name = "全部证书")] All,
}

public sealed record CertificateFilter(CertificateScope Scope = CertificateScope.All, string? Name = null, int? OrganizationId = null, CertificateLevel? Level = null);

/// <summary>4.1 list row.</summary>
public sealed record CertificateListItem(
    int Id,
    string Name,
    string Code,
    string OrganizationName,
    IReadOnlyList<CertificateLevel> Levels,
    string? Field,
    EnablementStatus Status,
    DateTimeOffset PublishedUtc);

public sealed record MajorItem(int Id, string Code, string Name, MajorLevel Level, string? Category);

public sealed record CertificateDetail(
    int Id,
    string Name,
    string Code,
    int OrganizationId,
    string OrganizationName,
    string? Field,
    string? Description,
    EnablementStatus Status,
    DateTimeOffset PublishedUtc,
    IReadOnlyList<CertificateLevel> Levels,
    IReadOnlyList<MajorItem> Majors)
{
    /// <summary>The row's <see cref="CertHub.Core.Common.Entity.RowVersion"/> when loaded: 编辑 sends it back.</summary>
    public long Version { get; init; }
}

public static class CertificateLevelText
{
    /// <summary>初级、中级、高级.</summary>
    public static string Join(IEnumerable<CertificateLevel> levels) =>
        string.Join("、", levels.Order().Select(l => Common.EnumDisplay.ToDisplayName(l)));
}
