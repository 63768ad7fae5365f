using CertHub.Core.Common;
using CertHub.Core.Statistics;

namespace CertHub.Web.Documents.Excel;

/// <summary>证书通过率统计 export: the manual's columns (with 证书等级 按证书等级统计).</summary>
public static class PassRateSheet
{
    public static IReadOnlyList<XlsxColumn<PassRateRow>> Columns(PassRateGrouping grouping)
    {
        List<XlsxColumn<PassRateRow>> columns = [new("证书名称", r => r.CertificateName)];
        if (grouping == PassRateGrouping.ByLevel)
        {
            columns.Add(new("证书等级", r => r.Level?.ToDisplayName()));
        }

        columns.AddRange(
        [
            new("颁证机构", r => r.OrganizationName),
            new("批准人数", r => r.ApprovedCount),
            new("应考人数", r => r.RegisteredCount),
            new("实考人数", r => r.AttendedCount),
            new("通过人数", r => r.PassedCount),
            new("通过率", r => PassRateRow.Percent(r.PassRate)),
            new("已发证人数", r => r.IssuedCount),
            new("发证率", r => PassRateRow.Percent(r.IssueRate)),
        ]);
        return columns;
    }

    public static Task<MemoryStream> ExportAsync(PassRateGrouping grouping, IReadOnlyList<PassRateRow> rows, CancellationToken ct) =>
        XlsxExporter.ExportAsync(rows, Columns(grouping), grouping.ToDisplayName(), ct);
}
