using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Concurrency;

/// <summary>
/// An aggregate's children stored as separate rows (join rows such as a certificate's levels or a plan's schools): changing
/// them moves the parent's RowVersion, so two users who change the children of the same parent conflict.
/// </summary>
public sealed class ChildRowVersionTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(2));
    private readonly ACatalog _catalog;

    public ChildRowVersionTests() => _catalog = ACatalogSeed.SeedAsync(_db).GetAwaiter().GetResult();

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser Org => new(UserRole.OrgAdmin, OrganizationId: _catalog.Organization.Id, UserName: "wl", DisplayName: "中物联物流");

    private ExamPlanService Plans() => new(_db.FactoryFor(Org), Org, new RecordingChangeFeed(), _clock);

    [Fact]
    public async Task SaveChanges_Should_BumpTheParent_When_OnlyItsChildRowsChanged()
    {
        var before = await VersionOfCertificateAsync();
        await using (var ctx = _db.OpenAsSystem())
        {
            var certificate = await ctx.Set<Certificate>().AsTracking().Include(c => c.Levels).SingleAsync(c => c.Id == _catalog.Certificate.Id);
            certificate.SetLevels([CertificateLevel.Junior, CertificateLevel.Intermediate]);
            Assert.Equal(EntityState.Unchanged, ctx.Entry(certificate).State);
            await ctx.SaveChangesAsync();
        }

        Assert.Equal(before + 1, await VersionOfCertificateAsync());
    }

    [Fact]
    public async Task SaveChanges_Should_RefuseTheSecondUser_When_BothChangedTheChildRowsOfTheSameParent()
    {
        await using var first = _db.OpenAsSystem();
        await using var second = _db.OpenAsSystem();
        var a = await first.Set<Certificate>().AsTracking().Include(c => c.Levels).SingleAsync(c => c.Id == _catalog.Certificate.Id);
        var b = await second.Set<Certificate>().AsTracking().Include(c => c.Levels).SingleAsync(c => c.Id == _catalog.Certificate.Id);

        a.SetLevels([CertificateLevel.Junior, CertificateLevel.Senior]);
        await first.SaveChangesAsync();
        b.SetLevels([CertificateLevel.Junior]);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => second.SaveChangesAsync());

        Assert.Equal(ConcurrencyConflict.Message, refused.Message);
        await using var check = _db.OpenAsSystem();
        var levels = await check.Set<Certificate>().Where(c => c.Id == _catalog.Certificate.Id).SelectMany(c => c.Levels.Select(l => l.Level)).ToListAsync();
        Assert.Equal([CertificateLevel.Junior, CertificateLevel.Senior], levels.Order());
    }

    [Fact]
    public async Task ExamPlanUpdate_Should_RefuseTheStaleForm_When_AnotherUserChangedOnlyTheSchools()
    {
        var subject = await ACatalogSeed.SeedSubjectAsync(_db, _catalog);
        var input = new ExamPlanInput(2021, "2021年9月信息化应用初级考试", RegistrationMode.ByCertificate, ADomain.Windows(),
            [new ExamPlanCertificateInput(_catalog.Certificate.Id, CertificateLevel.Junior, 180m)],
            [_catalog.School.Id, _catalog.OtherSchool.Id],
            [new ExamPlanSubjectInput(subject.Id, ADomain.Day(16, 1), ADomain.Day(16, 3), null)]);
        var id = await Plans().CreateAsync(input, default);
        var seenByA = (await Plans().GetAsync(id, default))!;
        var seenByB = (await Plans().GetAsync(id, default))!;

        await Plans().UpdateAsync(id, seenByB.ToInput() with { SchoolIds = [_catalog.School.Id] }, default);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Plans().UpdateAsync(id, seenByA.ToInput() with { Name = "2021年9月考试（改）" }, default));

        Assert.Equal(ConcurrencyConflict.Message, refused.Message);
        var saved = (await Plans().GetAsync(id, default))!;
        Assert.Equal(("2021年9月信息化应用初级考试", 1, seenByA.Version + 1), (saved.Plan.Name, saved.Schools.Count, saved.Version));
    }

    private async Task<long> VersionOfCertificateAsync()
    {
        await using var ctx = _db.OpenAsSystem();
        return await ctx.Set<Certificate>().Where(c => c.Id == _catalog.Certificate.Id).Select(c => c.RowVersion).SingleAsync();
    }
}
