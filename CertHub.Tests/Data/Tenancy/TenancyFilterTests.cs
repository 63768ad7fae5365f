using CertHub.Core.Audit;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Core.Reports;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Data.Tenancy;

/// <summary>
/// DESIGN §1: a school, organisation or province account reads only its own rows, whatever id it asks for.
/// School A (北京科技大学) and school B (北方工业大学) share province 北京; school C (武汉体育学院) is in 湖北.
/// </summary>
public sealed class TenancyFilterTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2021, 9, 20, 2, 0, 0, TimeSpan.Zero);
    private readonly SqliteTestDb _db = new();
    private readonly IssuanceCatalogSeed _seed;
    private readonly int _hubeiProvinceId;
    private readonly int _schoolCId;
    private readonly int _otherOrgId;
    private readonly int _candidateAId;
    private readonly int _recordId;

    public TenancyFilterTests()
    {
        _seed = IssuanceCatalogSeed.SaveIn(_db);
        var chain = ExamChainSeed.SaveIn(_db, _seed, siteSchoolId: _seed.SchoolId);
        using var db = _db.OpenAsSystem();
        var hubei = Province.Create("42", "湖北省", "湖北省教育厅");
        var otherOrg = Organization.Create("达内教育", "91110108769934527X");
        db.AddRange(hubei, otherOrg);
        db.SaveChanges();
        var schoolC = PilotSchool.Create("武汉体育学院", "4142010522", hubei.Id, SchoolType.Undergraduate);
        db.Add(schoolC);
        db.SaveChanges();

        var candidate = Candidate.Create(_seed.SchoolId, CandidateType.SchoolCandidate, "11010520211631773601000001",
            new CandidateDetails("王大三", "wang da san", IdType.ResidentIdCard, "11010519491231002X"), Now);
        db.Add(candidate);
        db.SaveChanges();
        var record = AnIssuanceRecord.New()
            .ForCandidate(candidate.Id)
            .WithSchools(_seed.SchoolId, _seed.SchoolId)
            .WithCertificate(_seed.OrganizationId, _seed.CertificateId)
            .InPlan(chain.ExamPlanId)
            .AtSite(chain.ExamSiteId)
            .FromResult(chain.SavePassedResult(_db, candidate.Id, CertificateLevel.Intermediate))
            .Build();
        var report = AWeeklyReport.New().For(_seed.SchoolId, _seed.ProvinceId).Build();
        db.AddRange(record, report);
        db.SaveChanges();

        _hubeiProvinceId = hubei.Id;
        _schoolCId = schoolC.Id;
        _otherOrgId = otherOrg.Id;
        _candidateAId = candidate.Id;
        _recordId = record.Id;
    }

    private FixedCurrentUser SchoolA => new(UserRole.SchoolAdmin, SchoolId: _seed.SchoolId, ProvinceId: _seed.ProvinceId, UserName: "ustb");

    private FixedCurrentUser SchoolB => new(UserRole.SchoolAdmin, SchoolId: _seed.OtherSchoolId, ProvinceId: _seed.ProvinceId, UserName: "ncut");

    private FixedCurrentUser SchoolC => new(UserRole.SchoolAdmin, SchoolId: _schoolCId, ProvinceId: _hubeiProvinceId, UserName: "wipe");

    private FixedCurrentUser Beijing => new(UserRole.ProvinceAdmin, ProvinceId: _seed.ProvinceId, UserName: "bj-edu");

    private FixedCurrentUser Hubei => new(UserRole.ProvinceAdmin, ProvinceId: _hubeiProvinceId, UserName: "hb-edu");

    private FixedCurrentUser Org => new(UserRole.OrgAdmin, OrganizationId: _seed.OrganizationId, UserName: "wl");

    private FixedCurrentUser OtherOrg => new(UserRole.OrgAdmin, OrganizationId: _otherOrgId, UserName: "tedu");

    [Fact]
    public async Task Schools_Should_BeOwnOnly_When_ReadBySchoolAccount()
    {
        await using var db = _db.Open(SchoolB);
        var visible = await db.Set<PilotSchool>().Select(s => s.Id).ToListAsync();
        Assert.Equal([_seed.OtherSchoolId], visible);
        Assert.Null(await db.Set<PilotSchool>().FirstOrDefaultAsync(s => s.Id == _seed.SchoolId));
    }

    [Fact]
    public async Task Schools_Should_BeProvinceOnly_When_ReadByProvinceAccount()
    {
        await using var beijing = _db.Open(Beijing);
        Assert.Equal(2, await beijing.Set<PilotSchool>().CountAsync());
        await using var hubei = _db.Open(Hubei);
        Assert.Equal([_schoolCId], await hubei.Set<PilotSchool>().Select(s => s.Id).ToListAsync());
    }

    [Fact]
    public async Task Candidate_Should_BeInvisibleAndUnchangeable_When_AnotherSchoolAsksByItsId()
    {
        await using (var other = _db.Open(SchoolB))
        {
            Assert.Null(await other.Set<Candidate>().FirstOrDefaultAsync(c => c.Id == _candidateAId));
            Assert.Equal(0, await other.Set<Candidate>().CountAsync());
        }

        await using var own = _db.Open(SchoolA);
        Assert.NotNull(await own.Set<Candidate>().FirstOrDefaultAsync(c => c.Id == _candidateAId));
    }

    [Fact]
    public async Task Candidate_Should_FollowProvince_When_ReadByProvinceAccounts()
    {
        await using var beijing = _db.Open(Beijing);
        Assert.Equal(1, await beijing.Set<Candidate>().CountAsync());
        await using var hubei = _db.Open(Hubei);
        Assert.Equal(0, await hubei.Set<Candidate>().CountAsync());
    }

    [Fact]
    public async Task IssuanceRecord_Should_BeVisibleToItsSchoolAndOrganization_Only()
    {
        Assert.True(await SeesRecord(SchoolA));
        Assert.True(await SeesRecord(Org));
        Assert.True(await SeesRecord(Beijing));
        Assert.False(await SeesRecord(SchoolB));
        Assert.False(await SeesRecord(SchoolC));
        Assert.False(await SeesRecord(OtherOrg));
        Assert.False(await SeesRecord(Hubei));
        Assert.False(await SeesRecord(new FixedCurrentUser(Role: null)));
    }

    [Fact]
    public async Task WeeklyReport_Should_BeVisibleToSchoolAndItsProvince_Only()
    {
        Assert.Equal(1, await CountReports(SchoolA));
        Assert.Equal(1, await CountReports(Beijing));
        Assert.Equal(0, await CountReports(SchoolB));
        Assert.Equal(0, await CountReports(Hubei));
        Assert.Equal(0, await CountReports(Org));
    }

    [Fact]
    public async Task AuditEntries_Should_BeTenantScoped_When_ReadBySchools()
    {
        await using var own = _db.Open(SchoolA);
        Assert.True(await own.Set<AuditEntry>().AnyAsync(a => a.EntityType == nameof(Candidate)));
        await using var other = _db.Open(SchoolB);
        Assert.False(await other.Set<AuditEntry>().AnyAsync(a => a.EntityType == nameof(Candidate)));
    }

    [Fact]
    public async Task PlatformAdmin_Should_SeeEveryTenant()
    {
        await using var db = _db.Open(new FixedCurrentUser(UserRole.PlatformAdmin, UserName: "admin"));
        Assert.Equal(3, await db.Set<PilotSchool>().CountAsync());
        Assert.Equal(1, await db.Set<IssuanceRecord>().CountAsync());
    }

    private async Task<bool> SeesRecord(ICurrentUser user)
    {
        await using var db = _db.Open(user);
        return await db.Set<IssuanceRecord>().AnyAsync(r => r.Id == _recordId);
    }

    private async Task<int> CountReports(ICurrentUser user)
    {
        await using var db = _db.Open(user);
        return await db.Set<WeeklyReport>().CountAsync();
    }

    public void Dispose() => _db.Dispose();
}
