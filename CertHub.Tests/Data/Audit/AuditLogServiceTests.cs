using CertHub.Core.Audit;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Audit;

public sealed class AuditLogServiceTests : IDisposable
{
    private static readonly DateTimeOffset Day1 = new(2021, 9, 1, 2, 0, 0, TimeSpan.Zero); // 2021-09-01 10:00 China

    private readonly SqliteTestDb _db = new();
    private readonly FakeTimeProvider _clock = new(Day1);
    private readonly CatalogTestData _data;

    public AuditLogServiceTests()
    {
        _data = CatalogTestData.Seed(_db);
        using var db = _db.OpenAsSystem();
        db.Set<AuditEntry>().ExecuteDelete(); // the catalogue seed's own 创建 entries
    }

    public void Dispose() => _db.Dispose();

    private AuditLogService Service(ICurrentUser user) => new(_db.FactoryFor(user), user, _clock);

    private async Task SeedAsync()
    {
        var system = Service(FixedCurrentUser.System);
        await system.AppendAsync(AuditEntry.Create(Day1, "ustb", "u1", AuditNames.Account, "ustb", AuditNames.Login, schoolId: _data.SchoolAId), default);
        await system.AppendAsync(AuditEntry.Create(Day1.AddDays(1), "ustb", "u1", "WeeklyReport", "7", "状态变更", "未提交", "待审核",
            schoolId: _data.SchoolAId, provinceId: _data.BeijingId), default);
        await system.AppendAsync(AuditEntry.Create(Day1.AddDays(2), "ncut", "u2", AuditNames.Account, "ncut", AuditNames.LoginFailed, detail: "密码错误",
            schoolId: _data.SchoolBId), default);
        await system.AppendAsync(AuditEntry.Create(Day1.AddDays(2), "nobody", null, AuditNames.Account, "nobody", AuditNames.LoginFailed, detail: "账号不存在"), default);
    }

    [Fact]
    public async Task ListAsync_Should_ShowEverything_When_PlatformAdmin_And_OnlyTheTenant_Otherwise()
    {
        await SeedAsync();
        var admin = new FixedCurrentUser(UserRole.PlatformAdmin, UserName: "admin", DisplayName: "平台管理员");

        var all = await Service(admin).ListAsync(new AuditFilter(), new PageRequest(), default);
        var school = await Service(_data.SchoolA).ListAsync(new AuditFilter(), new PageRequest(), default);
        var province = await Service(_data.Beijing).ListAsync(new AuditFilter(), new PageRequest(), default);

        Assert.Equal(4, all.TotalCount);
        Assert.Equal(["状态变更", AuditNames.Login], school.Items.Select(a => a.Action)); // newest first, never ncut's or the unknown account's
        Assert.Equal("周报", Assert.Single(province.Items).EntityTypeName);
    }

    [Fact]
    public async Task ListAsync_Should_FilterByChinaDateRangeUserTypeAndAction()
    {
        await SeedAsync();
        var admin = Service(FixedCurrentUser.System);

        var secondDay = await admin.ListAsync(new AuditFilter(From: new DateOnly(2021, 9, 2), To: new DateOnly(2021, 9, 2)), new PageRequest(), default);
        var ncut = await admin.ListAsync(new AuditFilter(UserName: "ncu"), new PageRequest(), default);
        var failed = await admin.ExportRowsAsync(new AuditFilter(EntityType: AuditNames.Account, Action: AuditNames.LoginFailed), default);

        Assert.Equal("WeeklyReport", Assert.Single(secondDay.Items).EntityType);
        Assert.Equal("密码错误", Assert.Single(ncut.Items).Detail);
        Assert.Equal(["ncut", "nobody"], failed.Select(a => a.UserName).Order(StringComparer.Ordinal));
        Assert.Equal([AuditNames.Account, "WeeklyReport"], await admin.EntityTypesAsync(default));
        Assert.Contains(AuditNames.LoginFailed, await admin.ActionsAsync(default));
    }

    [Fact]
    public async Task RecordAsync_Should_StampCurrentUserAndTenant()
    {
        await Service(_data.SchoolA).RecordAsync(AuditNames.Export, "考生信息", AuditNames.ExportAction, "12条", default);

        var entry = Assert.Single((await Service(_data.SchoolA).ListAsync(new AuditFilter(), new PageRequest(), default)).Items);
        Assert.Equal(("ustb", "导出", "考生信息", "12条", Day1), (entry.UserName, entry.Action, entry.EntityId, entry.Detail, entry.AtUtc));
        Assert.Equal(0, (await Service(_data.SchoolB).ListAsync(new AuditFilter(), new PageRequest(), default)).TotalCount);
    }
}
