using CertHub.Core.Catalog;
using CertHub.Core.Issuance;

namespace CertHub.Web.Components.Pages.Issuance;

/// <summary>The /issuance filter fields as the user edits them (查询 applies them).</summary>
public sealed class IssuanceFilterModel
{
    public int? Year { get; set; }

    public string? CandidateNo { get; set; }

    public string? CandidateName { get; set; }

    public int? ExamPlanId { get; set; }

    public int? CertificateId { get; set; }

    public CertificateLevel? Level { get; set; }

    public IssuanceOption? School { get; set; }

    /// <summary>颁证状态 of the expanded filters; the selected tab wins over it.</summary>
    public IssuanceStatus? Status { get; set; }

    public IssuanceFilter ToFilter(IssuanceStatus? tab) =>
        new(Year, Trim(CandidateNo), Trim(CandidateName), ExamPlanId, CertificateId, Level, School?.Id, tab ?? Status);

    public void Clear() =>
        (Year, CandidateNo, CandidateName, ExamPlanId, CertificateId, Level, School, Status) = (null, null, null, null, null, null, null, null);

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
