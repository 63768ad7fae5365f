using CertHub.Core.Catalog;
using CertHub.Core.Common;

namespace CertHub.Core.Issuance;

/// <summary>
/// 发证记录: one candidate's certificate (certificate + level, from one exam plan) on its way through two-party
/// signing (签发) and issuance (发放), DESIGN §3.1. Every status change goes through <see cref="TransitionTo"/>,
/// which checks <see cref="Table"/> and appends an <see cref="IssuanceHistory"/> row.
/// </summary>
public sealed class IssuanceRecord : Entity
{
    public const int CandidateNoMaxLength = 30;
    public const int CandidateNameMaxLength = 50;
    public const int IdNumberMaxLength = 30;
    public const int CandidateTypeMaxLength = 20;
    public const int SchoolNameMaxLength = PilotSchool.NameMaxLength;
    public const int CertificateNameMaxLength = Certificate.NameMaxLength;
    public const int OrganizationNameMaxLength = Organization.NameMaxLength;
    public const int PlanNameMaxLength = 100;
    public const int SiteNameMaxLength = 200;
    public const int CertificateNoMaxLength = CertificateNumberGenerator.MaxLength;
    public const int PathMaxLength = 260;
    public const int ReasonMaxLength = 500;
    public const int ActorNameMaxLength = 100;
    public const int GenerationClaimMaxLength = 100;

    /// <summary>The issuance state machine: the single source of truth for which action moves which status.</summary>
    public static readonly TransitionTable<IssuanceStatus, IssuanceAction> Table = new TransitionTable<IssuanceStatus, IssuanceAction>()
        .Allow(IssuanceStatus.OrgPendingSign, IssuanceAction.Sign, IssuanceStatus.SitePendingSign)
        .Allow(IssuanceStatus.OrgPendingSign, IssuanceAction.Reject, IssuanceStatus.OrgRejected)
        .Allow(IssuanceStatus.OrgRejected, IssuanceAction.Resign, IssuanceStatus.SitePendingSign)
        .Allow(IssuanceStatus.SitePendingSign, IssuanceAction.Sign, IssuanceStatus.PendingIssue)
        .Allow(IssuanceStatus.SitePendingSign, IssuanceAction.Reject, IssuanceStatus.SiteRejected)
        .Allow(IssuanceStatus.SiteRejected, IssuanceAction.Resign, IssuanceStatus.PendingIssue)
        .Allow(IssuanceStatus.PendingIssue, IssuanceAction.Issue, IssuanceStatus.Generating)
        .Allow(IssuanceStatus.Generating, IssuanceAction.GenerationSucceeded, IssuanceStatus.Issued)
        .Allow(IssuanceStatus.Generating, IssuanceAction.GenerationFailed, IssuanceStatus.SealFailed)
        .Allow(IssuanceStatus.SealFailed, IssuanceAction.Reissue, IssuanceStatus.PendingIssue)
        .Allow(IssuanceStatus.Issued, IssuanceAction.Reissue, IssuanceStatus.Generating);

    private readonly List<IssuanceHistory> _history = [];
    private readonly List<IssuanceSignature> _signatures = [];

    private IssuanceRecord()
    {
    }

    public int CandidateId { get; private set; }

    /// <summary>所属院校 of the candidate: sees the record read-only.</summary>
    public int CandidateSchoolId { get; private set; }

    /// <summary>The school owning the exam site (for 借考 the host school): signs as 考核站点.</summary>
    public int SiteSchoolId { get; private set; }

    public int ExamSiteId { get; private set; }

    public int ExamPlanId { get; private set; }

    /// <summary>颁证机构: signs as 培训评价组织 and issues.</summary>
    public int OrganizationId { get; private set; }

    public int CertificateId { get; private set; }

    public CertificateLevel Level { get; private set; }

    public int CertificateResultId { get; private set; }

    /// <summary>考试年度.</summary>
    public int Year { get; private set; }

    public string CandidateNo { get; private set; } = "";

    public string CandidateName { get; private set; } = "";

    /// <summary>身份证号 in full; lists mask it.</summary>
    public string IdNumber { get; private set; } = "";

    /// <summary>学生类型 text.</summary>
    public string CandidateType { get; private set; } = "";

    public string CandidateSchoolName { get; private set; } = "";

    public string CertificateName { get; private set; } = "";

    public string OrganizationName { get; private set; } = "";

    public string PlanName { get; private set; } = "";

    public string SiteName { get; private set; } = "";

    public IssuanceStatus Status { get; private set; }

    /// <summary>发证方式, chosen at 发放.</summary>
    public IssueMethod? IssueMethod { get; private set; }

    /// <summary>证书编号, set by the first successful generation.</summary>
    public string? CertificateNo { get; private set; }

