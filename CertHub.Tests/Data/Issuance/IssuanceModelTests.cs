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

    public IssuanceModelTests() => _seed = IssuanceCatalogSeed.SaveIn(_db);

    public void Dispose() => _db.Dispose();

    [Fact]
    public void IssuanceRecord_Should_RoundTripWithHistoryAndSignatures_When_Saved()
    {
        var record = Record(candidateId: 1).In(IssuanceStatus.Issued).Build();
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
        Save(Record(candidateId: 1).In(IssuanceStatus.SitePendingSign).Build());

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
        Save(Record(candidateId: 1).Build());

        Assert.Throws<DbUpdateException>(() => Save(Record(candidateId: 1).Build()));
        Save(Record(candidateId: 1).WithCertificate(_seed.OrganizationId, _seed.CertificateId, CertificateLevel.Senior).Build());
    }

    [Fact]
    public void IssuanceRecord_Should_RejectDuplicateCertificateNo_When_BothIssued()
    {
        var first = Record(candidateId: 1).In(IssuanceStatus.Generating).Build();
        var second = Record(candidateId: 2).In(IssuanceStatus.Generating).Build();
        first.CompleteGeneration("1XXXH2021200000001", new DateOnly(2021, 9, 23), "a.pdf", AnIssuanceRecord.T0.AddDays(1));
        second.CompleteGeneration("1XXXH2021200000001", new DateOnly(2021, 9, 23), "b.pdf", AnIssuanceRecord.T0.AddDays(1));
        Save(first);

        Assert.Throws<DbUpdateException>(() => Save(second));
    }

    [Fact]
    public void IssuanceRecord_Should_AllowManyWithoutCertificateNo_When_NotIssued()
    {
        Save(Record(candidateId: 1).Build());
        Save(Record(candidateId: 2).Build());

        using var db = _db.OpenAsSystem();
        Assert.Equal(2, db.Set<IssuanceRecord>().Count(r => r.CertificateNo == null));
    }

    private AnIssuanceRecord Record(int candidateId) =>
        AnIssuanceRecord.New()
            .ForCandidate(candidateId)
            .WithSchools(_seed.SchoolId, _seed.OtherSchoolId)
            .WithCertificate(_seed.OrganizationId, _seed.CertificateId);

    private void Save(object entity)
    {
        using var db = _db.OpenAsSystem();
        db.Add(entity);
        db.SaveChanges();
    }
}
