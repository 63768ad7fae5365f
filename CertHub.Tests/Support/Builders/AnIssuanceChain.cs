using System.Globalization;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.ExamSites;
using CertHub.Core.Issuance;
using CertHub.Core.Scores;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Support.Builders;

/// <summary>
/// The exam chain issuance is generated from, saved through the entities' own verbs: the <see cref="IssuanceCatalogSeed"/>
/// (school 北京科技大学 = <see cref="SchoolId"/>, host school 北方工业大学 = <see cref="HostSchoolId"/>, the organisation and
/// its certificate), the <see cref="ExamChainSeed"/> plan with an own exam site at the candidates' school, a borrowed (借考)
/// site at the host school, a third unrelated school and a second organisation with its own certificate. Candidates of the
/// school and their 已通过 results are added per test; the accounts acting on them are properties.
/// </summary>
public sealed class AnIssuanceChain
{
    private int _candidates;

    private AnIssuanceChain(SqliteTestDb db, IssuanceCatalogSeed catalog, ExamChainSeed chain, int borrowedSiteId, int thirdSchoolId, int otherOrganizationId)
    {
        Db = db;
        Catalog = catalog;
        Chain = chain;
        BorrowedSiteId = borrowedSiteId;
        ThirdSchoolId = thirdSchoolId;
        OtherOrganizationId = otherOrganizationId;
    }

    public SqliteTestDb Db { get; }

    public IssuanceCatalogSeed Catalog { get; }

    public ExamChainSeed Chain { get; }

    /// <summary>The candidates' school; it owns <see cref="OwnSiteId"/>.</summary>
    public int SchoolId => Catalog.SchoolId;

    /// <summary>The school hosting <see cref="BorrowedSiteId"/>.</summary>
    public int HostSchoolId => Catalog.OtherSchoolId;

    public int OwnSiteId => Chain.ExamSiteId;

    public int BorrowedSiteId { get; }

    public int ThirdSchoolId { get; }

    public int OtherOrganizationId { get; }

    public FixedCurrentUser Organization => new(UserRole.OrgAdmin, OrganizationId: Catalog.OrganizationId, UserName: "wl", DisplayName: "中物联");

    public FixedCurrentUser OtherOrganization => new(UserRole.OrgAdmin, OrganizationId: OtherOrganizationId, UserName: "other", DisplayName: "其他组织");

    public FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: SchoolId, UserName: "ustb", DisplayName: "北科大");

    public FixedCurrentUser HostSchool => new(UserRole.SchoolAdmin, SchoolId: HostSchoolId, UserName: "ncut", DisplayName: "北方工大");

    public FixedCurrentUser ThirdSchool => new(UserRole.SchoolAdmin, SchoolId: ThirdSchoolId, UserName: "third", DisplayName: "第三院校");

    public FixedCurrentUser Province => new(UserRole.ProvinceAdmin, ProvinceId: Catalog.ProvinceId, UserName: "bj", DisplayName: "北京市教委");

    public static AnIssuanceChain SaveIn(SqliteTestDb db)
    {
        var catalog = IssuanceCatalogSeed.SaveIn(db);
        var chain = ExamChainSeed.SaveIn(db, catalog, siteSchoolId: catalog.SchoolId);
        using var context = db.OpenAsSystem();
        var third = PilotSchool.Create("首都师范大学", "4111010028", catalog.ProvinceId, SchoolType.Undergraduate);
        var otherOrganization = global::CertHub.Core.Catalog.Organization.Create("工信部教育与考试中心", "91110000100000001X");
        context.AddRange(third, otherOrganization);
        context.SaveChanges();
        context.Add(Certificate.Create("Web前端开发职业技能等级证书", "1+X-WEB", otherOrganization.Id, [CertificateLevel.Junior], AnIssuanceRecord.T0));

        var host = context.Set<PilotSchool>().Single(s => s.Id == catalog.OtherSchoolId);
        var certificate = context.Set<Certificate>().Include(c => c.Levels).Single(c => c.Id == catalog.CertificateId);
        var borrowed = ExamSite.Create(host, certificate, [CertificateLevel.Junior, CertificateLevel.Intermediate, CertificateLevel.Senior],
            "北京市石景山区晋元庄路5号", 40, "赵老师", "010-88801234", ADomain.T0);
        borrowed.Submit(ADomain.Actor, ADomain.Day(1));
        borrowed.Approve("组织审核员", ADomain.Day(2));
        context.Add(borrowed);
        context.SaveChanges();
        return new AnIssuanceChain(db, catalog, chain, borrowed.Id, third.Id, otherOrganization.Id);
    }

    /// <summary>Saves a candidate of the school in <paramref name="status"/> (信息准确 has a photo) and returns its id.</summary>
    public int AddCandidate(CandidateInfoStatus status = CandidateInfoStatus.Accurate) => AddCandidates(1, status)[0];

    /// <summary>Saves <paramref name="count"/> candidates of the school at once (distinct valid ID numbers).</summary>
    public IReadOnlyList<int> AddCandidates(int count, CandidateInfoStatus status = CandidateInfoStatus.Accurate)
    {
        using var context = Db.OpenAsSystem();
        var candidates = new List<Candidate>(count);
        for (var i = 0; i < count; i++)
        {
            var n = ++_candidates;
            var first17 = "110101" + new DateOnly(1990, 1, 1).AddDays(n / 1000).ToString("yyyyMMdd", CultureInfo.InvariantCulture)
                + (n % 1000).ToString("D3", CultureInfo.InvariantCulture);
            var idNumber = first17 + IdNumber.CheckCharacter(first17);
            var no = CandidateNoGenerator.Generate("110101", 2021, ADomain.T0, n);
            candidates.Add(ADomain.Candidate(status, idNumber, SchoolId, no));
        }

        context.AddRange(candidates);
        context.SaveChanges();
        return candidates.Select(c => c.Id).ToList();
    }

    /// <summary>Saves 已通过 results of the plan's certificate at <paramref name="level"/> for the candidates, sat at the site.</summary>
    public void Pass(IEnumerable<int> candidateIds, CertificateLevel level = CertificateLevel.Intermediate, int? siteId = null)
    {
        using var context = Db.OpenAsSystem();
        foreach (var id in candidateIds)
        {
            var result = CertificateResult.Create(id, Chain.ExamPlanId, Catalog.CertificateId, level, SchoolId, siteId ?? OwnSiteId, ADomain.Day(20));
            result.Apply(CertificateResultStatus.Passed, ADomain.Day(25));
            context.Add(result);
        }

        context.SaveChanges();
    }

    public void Pass(int candidateId, CertificateLevel level = CertificateLevel.Intermediate, int? siteId = null) => Pass([candidateId], level, siteId);

    public GenerationCriteria Criteria(CertificateLevel level = CertificateLevel.Intermediate, int? schoolId = null) =>
        new(2021, Chain.ExamPlanId, Catalog.CertificateId, level, schoolId);

    /// <summary>The ids of the saved records, oldest first.</summary>
    public IReadOnlyList<int> RecordIds()
    {
        using var context = Db.OpenAsSystem();
        return context.Set<IssuanceRecord>().OrderBy(r => r.Id).Select(r => r.Id).ToList();
    }

    public IssuanceRecord Record(int id)
    {
        using var context = Db.OpenAsSystem();
        return context.Set<IssuanceRecord>().AsNoTracking().Include(r => r.History).Include(r => r.Signatures).Single(r => r.Id == id);
    }
}
