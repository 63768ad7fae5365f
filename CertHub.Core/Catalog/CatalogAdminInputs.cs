namespace CertHub.Core.Catalog;

public sealed record ProvinceListItem(int Id, string Code, string Name, string AuthorityName, ReportingCycle ReportingCycle, int SchoolCount)
{
    /// <summary>The row's <see cref="CertHub.Core.Common.Entity.RowVersion"/> when listed: 编辑 sends it back.</summary>
    public long Version { get; init; }
}

public sealed record ProvinceInput(int? Id, string Code, string Name, string AuthorityName, ReportingCycle ReportingCycle)
{
    /// <summary>The <see cref="CertHub.Core.Common.Entity.RowVersion"/> the edit dialog was loaded with (null: new, or not from a form).</summary>
    public long? Version { get; init; }
}

public sealed record SchoolInput(int? Id, string Name, string Code, int ProvinceId, SchoolType SchoolType)
{
    /// <summary>The <see cref="CertHub.Core.Common.Entity.RowVersion"/> the edit dialog was loaded with (null: new, or not from a form).</summary>
    public long? Version { get; init; }
}

public sealed record OrganizationInput(int? Id, string Name, string CreditCode, string? ContactName, string? ContactPhone, string? Address, string? Website, string? Introduction)
{
    /// <summary>The <see cref="CertHub.Core.Common.Entity.RowVersion"/> the edit dialog was loaded with (null: new, or not from a form).</summary>
    public long? Version { get; init; }
}

public sealed record CertificateInput(
    int? Id,
    string Name,
    string Code,
    int OrganizationId,
    IReadOnlyCollection<CertificateLevel> Levels,
    IReadOnlyCollection<int> MajorIds,
    string? Description,
    string? Field,
    EnablementStatus Status)
{
    /// <summary>The <see cref="CertHub.Core.Common.Entity.RowVersion"/> the edit dialog was loaded with (null: new, or not from a form).</summary>
    public long? Version { get; init; }
}

public sealed record SkillStandardInput(int? Id, int CertificateId, string Name, string Code, string Version, DateOnly PublishedOn, string? Content, EnablementStatus Status)
{
    /// <summary>
    /// The <see cref="CertHub.Core.Common.Entity.RowVersion"/> the edit dialog was loaded with (null: new, or not from a form);
    /// not <c>Version</c>, which is the standard's own 版本号.
    /// </summary>
    public long? RowVersion { get; init; }
}

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
    EnablementStatus Status)
{
    /// <summary>
    /// The <see cref="CertHub.Core.Common.Entity.RowVersion"/> the edit dialog was loaded with (null: new, or not from a form);
    /// not <c>Version</c>, which is the standard's own 版本号.
    /// </summary>
    public long? RowVersion { get; init; }
}
