using CertHub.Core.Catalog;
using CertHub.Core.Invigilators;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Data.Invigilators;

public sealed class InvigilatorsModelTests : IDisposable
{
    private readonly SqliteTestDb _db = new();

    public void Dispose() => _db.Dispose();

    private async Task<(ACatalog Catalog, Invigilator Invigilator)> SeedInvigilatorAsync()
    {
        var catalog = await ACatalogSeed.SeedAsync(_db);
        await using var ctx = _db.OpenAsSystem();
        var invigilator = ADomain.Invigilator(catalog.School.Id);
        ctx.Add(invigilator);
        await ctx.SaveChangesAsync();
        return (catalog, invigilator);
    }

    [Fact]
    public async Task SaveChanges_Should_RoundTripCertificationWithHistory_When_Reloaded()
    {
        var (catalog, invigilator) = await SeedInvigilatorAsync();
        int id;
        await using (var ctx = _db.OpenAsSystem())
        {
            var certification = InvigilatorCertification.Create(invigilator.Id, catalog.Certificate.Id, catalog.Organization.Id, CertificateLevel.Junior, ADomain.T0);
            certification.Submit(ADomain.Actor, ADomain.Day(1));
            certification.Return("未参加培训", "组织", ADomain.Day(2));
            certification.Resubmit(ADomain.Actor, ADomain.Day(3));
            certification.Certify("组织", ADomain.Day(4));
            ctx.Add(certification);
            await ctx.SaveChangesAsync();
            id = certification.Id;
        }

        await using (var ctx = _db.OpenAsSystem())
        {
            var loadedInvigilator = await ctx.Set<Invigilator>().SingleAsync(i => i.Id == invigilator.Id);
            Assert.Equal("18300000544", loadedInvigilator.Phone);
            Assert.Equal("讲师", loadedInvigilator.Title);

            var loaded = await ctx.Set<InvigilatorCertification>().Include(c => c.History).SingleAsync(c => c.Id == id);
            Assert.Equal(CertificationStatus.Certified, loaded.Status);
            Assert.Equal(4, loaded.History.Count);
            Assert.Equal("未参加培训", loaded.ReturnReason);
            Assert.False(loaded.CanDelete);
        }
    }

    [Fact]
    public async Task SaveChanges_Should_Throw_When_SecondCertificationForSameLevel()
    {
        var (catalog, invigilator) = await SeedInvigilatorAsync();
        await using (var ctx = _db.OpenAsSystem())
        {
            ctx.Add(InvigilatorCertification.Create(invigilator.Id, catalog.Certificate.Id, catalog.Organization.Id, CertificateLevel.Junior, ADomain.T0));
            await ctx.SaveChangesAsync();
        }

        await using (var ctx = _db.OpenAsSystem())
        {
            ctx.Add(InvigilatorCertification.Create(invigilator.Id, catalog.Certificate.Id, catalog.Organization.Id, CertificateLevel.Junior, ADomain.Day(1)));
            await AUniqueIndex.ViolatedAsync(() => ctx.SaveChangesAsync());
        }
    }
}
