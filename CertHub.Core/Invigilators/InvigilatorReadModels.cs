using CertHub.Core.Catalog;
using CertHub.Core.Common;

namespace CertHub.Core.Invigilators;

/// <summary>Change-feed topics of the invigilator feature.</summary>
public static class InvigilatorTopics
{
    public const string Invigilators = "invigilators";
}

/// <summary>监考人员 filters: 教师姓名, 教师编号, 证书名称, 认证状态 (tab, organisation).</summary>
public sealed record InvigilatorFilter(string? Name = null, string? TeacherNo = null, string? CertificateName = null, CertificationStatus? Status = null);

/// <summary>新增 / 编辑监考人员: the teacher and the certificate levels applied for.</summary>
public sealed record InvigilatorInput(
    string Name,
    string IdNumber,
    string Phone,
    string? Region,
    string? Title,
    string? Department,
    IReadOnlyList<InvigilatorCertificateKey> Certificates)
{
    /// <summary>The <see cref="CertHub.Core.Common.Entity.RowVersion"/> the form was loaded with (null: not from a form).</summary>
    public long? Version { get; init; }
}

/// <summary>A certificate at one level an invigilator applies for.</summary>
public sealed record InvigilatorCertificateKey(int CertificateId, CertificateLevel Level);

/// <summary>One certificate application of an invigilator.</summary>
public sealed record InvigilatorCertificationRow(
    int Id,
    int CertificateId,
    string CertificateCode,
    string CertificateName,
    CertificateLevel Level,
    string OrganizationName,
    CertificationStatus Status,
    string? ReturnReason)
{
    public string Text => $"{CertificateName}({Level.ToDisplayName()})";

    public bool CanCertify => Status == CertificationStatus.Pending;
}

/// <summary>One row of the school's 监考人员 list.</summary>
public sealed record InvigilatorListItem(
    int Id,
    string TeacherNo,
    string Name,
    string MaskedPhone,
    string SchoolName,
    string? Region,
    IReadOnlyList<InvigilatorCertificationRow> Certifications)
{
    public bool CanDelete => Certifications.All(c => c.Status != CertificationStatus.Certified);

    public bool CanSubmit => Certifications.Any(c => c.Status is CertificationStatus.Draft or CertificationStatus.Returned);
}

/// <summary>One certificate application as the organisation reviews it (认证 / 退回).</summary>
public sealed record CertificationReviewItem(
    int Id,
    string TeacherNo,
    string Name,
    string MaskedPhone,
    string SchoolName,
    string? Region,
    InvigilatorCertificationRow Certification)
{
    /// <summary>The versions of the application and of the invigilator when listed: 认证 and 退回 send them back.</summary>
    public CertificationVersions? Seen { get; init; }
}

/// <summary>
/// What a reviewer decided on: the <see cref="CertHub.Core.Common.Entity.RowVersion"/> of the certification application and
/// of its invigilator (whose 姓名, 身份证号 and 职称 the reviewer checks) as listed.
/// </summary>
public sealed record CertificationVersions(long Certification, long Invigilator);

/// <summary>查看 / 编辑: every field of one invigilator.</summary>
public sealed record InvigilatorDetail(
    int Id,
    string TeacherNo,
    string Name,
    string IdNumber,
    string Phone,
    string SchoolName,
    string? Region,
    string? Title,
    string? Department,
    IReadOnlyList<InvigilatorCertificationRow> Certifications)
{
    /// <summary>The row's <see cref="CertHub.Core.Common.Entity.RowVersion"/> when loaded: 保存 sends it back.</summary>
    public long Version { get; init; }
}

/// <summary>批量导出监考人员: the manual's columns, one row per certificate applied for.</summary>
public sealed record InvigilatorExportRow(
    string TeacherNo,
    string Name,
    string MaskedPhone,
    string SchoolName,
    string? Region,
    string CertificateCode,
    string CertificateName,
    CertificateLevel Level,
    string OrganizationName,
    CertificationStatus Status);
