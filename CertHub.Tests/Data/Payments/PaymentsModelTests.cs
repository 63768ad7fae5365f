using CertHub.Core.Catalog;
using CertHub.Core.Payments;
using CertHub.Core.Registrations;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Data.Payments;

public sealed class PaymentsModelTests : IDisposable
{
    private readonly SqliteTestDb _db = new();

    public void Dispose() => _db.Dispose();

    private async Task<(ACatalog Catalog, List<Registration> Registrations)> SeedRegistrationsAsync()
    {
        var catalog = await ACatalogSeed.SeedAsync(_db);
        var subject = await ACatalogSeed.SeedSubjectAsync(_db, catalog);
        var plan = await ACatalogSeed.SeedPlanAsync(_db, catalog, subject);
        var first = await ACatalogSeed.SeedCandidateAsync(_db, catalog, ADomain.ValidIdNumber, 1);
        var second = await ACatalogSeed.SeedCandidateAsync(_db, catalog, ADomain.OtherValidIdNumber, 2);
        await using var ctx = _db.OpenAsSystem();
        var registrations = new[] { first, second }
            .Select(c => Registration.Create(plan, c, catalog.Certificate.Id, CertificateLevel.Junior, null, null, ADomain.Day(2)))
            .ToList();
        ctx.AddRange(registrations);
        await ctx.SaveChangesAsync();
        return (catalog, registrations);
    }

    [Fact]
    public async Task SaveChanges_Should_RoundTripRequestWithItems_When_Reloaded()
    {
        var (catalog, registrations) = await SeedRegistrationsAsync();
        int id;
        await using (var ctx = _db.OpenAsSystem())
        {
            var request = PaymentRequest.Create(PaymentRequest.NewRequestNo(ADomain.Day(3), 1), catalog.Organization.Id, registrations, 180.50m, ADomain.Actor, ADomain.Day(3));
            request.Confirm("组织财务", ADomain.Day(4));
            ctx.Add(request);
            await ctx.SaveChangesAsync();
            id = request.Id;
        }

        await using (var ctx = _db.OpenAsSystem())
        {
            var loaded = await ctx.Set<PaymentRequest>().Include(p => p.Items).SingleAsync(p => p.Id == id);
            Assert.Equal(2, loaded.Count);
            Assert.Equal(361.00m, loaded.Amount);
            Assert.Equal(180.50m, loaded.UnitFee);
            Assert.Equal(PaymentStatus.Confirmed, loaded.Status);
            Assert.Equal(registrations.Select(r => r.Id).Order(), loaded.Items.Select(i => i.RegistrationId).Order());
        }
    }

    [Fact]
    public async Task SaveChanges_Should_Throw_When_RequestNoRepeated()
    {
        var (catalog, registrations) = await SeedRegistrationsAsync();
        await using (var ctx = _db.OpenAsSystem())
        {
            ctx.Add(PaymentRequest.Create("JF202109040000000001", catalog.Organization.Id, [registrations[0]], 180, ADomain.Actor, ADomain.Day(3)));
            await ctx.SaveChangesAsync();
        }

        await using (var ctx = _db.OpenAsSystem())
        {
            ctx.Add(PaymentRequest.Create("JF202109040000000001", catalog.Organization.Id, [registrations[1]], 180, ADomain.Actor, ADomain.Day(3)));
            await AUniqueIndex.ViolatedAsync(() => ctx.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task SaveChanges_Should_Throw_When_RegistrationAlreadyInARequest()
    {
        var (catalog, registrations) = await SeedRegistrationsAsync();
        await using (var ctx = _db.OpenAsSystem())
        {
            ctx.Add(PaymentRequest.Create("JF202109040000000001", catalog.Organization.Id, registrations, 180, ADomain.Actor, ADomain.Day(3)));
            await ctx.SaveChangesAsync();
        }

        await using (var ctx = _db.OpenAsSystem())
        {
            ctx.Add(PaymentRequest.Create("JF202109040000000002", catalog.Organization.Id, [registrations[1]], 180, ADomain.Actor, ADomain.Day(3)));
            await AUniqueIndex.ViolatedAsync(() => ctx.SaveChangesAsync());
        }
    }
}
