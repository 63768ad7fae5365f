using CertHub.Core.Catalog;
using CertHub.Core.Common;

namespace CertHub.Core.Issuance;

/// <summary>证书发放管理 list filters (manual 4.2): 考试年度, 考生编号, 考生姓名; 展开: 考试计划, 证书, 等级, 院校, 颁证状态.</summary>
public sealed record IssuanceFilter(
    int? Year = null,
    string? CandidateNo = null,
    string? CandidateName = null,
    int? ExamPlanId = null,
    int? CertificateId = null,
    CertificateLevel? Level = null,
    int? SchoolId = null,
    IssuanceStatus? Status = null);

/// <summary>What the current account may do with one record (from the entity's CanX and whose turn it is).</summary>
[Flags]
public enum IssuanceCommands
{
    None = 0,
    Sign = 1,
    Reject = 2,
    Resign = 4,
    Issue = 8,
    Reissue = 16,
    Download = 32,
    Delete = 64,
}

/// <summary>One row of /issuance: 学生信息, 证书信息, 考证结果, 颁证状态, 操作.</summary>
public sealed record IssuanceListItem(
    int Id,
    string CandidateNo,
    string CandidateName,
    string MaskedIdNumber,
    string CandidateType,
    string CandidateSchoolName,
    string CertificateName,
    CertificateLevel Level,
    string OrganizationName,
    DateOnly? IssuedOn,
    IssueMethod? IssueMethod,
    string PlanName,
    string SiteName,
    string ResultText,
    IssuanceStatus Status,
    string? CertificateNo,
    int Version,
    string? RejectReason,
    string? FailureReason,
    IssuanceCommands Commands);

/// <summary>One row of a record's history (查看): every transition, who, when, reason, signature image.</summary>
public sealed record IssuanceHistoryItem(
    DateTimeOffset AtUtc,
    string Action,
    string? FromStatus,
    string ToStatus,
    string ActorName,
    string Party,
    string? Reason,
    string? SignatureImagePath,
    int? Version,
    string? CertificateNo);

public sealed record IssuanceDetail(IssuanceListItem Record, IReadOnlyList<IssuanceHistoryItem> History);

/// <summary>获取待发证记录 criteria: 考试年度, 考试计划, 考试证书 and 等级, 试点院校 (optional).</summary>
public sealed record GenerationCriteria(int Year, int ExamPlanId, int CertificateId, CertificateLevel Level, int? SchoolId);

/// <summary>A candidate of the 可发证名单: 考生编号, 考生姓名, 身份证号, 学生类型, 所属院校, 证书名称, 证书等级, 考证结果.</summary>
public sealed record EligibleCandidate(
    string CandidateNo,
    string CandidateName,
    string IdNumber,
    string CandidateType,
    string SchoolName,
    string CertificateName,
    CertificateLevel Level,
    string ResultText);

/// <summary>A candidate of the 不可发证名单 with its 不可发证原因 (无照片, 信息待认证, 需人工确认, ...).</summary>
public sealed record IneligibleCandidate(
    string CandidateNo,
    string CandidateName,
    string IdNumber,
    string CandidateType,
    string SchoolName,
    string CertificateName,
    CertificateLevel Level,
    string ResultText,
    string Reason);

/// <summary>待发证人数 共N人，可发证M人，K人由于信息不完善不允许发证 (already generated candidates are not counted again).</summary>
public sealed record GenerationPreview(IReadOnlyList<EligibleCandidate> Eligible, IReadOnlyList<IneligibleCandidate> Ineligible)
{
    public int Total => Eligible.Count + Ineligible.Count;

    public string Summary => $"待发证人数 共{Total}人，可发证{Eligible.Count}人，{Ineligible.Count}人由于信息不完善不允许发证";
}

/// <summary>A choice in the generation dialog and the filters (plans, certificates with levels, schools).</summary>
public sealed record IssuanceOption(int Id, string Name, IReadOnlyList<CertificateLevel>? Levels = null);

