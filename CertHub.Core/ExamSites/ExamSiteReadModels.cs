using CertHub.Core.Catalog;
using CertHub.Core.Common;

namespace CertHub.Core.ExamSites;

/// <summary>Change-feed topics of the exam-site feature.</summary>
public static class ExamSiteTopics
{
    public const string Sites = "exam-sites";
}

/// <summary>考核站点 filters: 考核站点名称, 证书名称, 院校名称 (organisation), 状态 (tab).</summary>
public sealed record ExamSiteFilter(string? Name = null, string? CertificateName = null, string? SchoolName = null, ExamSiteStatus? Status = null);

/// <summary>申报考核站点 / 编辑: what the school enters (the name is generated).</summary>
public sealed record ExamSiteInput(
    int CertificateId,
    IReadOnlyList<CertificateLevel> Levels,
    string Address,
    int SeatCount,
    string? Equipment,
    string ContactName,
    string ContactPhone)
{
    /// <summary>The <see cref="CertHub.Core.Common.Entity.RowVersion"/> the form was loaded with (null: not from a form).</summary>
    public long? Version { get; init; }
}

/// <summary>One row of the 考核站点 list; Can* flags come from the <see cref="ExamSite"/> transition table.</summary>
public sealed record ExamSiteListItem(
    int Id,
    string Name,
    string SchoolName,
    string CertificateName,
    string OrganizationName,
    IReadOnlyList<CertificateLevel> Levels,
    string Address,
    int SeatCount,
    string ContactName,
    string ContactPhone,
    ExamSiteStatus Status,
    DateTimeOffset CreatedUtc)
{
    public string LevelsText => string.Join("、", Levels.Order().Select(l => l.ToDisplayName()));

    public bool CanEdit => ExamSite.CanApplyFrom(Status, ExamSiteAction.Edit);

    public bool CanDelete => CanEdit;

    public bool CanSubmit => ExamSite.CanApplyFrom(Status, ExamSiteAction.Submit);

    public bool CanWithdraw => ExamSite.CanApplyFrom(Status, ExamSiteAction.Withdraw);

    public bool CanReview => ExamSite.CanApplyFrom(Status, ExamSiteAction.Approve);
}

/// <summary>审核记录 of a site.</summary>
public sealed record ExamSiteReviewRow(ExamSiteAction Action, ExamSiteStatus ToStatus, string? Opinion, string ActorName, DateTimeOffset OccurredUtc);

/// <summary>考核站点建设标准 for one level of the site's certificate.</summary>
public sealed record SiteStandardRow(CertificateLevel Level, string Name, string Version, int MinimumSeats, string? VenueRequirements, string? EquipmentRequirements);

/// <summary>查看: the site, its 审核记录 and the 考核站点建设标准 of its certificate levels.</summary>
public sealed record ExamSiteDetail(ExamSiteListItem Site, int CertificateId, string? Equipment, IReadOnlyList<ExamSiteReviewRow> Reviews, IReadOnlyList<SiteStandardRow> Standards)
{
    /// <summary>The row's <see cref="CertHub.Core.Common.Entity.RowVersion"/> when loaded: 保存 sends it back.</summary>
    public long Version { get; init; }
}

/// <summary>A certificate with its levels, for 申报考核站点.</summary>
public sealed record SiteCertificateOption(int CertificateId, string Name, string OrganizationName, IReadOnlyList<CertificateLevel> Levels);

/// <summary>A site batch action's outcome.</summary>
public sealed record ExamSiteBatchResult(int Succeeded, IReadOnlyList<string> Failures)
{
    public string Summary(string verb) =>
        Failures.Count == 0 ? $"{verb}成功 {Succeeded} 条" : $"{verb}成功 {Succeeded} 条，失败 {Failures.Count} 条：" + string.Join("；", Failures.Take(5));
}
