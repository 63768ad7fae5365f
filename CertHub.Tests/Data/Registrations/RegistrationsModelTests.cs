using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using CertHub.Core.Registrations;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Data.Registrations;

public sealed class RegistrationsModelTests : IDisposable
{
    private readonly SqliteTestDb _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task SaveChanges_Should_RoundTripRegistrationSnapshot_When_Reloaded()
    {
        var catalog = await ACatalogSeed.SeedAsync(_db);
        var subject = await ACatalogSeed.SeedSubjectAsync(_db, catalog);
        var plan = await ACatalogSeed.SeedPlanAsync(_db, catalog, subject, RegistrationMode.BySubject);
        var candidate = await ACatalogSeed.SeedCandidateAsync(_db, catalog);
        int id;
        await using (var ctx = _db.OpenAsSystem())
        {
            var registration = Registration.Create(plan, candidate, catalog.Certificate.Id, CertificateLevel.Junior, subject, catalog.Major.Name, ADomain.Day(2));
            ctx.Add(registration);
            await ctx.SaveChangesAsync();
            id = registration.Id;
        }

        await using (var ctx = _db.OpenAsSystem())
        {
            var loaded = await ctx.Set<Registration>().SingleAsync(r => r.Id == id);
            Assert.Equal(candidate.CandidateNo, loaded.CandidateNo);
            Assert.Equal(subject.Id, loaded.SubjectId);
            Assert.Equal("计算机应用技术", loaded.MajorName);
            Assert.Equal("110*****4477", loaded.MaskedIdNumber);
            Assert.False(loaded.IsPaid);
            Assert.True(loaded.CanDelete);
        }
    }

    [Fact]
    public async Task SaveChanges_Should_Throw_When_SameCandidateRegisteredTwiceByCertificate()
    {
        var catalog = await ACatalogSeed.SeedAsync(_db);
        var subject = await ACatalogSeed.SeedSubjectAsync(_db, catalog);
        var plan = await ACatalogSeed.SeedPlanAsync(_db, catalog, subject);
        var candidate = await ACatalogSeed.SeedCandidateAsync(_db, catalog);
        await using (var ctx = _db.OpenAsSystem())
        {
            ctx.Add(Registration.Create(plan, candidate, catalog.Certificate.Id, CertificateLevel.Junior, null, null, ADomain.Day(2)));
            await ctx.SaveChangesAsync();
        }

        await using (var ctx = _db.OpenAsSystem())
        {
            ctx.Add(Registration.Create(plan, candidate, catalog.Certificate.Id, CertificateLevel.Junior, null, null, ADomain.Day(3)));
            await AUniqueIndex.ViolatedAsync(() => ctx.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task SaveChanges_Should_Throw_When_SameCandidateRegisteredTwiceForSubject()
    {
        var catalog = await ACatalogSeed.SeedAsync(_db);
        var subject = await ACatalogSeed.SeedSubjectAsync(_db, catalog);
        var plan = await ACatalogSeed.SeedPlanAsync(_db, catalog, subject, RegistrationMode.BySubject);
        var candidate = await ACatalogSeed.SeedCandidateAsync(_db, catalog);
        await using (var ctx = _db.OpenAsSystem())
        {
            ctx.Add(Registration.Create(plan, candidate, catalog.Certificate.Id, CertificateLevel.Junior, subject, null, ADomain.Day(2)));
            await ctx.SaveChangesAsync();
        }

        await using (var ctx = _db.OpenAsSystem())
        {
            ctx.Add(Registration.Create(plan, candidate, catalog.Certificate.Id, CertificateLevel.Junior, subject, null, ADomain.Day(3)));
            await AUniqueIndex.ViolatedAsync(() => ctx.SaveChangesAsync());
        }
    }
}