/// <summary>The handwritten signature drawn by the signer: a PNG image (data URL or base64) and the signer's name.</summary>
public sealed record SignatureInput(string SignerName, byte[] PngBytes);

/// <summary>A downloadable file (one e-certificate PDF, a zip of several, an xlsx export).</summary>
public sealed record DownloadFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// 证书发放管理: the use cases of /issuance for schools (考核站点) and organisations. Every method checks the role and the
/// tenant, applies the domain verbs record by record, saves, writes history and audit, and publishes a change on
/// <see cref="IChangeFeed"/> topic <see cref="IssuanceTopics.Records"/>.
/// </summary>
public interface IIssuanceService
{
    Task<PagedResult<IssuanceListItem>> ListAsync(IssuanceFilter filter, PageRequest page, CancellationToken ct);

    /// <summary>Counts per status for the tabs (the filter's Status is ignored); 全部 is their sum.</summary>
    Task<IReadOnlyDictionary<IssuanceStatus, int>> CountsAsync(IssuanceFilter filter, CancellationToken ct);

    Task<IssuanceDetail?> GetAsync(int id, CancellationToken ct);

    /// <summary>批量导出发证记录: the selected ids, or every record matching the filter when none are selected.</summary>
    Task<IReadOnlyList<IssuanceListItem>> ExportAsync(IssuanceFilter filter, IReadOnlyCollection<int> selectedIds, CancellationToken ct);

    Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct);

    Task<IReadOnlyList<IssuanceOption>> PlansAsync(int? year, CancellationToken ct);

    /// <summary>The certificates of a plan with their levels.</summary>
    Task<IReadOnlyList<IssuanceOption>> CertificatesAsync(int? examPlanId, CancellationToken ct);

    Task<IReadOnlyList<IssuanceOption>> SchoolsAsync(string? search, CancellationToken ct);

    /// <summary>获取待发证记录 preview (organisation only).</summary>
    Task<GenerationPreview> PreviewGenerationAsync(GenerationCriteria criteria, CancellationToken ct);

    /// <summary>确认生成发证记录: creates records for the eligible candidates not generated yet; returns how many were created.</summary>
    Task<int> GenerateAsync(GenerationCriteria criteria, CancellationToken ct);

    /// <summary>签发 / 批量确认签发 by the party whose turn it is (organisation or the site's school).</summary>
    Task<BatchResult> SignAsync(IReadOnlyCollection<int> ids, SignatureInput signature, CancellationToken ct);

    /// <summary>拒绝签发 (reason required).</summary>
    Task<BatchResult> RejectAsync(IReadOnlyCollection<int> ids, string reason, CancellationToken ct);

    /// <summary>重新签发 / 批量重新签发 (confirm only).</summary>
    Task<BatchResult> ResignAsync(IReadOnlyCollection<int> ids, CancellationToken ct);

    /// <summary>发放 / 批量发放纸质证书 / 批量发放电子证书 (organisation): records go to 证书生成中 and the worker is woken.</summary>
    Task<BatchResult> IssueAsync(IReadOnlyCollection<int> ids, IssueMethod method, CancellationToken ct);

    /// <summary>重新发放 / 批量重新发放 (organisation).</summary>
    Task<BatchResult> ReissueAsync(IReadOnlyCollection<int> ids, CancellationToken ct);

    /// <summary>Deletes records never signed (organisation).</summary>
    Task<BatchResult> DeleteAsync(IReadOnlyCollection<int> ids, CancellationToken ct);

    /// <summary>下载电子证书 (one PDF) / 批量下载电子证书 (one zip); null when nothing is downloadable.</summary>
    Task<DownloadFile?> DownloadAsync(IReadOnlyCollection<int> ids, CancellationToken ct);
}

/// <summary>IChangeFeed topics of issuance.</summary>
public static class IssuanceTopics
{
    public const string Records = "issuance";
}