    /// <summary>发证时间.</summary>
    public DateOnly? IssuedOn { get; private set; }

    /// <summary>The current version's certificate PDF (relative storage path).</summary>
    public string? PdfPath { get; private set; }

    /// <summary>Certificate version: 0 until the first successful generation, +1 on each one after.</summary>
    public int Version { get; private set; }

    /// <summary>Why the last generation failed (盖章失败).</summary>
    public string? FailureReason { get; private set; }

    /// <summary>拒绝签发理由 of the current rejection; cleared by 重新签发 (kept in history).</summary>
    public string? RejectReason { get; private set; }

    public DateTimeOffset CreatedUtc { get; private set; }

    /// <summary>
    /// 证书生成 on several instances: the claim token of the worker that holds this record in 证书生成中, set by an atomic
    /// claim (<see cref="CertificateIssuing"/>) together with <see cref="GenerationClaimExpiresUtc"/>; another worker may
    /// take the record over only after that lease has expired (its holder died). Cleared when generation ends.
    /// </summary>
    public string? GenerationClaim { get; private set; }

    /// <summary>End of the lease of <see cref="GenerationClaim"/>.</summary>
    public DateTimeOffset? GenerationClaimExpiresUtc { get; private set; }

    public IReadOnlyList<IssuanceHistory> History => _history;

    public IReadOnlyList<IssuanceSignature> Signatures => _signatures;

    /// <summary>The certificate as printed: 信息化应用职业技能等级证书(中级).</summary>
    public string CertificateNameWithLevel => $"{CertificateName}({Level.ToDisplayName()})";

    public bool CanSignByOrganization => Can(IssuanceParty.Organization, IssuanceAction.Sign);

    public bool CanRejectByOrganization => Can(IssuanceParty.Organization, IssuanceAction.Reject);

    public bool CanResignByOrganization => Can(IssuanceParty.Organization, IssuanceAction.Resign);

    public bool CanSignBySite => Can(IssuanceParty.Site, IssuanceAction.Sign);

    public bool CanRejectBySite => Can(IssuanceParty.Site, IssuanceAction.Reject);

    public bool CanResignBySite => Can(IssuanceParty.Site, IssuanceAction.Resign);

    public bool CanIssue => Can(IssuanceParty.Organization, IssuanceAction.Issue);

    public bool CanCompleteGeneration => Can(IssuanceParty.System, IssuanceAction.GenerationSucceeded);

    public bool CanFailGeneration => Can(IssuanceParty.System, IssuanceAction.GenerationFailed);

    public bool CanReissue => Can(IssuanceParty.Organization, IssuanceAction.Reissue);

    /// <summary>下载电子证书: an electronic certificate PDF exists for the current version.</summary>
    public bool CanDownload => IsDownloadable(Status, PdfPath is not null);

    /// <summary>
    /// 删除: only before any signing started (培训评价组织待签发, never signed); afterwards nobody may delete. No move leads
    /// back to 培训评价组织待签发, so the status alone decides even when signatures are not loaded.
    /// </summary>
    public bool CanDelete => IsDeletable(Status) && _signatures.Count == 0;

    /// <summary>
    /// The CanX flags of a record in <paramref name="status"/> for <paramref name="party"/>, without loading it (list rows):
    /// the same table and rules as the instance properties.
    /// </summary>
    public static bool Allows(IssuanceStatus status, IssuanceParty party, IssuanceAction action) =>
        Table.CanApply(status, action) && PartyMayAct(party, status);

    /// <summary><see cref="CanDownload"/> from the status and whether a PDF exists.</summary>
    public static bool IsDownloadable(IssuanceStatus status, bool hasPdf) => status == IssuanceStatus.Issued && hasPdf;

    /// <summary><see cref="CanDelete"/> from the status alone (no move leads back to 培训评价组织待签发).</summary>
    public static bool IsDeletable(IssuanceStatus status) => status == IssuanceStatus.OrgPendingSign;

