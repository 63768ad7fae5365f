using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Issuance;

public sealed class IssuanceDashboardTests : IDisposable
{
    /// <summary>2021-09-23 18:05 in China.</summary>
    private static readonly DateTimeOffset Now = new(2021, 9, 23, 10, 5, 30, TimeSpan.Zero);

    private readonly SqliteTestDb _db = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly IssuanceCatalogSeed _seed;
    private readonly ExamChainSeed _chain;
    private readonly int _candidate;
    private readonly int _otherCandidate;

    public IssuanceDashboardTests()
    {
        _seed = IssuanceCatalogSeed.SaveIn(_db);
        _chain = ExamChainSeed.SaveIn(_db, _seed, siteSchoolId: _seed.OtherSchoolId);
        _candidate = ExamChainSeed.SaveCandidate(_db, _seed.SchoolId, ADomain.ValidIdNumber);
        _otherCandidate = ExamChainSeed.SaveCandidate(_db, _seed.SchoolId, ADomain.OtherValidIdNumber);
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task GetAsync_Should_CountPerStatusByPlanCertificateAndSchool_When_RecordsExist()
    {
        SeedRecords();

        var snapshot = await Dashboard(new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: _seed.OrganizationId)).GetAsync(CancellationToken.None);

        Assert.Equal(4, snapshot.Total);
        Assert.Equal(1, snapshot.Totals[IssuanceStatus.Issued]);
        Assert.Equal(2, snapshot.Totals[IssuanceStatus.OrgPendingSign]);
        Assert.Equal(1, snapshot.Totals[IssuanceStatus.SealFailed]);
        var plan = Assert.Single(snapshot.ByPlan);
        Assert.Equal("2021九月中级信息化考试", plan.Name);
        Assert.Equal(4, plan.Total);
        Assert.Equal(["信息化应用职业技能等级证书(中级)", "信息化应用职业技能等级证书(高级)"], snapshot.ByCertificate.Select(g => g.Name));
        Assert.Equal(2, snapshot.ByCertificate[0].Count(IssuanceStatus.OrgPendingSign) + snapshot.ByCertificate[1].Count(IssuanceStatus.OrgPendingSign));
        var school = Assert.Single(snapshot.BySchool);
        Assert.Equal("北京科技大学", school.Name);
        Assert.Equal(4, school.Total);
    }

    [Fact]
    public async Task GetAsync_Should_CountIssuedTodayAndThroughput_When_WorkerCompletedRecently()
    {
        SeedRecords();

        var snapshot = await Dashboard(FixedCurrentUser.System).GetAsync(CancellationToken.None);

        Assert.Equal(1, snapshot.IssuedToday);
        Assert.Equal(10, snapshot.Throughput.Count);
        Assert.Equal(new DateTimeOffset(2021, 9, 23, 10, 5, 0, TimeSpan.Zero), snapshot.Throughput[^1].MinuteUtc);
        Assert.Equal(1, snapshot.Throughput.Sum(p => p.Completed));
        Assert.Equal(1, snapshot.Throughput.Single(p => p.MinuteUtc == new DateTimeOffset(2021, 9, 23, 10, 3, 0, TimeSpan.Zero)).Completed);
        Assert.Equal(0.1, snapshot.PerMinute, 3);
    }

    [Fact]
    public async Task GetAsync_Should_SeeNothing_When_UserBelongsToAnotherOrganization()
    {
        SeedRecords();

        var snapshot = await Dashboard(new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: _seed.OrganizationId + 100)).GetAsync(CancellationToken.None);

        Assert.Equal(0, snapshot.Total);
        Assert.Empty(snapshot.ByPlan);
        Assert.Equal(0, snapshot.IssuedToday);
        Assert.Equal(0, snapshot.Throughput.Sum(p => p.Completed));
    }

    private IssuanceDashboard Dashboard(ICurrentUser user) => new(_db.FactoryFor(user), _time);

    /// <summary>
    /// One record completed 2.5 minutes ago (issued today in China), one 盖章失败 (its history from 2021-09-20 is outside
    /// the throughput window), two 培训评价组织待签发.
    /// </summary>
    private void SeedRecords()
    {
        var issued = Record(_candidate, CertificateLevel.Intermediate).In(IssuanceStatus.Generating).Build();
        issued.CompleteGeneration("1XXXH2021200000001", DateOnly.FromDateTime(Now.ToChina().DateTime), "certificates/1.pdf", Now.AddMinutes(-2.5));
        var failed = Record(_otherCandidate, CertificateLevel.Intermediate).In(IssuanceStatus.SealFailed).Build();
        Save(issued, failed,
            Record(_candidate, CertificateLevel.Senior).Build(),
            Record(_otherCandidate, CertificateLevel.Senior).Build());
    }

    private AnIssuanceRecord Record(int candidateId, CertificateLevel level) =>
        AnIssuanceRecord.New()
            .ForCandidate(candidateId)
            .WithSchools(_seed.SchoolId, _seed.OtherSchoolId)
            .WithCertificate(_seed.OrganizationId, _seed.CertificateId, level)
            .InPlan(_chain.ExamPlanId)
            .AtSite(_chain.ExamSiteId)
            .FromResult(_chain.SavePassedResult(_db, candidateId, level));

    private void Save(params IssuanceRecord[] records)
    {
        using var db = _db.OpenAsSystem();
        db.AddRange(records);
        db.SaveChanges();
    }
}
