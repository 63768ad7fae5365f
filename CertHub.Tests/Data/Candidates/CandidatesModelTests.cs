using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Data.Candidates;

public sealed class CandidatesModelTests : IDisposable
{
    private readonly SqliteTestDb _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task SaveChanges_Should_RoundTripCandidate_When_Reloaded()
    {
        var catalog = await ACatalogSeed.SeedAsync(_db);
        var candidate = await ACatalogSeed.SeedCandidateAsync(_db, catalog, ADomain.ValidIdNumberWithX);
        await using (var ctx = _db.OpenAsSystem())
        {
            var tracked = await ctx.Set<Candidate>().SingleAsync(c => c.Id == candidate.Id);
            tracked.AttachPhoto("photos/11010519491231002X.jpg", ADomain.Actor, ADomain.Day(1));
            tracked.ApplyVerification(IdentityVerificationResult.Doubtful("照片像素不符"), ADomain.Actor, ADomain.Day(2));
            await ctx.SaveChangesAsync();
        }

        await using (var ctx = _db.OpenAsSystem())
        {
            var loaded = await ctx.Set<Candidate>().SingleAsync(c => c.Id == candidate.Id);
            Assert.Equal(CandidateInfoStatus.NeedsManualCheck, loaded.InfoStatus);
            Assert.Equal("照片像素不符", loaded.VerificationNote);
            Assert.Equal(ADomain.ValidIdNumberWithX, loaded.IdNumber);
            Assert.Equal(Gender.Female, loaded.Gender);
            Assert.Equal(new DateOnly(1949, 12, 31), loaded.BirthDate);
            Assert.Equal(MajorLevel.HigherVocational, loaded.MajorLevel);
            Assert.Equal(candidate.CandidateNo, loaded.CandidateNo);
            Assert.Equal(ADomain.Day(2), loaded.StatusChangedUtc);
        }
    }

    [Fact]
    public async Task SaveChanges_Should_Throw_When_CandidateNoRepeated()
    {
        var catalog = await ACatalogSeed.SeedAsync(_db);
        var first = await ACatalogSeed.SeedCandidateAsync(_db, catalog);
        await using var ctx = _db.OpenAsSystem();
        ctx.Add(Candidate.Create(catalog.OtherSchool.Id, CandidateType.SchoolCandidate, first.CandidateNo, ADomain.Details(ADomain.OtherValidIdNumber), ADomain.T0));

        await AUniqueIndex.ViolatedAsync(() => ctx.SaveChangesAsync());
    }

    [Fact]
    public async Task SaveChanges_Should_Throw_When_IdNumberRepeatedInSchool()
    {
        var catalog = await ACatalogSeed.SeedAsync(_db);
        await ACatalogSeed.SeedCandidateAsync(_db, catalog, sequence: 1);

        await AUniqueIndex.ViolatedAsync(() => ACatalogSeed.SeedCandidateAsync(_db, catalog, sequence: 2));
    }

    [Fact]
    public async Task SaveChanges_Should_Accept_When_SameIdNumberInAnotherSchool()
    {
        var catalog = await ACatalogSeed.SeedAsync(_db);
        await ACatalogSeed.SeedCandidateAsync(_db, catalog, sequence: 1);
        await using var ctx = _db.OpenAsSystem();
        var no = CandidateNoGenerator.Generate("110101", 2021, ADomain.T0, 2);
        ctx.Add(Candidate.Create(catalog.OtherSchool.Id, CandidateType.SchoolCandidate, no, ADomain.Details(), ADomain.T0));

        Assert.Equal(1, await ctx.SaveChangesAsync());
    }
}
