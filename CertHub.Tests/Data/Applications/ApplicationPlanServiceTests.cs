using CertHub.Core.Applications;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Applications;

public sealed class ApplicationPlanServiceTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(2));
    private readonly ACatalog _catalog;

    public ApplicationPlanServiceTests() => _catalog = ACatalogSeed.SeedAsync(_db).GetAwaiter().GetResult();

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser ProvinceUser => new(UserRole.ProvinceAdmin, ProvinceId: _catalog.Province.Id, UserName: "bj-edu", DisplayName: "北京市教育委员会");

    private ApplicationPlanService Service(ICurrentUser? user = null)
    {
        user ??= ProvinceUser;
        return new ApplicationPlanService(_db.FactoryFor(user), user, new RecordingChangeFeed(), _clock);
    }

    private static ApplicationPlanInput Input(int batch = 1, int startDay = 0, int endDay = 10, OpenScope scope = OpenScope.All, params CertificateLevelKey[] open) =>
        new(2021, batch, $"2021年{ApplicationPlan.BatchNameOf(batch)}", ADomain.Day(startDay), ADomain.Day(endDay), true, false, scope, open);

    [Fact]
    public async Task CreateAsync_Should_ComputeStatusFromTime()
    {
        await Service().CreateAsync(Input(1, 0, 10), default);
        await Service().CreateAsync(Input(2, 5, 10), default);
        await Service().CreateAsync(Input(3, -10, 1), default);

        var plans = await Service().ListAsync(default);

        Assert.Equal([ApplicationPlanStatus.Ended, ApplicationPlanStatus.NotStarted, ApplicationPlanStatus.InProgress], plans.Select(p => p.Status));
        Assert.True(plans.Single(p => p.Batch == 1).CanApply);
    }

    [Fact]
    public async Task CreateAsync_Should_Refuse_When_BatchExists()
    {
        await Service().CreateAsync(Input(1), default);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => Service().CreateAsync(Input(1), default));

        Assert.Equal("2021年度第一批申报计划已存在", ex.Message);
    }

    [Fact]
    public async Task UpdateAsync_Should_ChangeScope()
    {
        var id = await Service().CreateAsync(Input(1), default);

        await Service().UpdateAsync(id, Input(1, scope: OpenScope.Partial, open: new CertificateLevelKey(_catalog.Certificate.Id, CertificateLevel.Senior)), default);

        var detail = await Service().GetAsync(id, default);
        Assert.Equal(OpenScope.Partial, detail!.Plan.OpenScope);
        Assert.Equal("信息化应用职业技能等级证书(高级)", Assert.Single(detail.Plan.OpenCertificateNames));
    }

    [Fact]
    public async Task Writes_Should_Refuse_When_NotProvince()
    {
        var school = new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: _catalog.School.Id);

        await Assert.ThrowsAsync<DomainRuleException>(() => Service(school).CreateAsync(Input(1), default));
    }

    [Fact]
    public async Task ListAsync_Should_ShowProvincePlans_When_SchoolOfProvince()
    {
        await Service().CreateAsync(Input(1), default);
        var other = new FixedCurrentUser(UserRole.ProvinceAdmin, ProvinceId: 999);

        Assert.Single(await Service(new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: _catalog.School.Id)).ListAsync(default));
        Assert.Empty(await Service(other).ListAsync(default));
        Assert.Equal(3, (await Service().CertificateOptionsAsync(default)).Count);
    }
}
