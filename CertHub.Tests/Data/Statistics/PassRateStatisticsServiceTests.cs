using CertHub.Core.Accounts;
using CertHub.Core.Audit;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Statistics;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Accounts.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Statistics;

public sealed class PassRateStatisticsServiceTests : IDisposable
{
    private const string Phone = "13800137936";
    private readonly SqliteTestDb _database = new();
    private readonly CatalogTestData _catalog;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));
    private readonly SmsOutbox _outbox;
    private readonly NoAccounts _accounts = new();

    public PassRateStatisticsServiceTests()
    {
        _catalog = APassRateDataset.Seed(_database);
        _outbox = new SmsOutbox(_clock, NullLogger<SmsOutbox>.Instance);
    }

    private static FixedCurrentUser Platform => new(UserRole.PlatformAdmin, UserName: "admin", UserId: "u-admin");

    private FixedCurrentUser SchoolA => _catalog.SchoolA with { UserId = "u-a" };

    private FixedCurrentUser SchoolB => _catalog.SchoolB with { UserId = "u-b" };

    private FixedCurrentUser Wl => _catalog.Wl with { UserId = "u-wl" };

    private FixedCurrentUser Tedu => new(UserRole.OrgAdmin, OrganizationId: _catalog.OrgTeduId, UserName: "tedu", UserId: "u-tedu");

    private FixedCurrentUser Beijing => _catalog.Beijing with { UserId = "u-bj" };

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task GetAsync_Should_CountEveryFigure_When_PlatformGroupsByLevel()
    {
        var report = await Service(Platform).GetAsync(PassRateGrouping.ByLevel, new PassRateFilter(), default);

        var xxhMid = Single(report, _catalog.XxhId, CertificateLevel.Intermediate);
        Assert.Equal((40, 5, 4, 3, 1), (xxhMid.ApprovedCount, xxhMid.RegisteredCount, xxhMid.AttendedCount, xxhMid.PassedCount, xxhMid.IssuedCount));
        Assert.Equal(0.6m, xxhMid.PassRate);
        Assert.Equal(0.3333m, xxhMid.IssueRate);
        Assert.Equal("中物联物流", xxhMid.OrganizationName);
        var xxhJunior = Single(report, _catalog.XxhId, CertificateLevel.Junior);
        Assert.Equal((0, 1, 1, 0, 0), (xxhJunior.ApprovedCount, xxhJunior.RegisteredCount, xxhJunior.AttendedCount, xxhJunior.PassedCount, xxhJunior.IssuedCount));
        var java = Single(report, _catalog.JavaId, CertificateLevel.Intermediate);
        Assert.Equal((40, 1, 1, 1, 1), (java.ApprovedCount, java.RegisteredCount, java.AttendedCount, java.PassedCount, java.IssuedCount));
        var web = Single(report, _catalog.WebId, CertificateLevel.Junior);
        Assert.Equal((40, 1, 0m), (web.ApprovedCount, web.RegisteredCount, web.PassRate));
        Assert.Equal(new PassRateFunnel(8, 7, 4, 2), report.Funnel);
    }

    [Fact]
    public async Task GetAsync_Should_SumLevels_When_GroupedByCertificate()
    {
        var report = await Service(Platform).GetAsync(PassRateGrouping.ByCertificate, new PassRateFilter(), default);

        Assert.Equal(3, report.Rows.Count);
        var xxh = Assert.Single(report.Rows, r => r.CertificateId == _catalog.XxhId);
        Assert.Null(xxh.Level);
        Assert.Equal((40, 6, 5, 3, 1), (xxh.ApprovedCount, xxh.RegisteredCount, xxh.AttendedCount, xxh.PassedCount, xxh.IssuedCount));
        Assert.Equal("50.00%", PassRateRow.Percent(xxh.PassRate));
    }

    [Fact]
    public async Task GetAsync_Should_SortByPassRate_When_AscendingOrDescending()
    {
        var service = Service(Platform);
        var descending = await service.GetAsync(PassRateGrouping.ByCertificate, new PassRateFilter(Descending: true), default);
        var ascending = await service.GetAsync(PassRateGrouping.ByCertificate, new PassRateFilter(Descending: false), default);

        Assert.Equal([_catalog.JavaId, _catalog.XxhId, _catalog.WebId], descending.Rows.Select(r => r.CertificateId));
        Assert.Equal([_catalog.WebId, _catalog.XxhId, _catalog.JavaId], ascending.Rows.Select(r => r.CertificateId));
    }

    [Fact]
    public async Task GetAsync_Should_ApplyFilters_When_OrganizationCertificateOrYearGiven()
    {
        var service = Service(Platform);
        var byOrg = await service.GetAsync(PassRateGrouping.ByCertificate, new PassRateFilter(OrganizationId: _catalog.OrgTeduId), default);
        var byCertificate = await service.GetAsync(PassRateGrouping.ByCertificate, new PassRateFilter(CertificateId: _catalog.XxhId), default);
        var byYear = await service.GetAsync(PassRateGrouping.ByCertificate, new PassRateFilter(Year: 2026), default);

        Assert.Equal([_catalog.JavaId, _catalog.WebId], byOrg.Rows.Select(r => r.CertificateId).Order());
        Assert.Equal(_catalog.XxhId, Assert.Single(byCertificate.Rows).CertificateId);
        var xxh2026 = Assert.Single(byYear.Rows, r => r.CertificateId == _catalog.XxhId);
        Assert.Equal((0, 5, 3, 1), (xxh2026.ApprovedCount, xxh2026.RegisteredCount, xxh2026.PassedCount, xxh2026.IssuedCount));
    }

    [Fact]
    public async Task GetAsync_Should_ShowOwnNumbersOnly_When_School()
    {
        var a = await Service(SchoolA).GetAsync(PassRateGrouping.ByCertificate, new PassRateFilter(), default);
        var b = await Service(SchoolB).GetAsync(PassRateGrouping.ByCertificate, new PassRateFilter(), default);

        var aXxh = Assert.Single(a.Rows, r => r.CertificateId == _catalog.XxhId);
        Assert.Equal((40, 4, 3, 2, 1), (aXxh.ApprovedCount, aXxh.RegisteredCount, aXxh.AttendedCount, aXxh.PassedCount, aXxh.IssuedCount));
        Assert.DoesNotContain(a.Rows, r => r.CertificateId == _catalog.WebId);
        Assert.Equal(new PassRateFunnel(5, 4, 3, 2), a.Funnel);
        var bXxh = Assert.Single(b.Rows, r => r.CertificateId == _catalog.XxhId);
        Assert.Equal((0, 2, 1, 0), (bXxh.ApprovedCount, bXxh.RegisteredCount, bXxh.PassedCount, bXxh.IssuedCount));
        Assert.DoesNotContain(b.Rows, r => r.CertificateId == _catalog.JavaId);
        Assert.Equal(new PassRateFunnel(2, 2, 1, 0), b.Funnel);
    }

    [Fact]
    public async Task GetAsync_Should_ShowOwnCertificatesAcrossSchools_When_Organization()
    {
        var wl = await Service(Wl).GetAsync(PassRateGrouping.ByCertificate, new PassRateFilter(), default);
        var tedu = await Service(Tedu).GetAsync(PassRateGrouping.ByCertificate, new PassRateFilter(), default);
        var wlAskingForTedu = await Service(Wl).GetAsync(PassRateGrouping.ByCertificate, new PassRateFilter(OrganizationId: _catalog.OrgTeduId), default);

        var xxh = Assert.Single(wl.Rows);
        Assert.Equal((6, 3), (xxh.RegisteredCount, xxh.PassedCount));
        Assert.Equal([_catalog.JavaId, _catalog.WebId], tedu.Rows.Select(r => r.CertificateId).Order());
        Assert.Empty(wlAskingForTedu.Rows);
        Assert.Equal(new PassRateFunnel(0, 0, 0, 0), wlAskingForTedu.Funnel);
    }

    [Fact]
    public async Task GetAsync_Should_ShowItsSchoolsOnly_When_Province()
    {
        var report = await Service(Beijing).GetAsync(PassRateGrouping.ByCertificate, new PassRateFilter(), default);
        var hubei = await Service(new FixedCurrentUser(UserRole.ProvinceAdmin, ProvinceId: _catalog.HubeiId, UserId: "u-hb"))
            .GetAsync(PassRateGrouping.ByCertificate, new PassRateFilter(), default);

        var web = Assert.Single(report.Rows, r => r.CertificateId == _catalog.WebId);
        Assert.Equal((40, 0), (web.ApprovedCount, web.RegisteredCount));
        Assert.Equal(new PassRateFunnel(7, 6, 4, 2), report.Funnel);
        var hubeiWeb = Assert.Single(hubei.Rows);
        Assert.Equal((0, 1), (hubeiWeb.ApprovedCount, hubeiWeb.RegisteredCount));
    }

    [Fact]
    public async Task GetAsync_Should_Refuse_When_Anonymous()
    {
        var error = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Service(new FixedCurrentUser(null)).GetAsync(PassRateGrouping.ByCertificate, new PassRateFilter(), default));
        Assert.Contains("没有查看证书通过率统计的权限", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_Should_RequireMenuPermission_When_SubAccount()
    {
        var without = new FixedCurrentUser(UserRole.SchoolUser, SchoolId: _catalog.SchoolAId, UserId: "u-sub");
        var with = without with { Permissions = [Permissions.Menu(PassRateStatisticsService.Route)] };

        await Assert.ThrowsAsync<DomainRuleException>(() => Service(without).GetAsync(PassRateGrouping.ByCertificate, new PassRateFilter(), default));
        Assert.Equal(5, (await Service(with).GetAsync(PassRateGrouping.ByCertificate, new PassRateFilter(), default)).Funnel.Registered);
    }

    [Fact]
    public async Task FilterOptionsAsync_Should_OfferOwnOrganizationOnly_When_Organization()
    {
        var wl = await Service(Wl).FilterOptionsAsync(default);
        var platform = await Service(Platform).FilterOptionsAsync(default);

        Assert.Equal(_catalog.OrgWlId, Assert.Single(wl.Organizations).Id);
        Assert.Equal(_catalog.XxhId, Assert.Single(wl.Certificates).Id);
        Assert.Equal(2, platform.Organizations.Count);
        Assert.Equal(3, platform.Certificates.Count);
    }

    [Fact]
    public async Task GetExportVerificationAsync_Should_GiveManualHint_When_PhoneBound()
    {
        BindPhone(SchoolA);
        BindPhone(SchoolB, phone: null);
        Assert.Equal("请用您绑定的尾号为7936的手机号获取验证码", (await Service(SchoolA).GetExportVerificationAsync(default)).Hint);
        Assert.False((await Service(SchoolB).GetExportVerificationAsync(default)).HasBoundPhone);
    }

    [Fact]
    public async Task SendExportCodeAsync_Should_Refuse_When_NoBoundPhone()
    {
        BindPhone(SchoolA, phone: null);
        var error = await Assert.ThrowsAsync<DomainRuleException>(() => Service(SchoolA).SendExportCodeAsync(default));
        Assert.Equal(PassRateStatisticsService.NoPhoneMessage, error.Message);
        Assert.Empty(_outbox.Messages);
    }

    [Fact]
    public async Task ExportAsync_Should_Refuse_When_CodeMissingWrongOrExpired()
    {
        BindPhone(SchoolA);
        var service = Service(SchoolA);
        await Assert.ThrowsAsync<DomainRuleException>(() => service.ExportAsync(PassRateGrouping.ByCertificate, new PassRateFilter(), null, default));
        await Assert.ThrowsAsync<DomainRuleException>(() => service.ExportAsync(PassRateGrouping.ByCertificate, new PassRateFilter(), "123456", default));

        await service.SendExportCodeAsync(default);
        var code = LastCode();
        var wrong = code == "000000" ? "111111" : "000000";
        await Assert.ThrowsAsync<DomainRuleException>(() => service.ExportAsync(PassRateGrouping.ByCertificate, new PassRateFilter(), wrong, default));
        _clock.Advance(TimeSpan.FromMinutes(6));
        await Assert.ThrowsAsync<DomainRuleException>(() => service.ExportAsync(PassRateGrouping.ByCertificate, new PassRateFilter(), code, default));
        Assert.Equal(0, await ExportAuditCountAsync());
    }

    [Fact]
    public async Task ExportAsync_Should_ReturnRowsAndAudit_When_CodeValid_AndRefuseReuse()
    {
        BindPhone(SchoolA);
        var service = Service(SchoolA);
        await service.SendExportCodeAsync(default);
        var code = LastCode();
        Assert.Equal(Phone, _outbox.Messages[0].Phone);

        var report = await service.ExportAsync(PassRateGrouping.ByLevel, new PassRateFilter(), code, default);

        Assert.Equal(2, report.Rows.Count);
        Assert.Equal(1, await ExportAuditCountAsync());
        await Assert.ThrowsAsync<DomainRuleException>(() => service.ExportAsync(PassRateGrouping.ByLevel, new PassRateFilter(), code, default));
    }

    [Fact]
    public async Task ExportAsync_Should_Refuse_When_CodeWasSentForAnotherPurpose()
    {
        BindPhone(SchoolA);
        var sms = new SmsVerification(_database.FactoryFor(SchoolA), _outbox, SchoolA, _clock);
        await sms.SendCodeAsync(Phone, SmsPurpose.BindPhone, default);

        await Assert.ThrowsAsync<DomainRuleException>(() =>
            Service(SchoolA).ExportAsync(PassRateGrouping.ByLevel, new PassRateFilter(), LastCode(), default));
    }

    private static PassRateRow Single(PassRateReport report, int certificateId, CertificateLevel level) =>
        Assert.Single(report.Rows, r => r.CertificateId == certificateId && r.Level == level);

    private PassRateStatisticsService Service(FixedCurrentUser user)
    {
        var factory = _database.FactoryFor(user);
        return new PassRateStatisticsService(new PassRateQueries(factory, user), user, new SmsVerification(factory, _outbox, user, _clock), _accounts,
            new AuditLogService(factory, user, _clock));
    }

    private void BindPhone(FixedCurrentUser user, string? phone = Phone) =>
        _accounts.Known.Add(new AccountInfo(user.UserId!, user.UserName, user.DisplayName, user.Role!.Value, user.SchoolId, user.OrganizationId,
            user.ProvinceId, phone, false, false, null, false, [], _clock.GetUtcNow()));

    private string LastCode() =>
        System.Text.RegularExpressions.Regex.Match(_outbox.Messages[0].Text, @"验证码为(\d{6})").Groups[1].Value;

    private async Task<int> ExportAuditCountAsync()
    {
        await using var db = _database.OpenAsSystem();
        return await db.Set<AuditEntry>().CountAsync(e => e.EntityType == AuditNames.Export && e.EntityId == "证书通过率统计");
    }
}
