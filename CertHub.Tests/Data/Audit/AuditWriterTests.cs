using CertHub.Core.Audit;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Audit;

public sealed class AuditWriterTests : IDisposable
{
    private readonly SqliteTestDb _db = new();

    [Fact]
    public async Task SaveChanges_Should_WriteAuditEntryWithUserAndStatuses_When_StatusChanges()
    {
        var seed = IssuanceCatalogSeed.SaveIn(_db);
        int standardId;
        await using (var arrange = _db.OpenAsSystem())
        {
            var standard = SiteStandard.Create(seed.CertificateId, CertificateLevel.Junior, "信息化应用考核站点建设标准", "1.0", 30, new DateOnly(2021, 3, 1), null, null);
            arrange.Add(standard);
            await arrange.SaveChangesAsync();
            standardId = standard.Id;
        }

        var admin = new FixedCurrentUser(UserRole.PlatformAdmin, UserName: "admin", DisplayName: "平台管理员", UserId: "u-1");
        var at = new DateTimeOffset(2021, 9, 1, 8, 0, 0, TimeSpan.Zero);
        await using (var act = _db.Open(admin))
        {
            act.Clock = new FakeTimeProvider(at);
            var standard = await act.Set<SiteStandard>().SingleAsync(s => s.Id == standardId);
            standard.Disable();
            await act.SaveChangesAsync();
        }

        await using var check = _db.OpenAsSystem();
        var entry = await check.Set<AuditEntry>().Where(a => a.EntityType == nameof(SiteStandard) && a.Action == "状态变更").SingleAsync();
        Assert.Equal("admin", entry.UserName);
        Assert.Equal("u-1", entry.UserId);
        Assert.Equal(standardId.ToString(), entry.EntityId);
        Assert.Equal("已启用", entry.FromStatus);
        Assert.Equal("已停用", entry.ToStatus);
        Assert.Equal(at, entry.AtUtc);
    }

    [Fact]
    public async Task SaveChanges_Should_WriteCreationEntryWithNewId_When_EntityWithStatusIsAdded()
    {
        var seed = IssuanceCatalogSeed.SaveIn(_db);
        await using var db = _db.OpenAsSystem();
        var standard = SiteStandard.Create(seed.CertificateId, CertificateLevel.Senior, "高级考核站点建设标准", "1.0", 20, new DateOnly(2021, 3, 1), null, null);
        db.Add(standard);
        await db.SaveChangesAsync();

        var entry = await db.Set<AuditEntry>().SingleAsync(a => a.EntityType == nameof(SiteStandard) && a.EntityId == standard.Id.ToString());
        Assert.Equal("创建", entry.Action);
        Assert.Null(entry.FromStatus);
        Assert.Equal("已启用", entry.ToStatus);
    }

    [Fact]
    public async Task SaveChanges_Should_WriteNoAuditEntry_When_NoStatusChanges()
    {
        var seed = IssuanceCatalogSeed.SaveIn(_db);
        await using var db = _db.OpenAsSystem();
        var before = await db.Set<AuditEntry>().CountAsync();
        var school = await db.Set<PilotSchool>().SingleAsync(s => s.Id == seed.SchoolId);
        school.UpdateDetails("北京市海淀区学院路30号", "张老师", "010-62332312", null, null, null);
        await db.SaveChangesAsync();

        Assert.Equal(before, await db.Set<AuditEntry>().CountAsync());
    }

    [Fact]
    public async Task SaveChanges_Should_AuditTheRecordOnly_When_AVerbAppendsAHistoryRow()
    {
        await using var db = _db.OpenAsSystem();
        var report = AWeeklyReport.New().For(IssuanceCatalogSeed.SaveIn(_db).SchoolId, 1).Build();
        db.Add(report);
        await db.SaveChangesAsync();

        report.Submit("北科大(ustb)", AWeeklyReport.During);
        await db.SaveChangesAsync();

        var types = await db.Set<AuditEntry>().Select(a => a.EntityType).ToListAsync();
        Assert.Contains(nameof(CertHub.Core.Reports.WeeklyReport), types);
        Assert.DoesNotContain(types, t => t.EndsWith("Review", StringComparison.Ordinal) || t.EndsWith("History", StringComparison.Ordinal));
    }

    public void Dispose() => _db.Dispose();
}
