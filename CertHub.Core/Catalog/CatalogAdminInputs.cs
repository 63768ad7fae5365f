namespace CertHub.Core.Catalog;

public sealed record ProvinceListItem(int Id, string Code, string Name, string AuthorityName, ReportingCycle ReportingCycle, int SchoolCount);

public sealed record ProvinceInput(int? Id, string Code, string Name, string AuthorityName, ReportingCycle ReportingCycle);

public sealed record SchoolInput(int? Id, string Name, string Code, int ProvinceId, SchoolType SchoolType);

public sealed record OrganizationInput(int? Id, string Name, string CreditCode, string? ContactName, string? ContactPhone, string? Address, string? Website, string? Introduction);

public sealed record CertificateInput(
    int? Id,
    string Name,
    string Code,
    int OrganizationId,
    IReadOnlyCollection<CertificateLevel> Levels,
    IReadOnlyCollection<int> MajorIds,
    string? Description,
    string? Field,
    EnablementStatus Status);

public sealed record SkillStandardInput(int? Id, int CertificateId, string Name, string Code, string Version, DateOnly PublishedOn, string? Content, EnablementStatus Status);

public sealed record SiteStandardInput(
    int? Id,
    int CertificateId,
    CertificateLevel Level,
    string Name,
    string Version,
    int MinimumSeats,
    DateOnly PublishedOn,
    string? VenueRequirements,
    string? EquipmentRequirements,
    EnablementStatus Status);
