using CertHub.Core.Catalog;
using CertHub.Core.Issuance;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Data.Issuance;

public sealed class IssuanceModelTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly IssuanceCatalogSeed _seed;
    private readonly ExamChainSeed _chain;
    private readonly int _candidate;
    private readonly int _otherCandidate;
    private readonly Dictionary<(int CandidateId, CertificateLevel Level), int> _passedResults = [];

    /// <summary>Two candidates of the school, sitting the plan at the other school's site, each with passed results to issue.</summary>
    public IssuanceModelTests()
    {
        _seed = IssuanceCatalogSeed.SaveIn(_db);
        _chain = ExamChainSeed.SaveIn(_db, _seed, siteSchoolId: _seed.OtherSchoolId);
        _candidate = ExamChainSeed.SaveCandidate(_db, _seed.SchoolId, ADomain.ValidIdNumber);
        _otherCandidate = ExamChainSeed.SaveCandidate(_db, _seed.SchoolId, ADomain.OtherValidIdNumber);
        foreach (var (candidateId, level) in new[] { (_candidate, CertificateLevel.Intermediate), (_candidate, CertificateLevel.Senior), (_otherCandidate, CertificateLevel.Intermediate) })
        {
            _passedResults[(candidateId, level)] = _chain.SavePassedResult(_db, candidateId, level);
        }
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public void IssuanceRecord_Should_RoundTripWithHistoryAndSignatures_When_Saved()
    {
        var record = Record(_candidate).In(IssuanceStatus.Issued).Build();
        Save(record);

        using var db = _db.OpenAsSystem();
        var loaded = db.Set<IssuanceRecord>().Include(r => r.History).Include(r => r.Signatures).Single();

        Assert.Equal(IssuanceStatus.Issued, loaded.Status);
        Assert.Equal(IssueMethod.Electronic, loaded.IssueMethod);
        Assert.Equal(1, loaded.Version);
        Assert.Equal(record.CertificateNo, loaded.CertificateNo);
        Assert.Equal(new DateOnly(2021, 9, 23), loaded.IssuedOn);
        Assert.Equal(CertificateLevel.Intermediate, loaded.Level);
        Assert.Equal("王大三", loaded.CandidateName);
        Assert.Equal(record.CreatedUtc, loaded.CreatedUtc);
        Assert.Equal(record.History.Select(h => (h.FromStatus, h.ToStatus, h.Action, h.Party)), loaded.History.OrderBy(h => h.Id).Select(h => (h.FromStatus, h.ToStatus, h.Action, h.Party)));
        Assert.Equal([IssuanceParty.Organization, IssuanceParty.Site], loaded.Signatures.OrderBy(s => s.Id).Select(s => s.Party));
        Assert.Equal("signatures/org.png", loaded.History.Single(h => h.Action == IssuanceAction.Sign && h.Party == IssuanceParty.Organization).SignatureImagePath);
        Assert.False(loaded.CanDelete);
    }

    [Fact]
    public void IssuanceRecord_Should_PersistTransitions_When_ChangedAfterReload()
    {
        Save(Record(_candidate).In(IssuanceStatus.SitePendingSign).Build());

        using (var db = _db.OpenAsSystem())
        {
            var record = db.Set<IssuanceRecord>().Include(r => r.History).Include(r => r.Signatures).Single();
            record.SignBySite("李院校", "signatures/site.png", AnIssuanceRecord.T0.AddDays(1));
            db.SaveChanges();
        }

        using var check = _db.OpenAsSystem();
        var loaded = check.Set<IssuanceRecord>().Include(r => r.History).Include(r => r.Signatures).Single();
        Assert.Equal(IssuanceStatus.PendingIssue, loaded.Status);
        Assert.Equal(3, loaded.History.Count);
        Assert.Equal(2, loaded.Signatures.Count);
    }

    [Fact]
    public void IssuanceRecord_Should_RejectDuplicate_When_SameCandidatePlanCertificateLevel()
    {
        Save(Record(_candidate).Build());

        AUniqueIndex.Violated(() => Save(Record(_candidate).Build()));
        Save(Record(_candidate, CertificateLevel.Senior).Build());
    }

    [Fact]
    public void IssuanceRecord_Should_RejectDuplicateCertificateNo_When_BothIssued()
    {
        var first = Record(_candidate).In(IssuanceStatus.Generating).Build();
        var second = Record(_otherCandidate).In(IssuanceStatus.Generating).Build();
        first.CompleteGeneration("1XXXH2021200000001", new DateOnly(2021, 9, 23), "a.pdf", AnIssuanceRecord.T0.AddDays(1));
        second.CompleteGeneration("1XXXH2021200000001", new DateOnly(2021, 9, 23), "b.pdf", AnIssuanceRecord.T0.AddDays(1));
        Save(first);

        AUniqueIndex.Violated(() => Save(second));
    }

    [Fact]
    public void IssuanceRecord_Should_AllowManyWithoutCertificateNo_When_NotIssued()
    {
        Save(Record(_candidate).Build());
        Save(Record(_otherCandidate).Build());

        using var db = _db.OpenAsSystem();
        Assert.Equal(2, db.Set<IssuanceRecord>().Count(r => r.CertificateNo == null));
    }

    private AnIssuanceRecord Record(int candidateId, CertificateLevel level = CertificateLevel.Intermediate) =>
        AnIssuanceRecord.New()
            .ForCandidate(candidateId)
            .WithSchools(_seed.SchoolId, _seed.OtherSchoolId)
            .WithCertificate(_seed.OrganizationId, _seed.CertificateId, level)
            .InPlan(_chain.ExamPlanId)
            .AtSite(_chain.ExamSiteId)
            .FromResult(_passedResults[(candidateId, level)]);

    private void Save(object entity)
    {
        using var db = _db.OpenAsSystem();
        db.Add(entity);
        db.SaveChanges();
    }
}
