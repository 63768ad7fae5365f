using CertHub.Core.Audit;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Data.Concurrency;

/// <summary>
/// Optimistic concurrency (Entity.RowVersion) on the provider the suite runs on (SQLite, or PostgreSQL with
/// CERTHUB_TEST_DB=postgres): two users load the same row, both change it, the second save is refused with a clear message.
/// </summary>
public sealed class ConcurrencyTokenTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly CatalogTestData _catalog;

    public ConcurrencyTokenTests() => _catalog = CatalogTestData.Seed(_db);

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Model_Should_MakeRowVersionAConcurrencyToken_When_TheEntityIsPersisted()
    {
        using var db = _db.OpenAsSystem();
        var entities = db.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)).ToList();

        Assert.True(entities.Count > 30);
        Assert.All(entities, t => Assert.True(t.FindProperty(nameof(Entity.RowVersion))?.IsConcurrencyToken, t.ClrType.Name));
    }

    [Fact]
    public async Task SaveChanges_Should_RefuseTheSecondUser_When_BothChangedTheSameRowLoadedBeforeTheFirstSave()
    {
        await using var first = _db.OpenAsSystem();
        await using var second = _db.OpenAsSystem();
        var a = await first.Set<Organization>().SingleAsync(o => o.Id == _catalog.OrgWlId);
        var b = await second.Set<Organization>().SingleAsync(o => o.Id == _catalog.OrgWlId);

        a.UpdateDetails("张三", "13800000001", null, null, null);
        b.UpdateDetails("李四", "13800000002", null, null, null);
        await first.SaveChangesAsync();
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => second.SaveChangesAsync());

        Assert.Equal("数据已被其他用户修改，请刷新后重试", refused.Message);
        Assert.True(ConcurrencyConflict.Is(refused));
        await using var check = _db.OpenAsSystem();
        var saved = await check.Set<Organization>().SingleAsync(o => o.Id == _catalog.OrgWlId);
        Assert.Equal(("张三", "13800000001", 1L), (saved.ContactName, saved.ContactPhone, saved.RowVersion));
    }

    [Fact]
    public async Task SaveChanges_Should_RefuseADelete_When_AnotherUserChangedTheRowMeanwhile()
    {
        await using var first = _db.OpenAsSystem();
        await using var second = _db.OpenAsSystem();
        var a = await first.Set<Major>().SingleAsync();
        var b = await second.Set<Major>().SingleAsync();

        a.Update("510201", "计算机应用技术（新）", MajorLevel.HigherVocational, "电子与信息大类");
        await first.SaveChangesAsync();
        second.Remove(b);

        await Assert.ThrowsAsync<DomainRuleException>(() => second.SaveChangesAsync());
        await using var check = _db.OpenAsSystem();
        Assert.Equal("计算机应用技术（新）", (await check.Set<Major>().SingleAsync()).Name);
    }

    [Fact]
    public async Task SaveChanges_Should_WriteNothing_When_TheStatusChangeOfTheSecondUserIsRefused()
    {
        await using var first = _db.OpenAsSystem();
        await using var second = _db.OpenAsSystem();
        var a = await first.Set<SiteStandard>().SingleAsync(s => s.Status == EnablementStatus.Enabled);
        var b = await second.Set<SiteStandard>().SingleAsync(s => s.Id == a.Id);
        var auditsBefore = await first.Set<AuditEntry>().CountAsync();

        a.Disable();
        await first.SaveChangesAsync();
        b.Disable();

        await Assert.ThrowsAsync<DomainRuleException>(() => second.SaveChangesAsync());
        await using var check = _db.OpenAsSystem();
        Assert.Equal(auditsBefore + 1, await check.Set<AuditEntry>().CountAsync());
    }

    [Fact]
    public async Task SaveChanges_Should_AdvanceTheVersion_When_OneUserSavesTwice()
    {
        await using var db = _db.OpenAsSystem();
        var organization = await db.Set<Organization>().SingleAsync(o => o.Id == _catalog.OrgTeduId);
        Assert.Equal(0, organization.RowVersion);

        organization.UpdateDetails("王五", null, null, null, null);
        await db.SaveChangesAsync();
        organization.UpdateDetails("赵六", null, null, null, null);
        await db.SaveChangesAsync();

        await using var check = _db.OpenAsSystem();
        var saved = await check.Set<Organization>().SingleAsync(o => o.Id == _catalog.OrgTeduId);
        Assert.Equal(("赵六", 2L), (saved.ContactName, saved.RowVersion));
    }

    [Fact]
    public async Task SaveChanges_Should_KeepTheVersion_When_NothingChanged()
    {
        await using var db = _db.OpenAsSystem();
        var organization = await db.Set<Organization>().SingleAsync(o => o.Id == _catalog.OrgTeduId);

        organization.UpdateDetails(organization.ContactName, organization.ContactPhone, organization.Address, organization.Website, organization.Introduction);
        await db.SaveChangesAsync();

        await using var check = _db.OpenAsSystem();
        Assert.Equal(0, (await check.Set<Organization>().SingleAsync(o => o.Id == _catalog.OrgTeduId)).RowVersion);
    }
}