    /// <summary>获取待发证记录: creates the record in 培训评价组织待签发. Eligibility (已通过, 信息准确, not generated yet) is checked by the caller.</summary>
    public static IssuanceRecord Generate(IssuanceSource source, string actorName, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(source);
        DomainRuleException.ThrowIf(source.Year is < 2000 or > 2999, "考试年度不正确");
        var record = new IssuanceRecord
        {
            CandidateId = Guard.Positive(source.CandidateId, "考生"),
            CandidateSchoolId = Guard.Positive(source.CandidateSchoolId, "所属院校"),
            SiteSchoolId = Guard.Positive(source.SiteSchoolId, "考核站点院校"),
            ExamSiteId = Guard.Positive(source.ExamSiteId, "考核站点"),
            ExamPlanId = Guard.Positive(source.ExamPlanId, "考试计划"),
            OrganizationId = Guard.Positive(source.OrganizationId, "颁证机构"),
            CertificateId = Guard.Positive(source.CertificateId, "证书"),
            Level = source.Level,
            CertificateResultId = Guard.Positive(source.CertificateResultId, "考证结果"),
            Year = source.Year,
            CandidateNo = Guard.Required(source.CandidateNo, "考生编号", CandidateNoMaxLength),
            CandidateName = Guard.Required(source.CandidateName, "考生姓名", CandidateNameMaxLength),
            IdNumber = Guard.Required(source.IdNumber, "身份证号", IdNumberMaxLength),
            CandidateType = Guard.Required(source.CandidateType, "学生类型", CandidateTypeMaxLength),
            CandidateSchoolName = Guard.Required(source.CandidateSchoolName, "所属院校", SchoolNameMaxLength),
            CertificateName = Guard.Required(source.CertificateName, "证书名称", CertificateNameMaxLength),
            OrganizationName = Guard.Required(source.OrganizationName, "颁证机构", OrganizationNameMaxLength),
            PlanName = Guard.Required(source.PlanName, "考试计划", PlanNameMaxLength),
            SiteName = Guard.Required(source.SiteName, "考核站点", SiteNameMaxLength),
            Status = IssuanceStatus.OrgPendingSign,
            CreatedUtc = nowUtc,
        };
        record._history.Add(new IssuanceHistory(null, IssuanceStatus.OrgPendingSign, IssuanceAction.Generate, IssuanceParty.Organization,
            Actor(actorName), nowUtc, null, null));
        return record;
    }

    /// <summary>The party whose turn it is to sign in <paramref name="status"/>; null outside the signing steps.</summary>
    public static IssuanceParty? SigningPartyOf(IssuanceStatus status) => status switch
    {
        IssuanceStatus.OrgPendingSign or IssuanceStatus.OrgRejected => IssuanceParty.Organization,
        IssuanceStatus.SitePendingSign or IssuanceStatus.SiteRejected => IssuanceParty.Site,
        _ => null,
    };

    /// <summary>签发 by the organisation (培训评价组织待签发 → 考核站点待签发); needs the handwritten signature; irrevocable.</summary>
    public void SignByOrganization(string signerName, string signatureImagePath, DateTimeOffset nowUtc) =>
        Sign(IssuanceParty.Organization, signerName, signatureImagePath, nowUtc);

    /// <summary>拒绝签发 by the organisation (培训评价组织待签发 → 培训评价组织拒绝签发); a reason is required.</summary>
    public void RejectByOrganization(string actorName, string reason, DateTimeOffset nowUtc) =>
        Reject(IssuanceParty.Organization, actorName, reason, nowUtc);

    /// <summary>重新签发 by the organisation (培训评价组织拒绝签发 → 考核站点待签发): confirm only.</summary>
    public void ResignByOrganization(string actorName, DateTimeOffset nowUtc) =>
        Resign(IssuanceParty.Organization, actorName, nowUtc);

    /// <summary>签发 by the exam-site school (考核站点待签发 → 证书待发放); needs the handwritten signature.</summary>
    public void SignBySite(string signerName, string signatureImagePath, DateTimeOffset nowUtc) =>
        Sign(IssuanceParty.Site, signerName, signatureImagePath, nowUtc);

    /// <summary>拒绝签发 by the exam-site school (考核站点待签发 → 考核站点拒绝签发); a reason is required.</summary>
    public void RejectBySite(string actorName, string reason, DateTimeOffset nowUtc) =>
        Reject(IssuanceParty.Site, actorName, reason, nowUtc);

    /// <summary>重新签发 by the exam-site school (考核站点拒绝签发 → 证书待发放): confirm only.</summary>
    public void ResignBySite(string actorName, DateTimeOffset nowUtc) =>
        Resign(IssuanceParty.Site, actorName, nowUtc);

    /// <summary>发放 (证书待发放 → 证书生成中): the organisation chooses paper or electronic; a generation job follows.</summary>
    public void Issue(IssueMethod method, string actorName, DateTimeOffset nowUtc)
    {
        TransitionTo(IssuanceParty.Organization, IssuanceAction.Issue, actorName, nowUtc, null);
        IssueMethod = method;
        FailureReason = null;
    }

