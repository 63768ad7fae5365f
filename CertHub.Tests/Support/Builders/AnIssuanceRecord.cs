using CertHub.Core.Catalog;
using CertHub.Core.Issuance;

namespace CertHub.Tests.Support.Builders;

/// <summary>Builds <see cref="IssuanceRecord"/>s, driven through the real verbs to the wanted status.</summary>
public sealed class AnIssuanceRecord
{
    public static readonly DateTimeOffset T0 = new(2021, 9, 20, 2, 0, 0, TimeSpan.Zero);

    private int _candidateId = 1;
    private int _candidateSchoolId = 1;
    private int _siteSchoolId = 1;
    private int _organizationId = 1;
    private int _certificateId = 1;
    private int _examPlanId = 1;
    private int _examSiteId = 3;
    private int _certificateResultId = 4;
    private CertificateLevel _level = CertificateLevel.Intermediate;
    private IssuanceStatus _status = IssuanceStatus.OrgPendingSign;
    private IssueMethod _method = IssueMethod.Electronic;

    public static AnIssuanceRecord New() => new();

    public AnIssuanceRecord ForCandidate(int candidateId)
    {
        _candidateId = candidateId;
        return this;
    }

    public AnIssuanceRecord WithSchools(int candidateSchoolId, int siteSchoolId)
    {
        _candidateSchoolId = candidateSchoolId;
        _siteSchoolId = siteSchoolId;
        return this;
    }

    public AnIssuanceRecord WithCertificate(int organizationId, int certificateId, CertificateLevel level = CertificateLevel.Intermediate)
    {
        _organizationId = organizationId;
        _certificateId = certificateId;
        _level = level;
        return this;
    }

    public AnIssuanceRecord InPlan(int examPlanId)
    {
        _examPlanId = examPlanId;
        return this;
    }

    public AnIssuanceRecord AtSite(int examSiteId)
    {
        _examSiteId = examSiteId;
        return this;
    }

    /// <summary>The 已通过 certificate result the record is generated from.</summary>
    public AnIssuanceRecord FromResult(int certificateResultId)
    {
        _certificateResultId = certificateResultId;
        return this;
    }

    public AnIssuanceRecord IssuedAs(IssueMethod method)
    {
        _method = method;
        return this;
    }

    public AnIssuanceRecord In(IssuanceStatus status)
    {
        _status = status;
        return this;
    }

    public IssuanceSource Source() => new(
        _candidateId, _candidateSchoolId, _siteSchoolId, _examSiteId, _examPlanId, _organizationId, _certificateId, _level,
        _certificateResultId, Year: 2021, CandidateNo: "37068220211631773601551242", CandidateName: "王大三", IdNumber: "370682200101016549",
        CandidateType: "院校考生", CandidateSchoolName: "北京科技大学", CertificateName: "信息化应用职业技能等级证书",
        OrganizationName: "中物联物流", PlanName: "2021九月中级信息化考试", SiteName: "北京科技大学信息化应用职业技能等级证书(中级)考核站点");

    public IssuanceRecord Build()
    {
        var record = IssuanceRecord.Generate(Source(), "中物联(wl)", T0);
        var now = T0;
        DriveTo(record, _status, _method, ref now);
        return record;
    }

    /// <summary>Moves a fresh record to <paramref name="status"/> by the shortest legal path.</summary>
    private static void DriveTo(IssuanceRecord record, IssuanceStatus status, IssueMethod method, ref DateTimeOffset now)
    {
        switch (status)
        {
            case IssuanceStatus.OrgPendingSign:
                return;
            case IssuanceStatus.OrgRejected:
                record.RejectByOrganization("中物联(wl)", "成绩有误", Tick(ref now));
                return;
        }

        record.SignByOrganization("张组织", "signatures/org.png", Tick(ref now));
        if (status == IssuanceStatus.SitePendingSign)
        {
            return;
        }

        if (status == IssuanceStatus.SiteRejected)
        {
            record.RejectBySite("北科大(ustb)", "考生信息有误", Tick(ref now));
            return;
        }

        record.SignBySite("李院校", "signatures/site.png", Tick(ref now));
        if (status == IssuanceStatus.PendingIssue)
        {
            return;
        }

        record.Issue(method, "中物联(wl)", Tick(ref now));
        switch (status)
        {
            case IssuanceStatus.Generating:
                return;
            case IssuanceStatus.SealFailed:
                record.FailGeneration("未上传签名章", Tick(ref now));
                return;
            case IssuanceStatus.Issued:
                record.CompleteGeneration($"1XXXH202120000{record.CandidateId:D4}", new DateOnly(2021, 9, 23), "certificates/1.pdf", Tick(ref now));
                return;
        }
    }

    private static DateTimeOffset Tick(ref DateTimeOffset now)
    {
        now = now.AddMinutes(1);
        return now;
    }
}
