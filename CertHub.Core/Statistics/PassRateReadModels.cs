using System.ComponentModel.DataAnnotations;
using CertHub.Core.Catalog;

namespace CertHub.Core.Statistics;

/// <summary>统计维度: 按证书统计 or 按证书等级统计.</summary>
public enum PassRateGrouping
{
    [Display(Name = "按证书统计")] ByCertificate,
    [Display(Name = "按证书等级统计")] ByLevel,
}

/// <summary>查询条件: 筛选机构, 证书名称, 年度, and 通过率排序 (正序/倒序).</summary>
public sealed record PassRateFilter(int? OrganizationId = null, int? CertificateId = null, int? Year = null, bool Descending = true);

/// <summary>
/// One row of 证书通过率统计. <see cref="Level"/> is null 按证书. Rates are 0 when the denominator is 0
/// (the manual prints 0.00%).
/// </summary>
public sealed record PassRateRow(
    int CertificateId,
    string CertificateName,
    CertificateLevel? Level,
    string OrganizationName,
    int ApprovedCount,
    int RegisteredCount,
    int AttendedCount,
    int PassedCount,
    int IssuedCount)
{
    /// <summary>通过率 = 通过人数 / 应考人数.</summary>
    public decimal PassRate => Rate(PassedCount, RegisteredCount);

    /// <summary>发证率 = 已发证人数 / 通过人数.</summary>
    public decimal IssueRate => Rate(IssuedCount, PassedCount);

    /// <summary>100.00%</summary>
    public static string Percent(decimal rate) => rate.ToString("P2", System.Globalization.CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);

    public static decimal Rate(int part, int whole) => whole == 0 ? 0m : Math.Round((decimal)part / whole, 4);
}

/// <summary>漏斗: 报考 → 参考 → 通过 → 发证 over the rows shown.</summary>
public sealed record PassRateFunnel(int Registered, int Attended, int Passed, int Issued);

/// <summary>The statistics page: the rows (sorted by 通过率) and the funnel.</summary>
public sealed record PassRateReport(IReadOnlyList<PassRateRow> Rows, PassRateFunnel Funnel);

/// <summary>导出验证: where the export code goes; <see cref="Hint"/> is null when no phone is bound.</summary>
public sealed record ExportVerification(string? Hint)
{
    public bool HasBoundPhone => Hint is not null;
}

/// <summary>A choice of 筛选机构 or 证书名称; <see cref="OrganizationId"/> is the certificate's 颁证机构 (null for organisations).</summary>
public sealed record PassRateOption(int Id, string Name, int? OrganizationId = null);

/// <summary>The filter choices the current user may pick from.</summary>
public sealed record PassRateFilterOptions(IReadOnlyList<PassRateOption> Organizations, IReadOnlyList<PassRateOption> Certificates);