    /// <summary>
    /// 生成成功 (证书生成中 → 完成发放): the job sealed the certificate. Sets 证书编号, 发证时间 and the PDF (required for
    /// electronic certificates) and increments <see cref="Version"/>; the history row keeps this version's number and PDF.
    /// </summary>
    public void CompleteGeneration(string certificateNo, DateOnly issuedOn, string? pdfPath, DateTimeOffset nowUtc)
    {
        Table.Apply(Status, IssuanceAction.GenerationSucceeded);
        var number = Guard.Required(certificateNo, "证书编号", CertificateNoMaxLength);
        var pdf = Guard.Optional(pdfPath, "证书文件", PathMaxLength);
        DomainRuleException.ThrowIf(IssueMethod == Issuance.IssueMethod.Electronic && pdf is null, "电子证书缺少证书文件");
        var row = TransitionTo(IssuanceParty.System, IssuanceAction.GenerationSucceeded, null, nowUtc, null);
        Version++;
        CertificateNo = number;
        IssuedOn = issuedOn;
        PdfPath = pdf;
        FailureReason = null;
        row.RecordVersion(Version, number, pdf);
        ReleaseGenerationClaim();
    }

    /// <summary>生成失败 (证书生成中 → 盖章失败), e.g. no seal or signature stamp uploaded; the reason is kept.</summary>
    public void FailGeneration(string reason, DateTimeOffset nowUtc)
    {
        Table.Apply(Status, IssuanceAction.GenerationFailed);
        var why = Guard.Required(reason, "失败原因", ReasonMaxLength);
        TransitionTo(IssuanceParty.System, IssuanceAction.GenerationFailed, null, nowUtc, why);
        FailureReason = why;
        ReleaseGenerationClaim();
    }

    private void ReleaseGenerationClaim()
    {
        GenerationClaim = null;
        GenerationClaimExpiresUtc = null;
    }

    /// <summary>
    /// 重新发放: 盖章失败 → 证书待发放 (choose the method again), or 完成发放 → 证书生成中 (same method; a new version is
    /// generated and the old one stays in history).
    /// </summary>
    public void Reissue(string actorName, DateTimeOffset nowUtc)
    {
        TransitionTo(IssuanceParty.Organization, IssuanceAction.Reissue, actorName, nowUtc, null);
        FailureReason = null;
    }

    /// <summary>Throws unless the record may be deleted (see <see cref="CanDelete"/>).</summary>
    public void EnsureCanDelete() =>
        DomainRuleException.ThrowIf(!CanDelete, "发证记录已开始签发，不能删除");

    private void Sign(IssuanceParty party, string signerName, string signatureImagePath, DateTimeOffset nowUtc)
    {
        EnsurePartyAndAction(party, IssuanceAction.Sign);
        var signer = Guard.Required(signerName, "签发人", ActorNameMaxLength);
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(signatureImagePath), "请先完成签名再确认签发");
        var image = Guard.Required(signatureImagePath, "签名", PathMaxLength);
        var row = TransitionTo(party, IssuanceAction.Sign, signer, nowUtc, null);
        row.AttachSignature(image);
        _signatures.Add(new IssuanceSignature(party, signer, image, nowUtc));
    }

    private void Reject(IssuanceParty party, string actorName, string reason, DateTimeOffset nowUtc)
    {
        EnsurePartyAndAction(party, IssuanceAction.Reject);
        DomainRuleException.ThrowIf(string.IsNullOrWhiteSpace(reason), "请填写拒绝签发理由");
        var why = Guard.Required(reason, "拒绝签发理由", ReasonMaxLength);
        TransitionTo(party, IssuanceAction.Reject, actorName, nowUtc, why);
        RejectReason = why;
    }

    private void Resign(IssuanceParty party, string actorName, DateTimeOffset nowUtc)
    {
        TransitionTo(party, IssuanceAction.Resign, actorName, nowUtc, null);
        RejectReason = null;
    }

    private bool Can(IssuanceParty party, IssuanceAction action) => Allows(Status, party, action);

    private static bool PartyMayAct(IssuanceParty party, IssuanceStatus status) =>
        SigningPartyOf(status) is { } signing
            ? signing == party
            : party == (status == IssuanceStatus.Generating ? IssuanceParty.System : IssuanceParty.Organization);

    private void EnsurePartyAndAction(IssuanceParty party, IssuanceAction action)
    {
        Table.Apply(Status, action);
        DomainRuleException.ThrowIf(!PartyMayAct(party, Status),
            $"当前状态为“{Status.ToDisplayName()}”，{party.ToDisplayName()}不能执行“{action.ToDisplayName()}”操作");
    }

    private IssuanceHistory TransitionTo(IssuanceParty party, IssuanceAction action, string? actorName, DateTimeOffset nowUtc, string? reason)
    {
        EnsurePartyAndAction(party, action);
        var from = Status;
        var to = Table.Apply(from, action);
        var row = new IssuanceHistory(from, to, action, party, Actor(actorName), nowUtc, reason, null);
        _history.Add(row);
        Status = to;
        return row;
    }

    private static string Actor(string? actorName) =>
        string.IsNullOrWhiteSpace(actorName) ? "系统" : Guard.Required(actorName, "操作人", ActorNameMaxLength);
}
