using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CertHub.Tests.Data.Issuance;

public sealed class IssuanceConcurrencyTests : IDisposable
{
    private readonly IssuanceHarness _h = new();

    private AnIssuanceChain Chain => _h.Chain;

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task SaveChanges_Should_RefuseTheSecondSigner_When_TwoContextsSignTheSameRecord()
    {
        var id = Assert.Single(await _h.GenerateAsync(1));
        await using var first = Chain.Db.Open(Chain.Organization);
        await using var second = Chain.Db.Open(Chain.Organization);
        var a = await first.Set<IssuanceRecord>().SingleAsync(r => r.Id == id);
        var b = await second.Set<IssuanceRecord>().SingleAsync(r => r.Id == id);

        a.SignByOrganization("张组织", "signatures/a.png", IssuanceHarness.Now);
        b.SignByOrganization("王组织", "signatures/b.png", IssuanceHarness.Now);
        await first.SaveChangesAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => second.SaveChangesAsync());
        Assert.Equal(ConcurrencyConflict.Message, refused.Message);
        var record = Chain.Record(id);
        Assert.Equal("张组织", Assert.Single(record.Signatures).SignerName);
        Assert.Equal(2, record.History.Count);
    }

    [Fact]
    public async Task SignAsync_Should_LetExactlyOneSignerSucceed_When_AnotherSignsBetweenLoadAndSave()
    {
        var ids = await _h.GenerateAsync(3);
        var rival = _h.Service(Chain.Organization with { UserName = "rival", DisplayName = "王组织" });
        BatchResult? rivalResult = null;
        var racing = new RacingFactory(Chain.Db.FactoryFor(Chain.Organization), async () =>
            rivalResult = await rival.SignAsync([ids[1]], IssuanceHarness.Signature("王组织"), default));

        var result = await _h.Service(Chain.Organization, racing).SignAsync(ids, IssuanceHarness.Signature("张组织"), default);

        Assert.NotNull(rivalResult);
        Assert.Equal(1, rivalResult.Succeeded);
        Assert.Equal(2, result.Succeeded);
        var failure = Assert.Single(result.Failures);
        Assert.Equal((ids[1], "该记录已被他人处理，请刷新后重试"), (failure.RecordId, failure.Reason));
        Assert.Equal("王组织", Assert.Single(Chain.Record(ids[1]).Signatures).SignerName);
        Assert.Equal("张组织", Assert.Single(Chain.Record(ids[0]).Signatures).SignerName);
        Assert.All(ids, id => Assert.Equal(IssuanceStatus.SitePendingSign, _h.StatusOf(id)));
    }

    [Fact]
    public async Task SignAsync_Should_FailTheWholeBatch_When_TheRetryCollidesAgain()
    {
        var ids = await _h.GenerateAsync(2);
        var rival = _h.Service(Chain.School with { UserName = "rival" });
        await _h.OrgSignsAsync(ids);
        var rounds = 0;
        var racing = new RacingFactory(Chain.Db.FactoryFor(Chain.School), async () =>
        {
            // Before each save of the batch (the first try and the retry) a rival rejects one more of its records.
            rounds++;
            await rival.RejectAsync([ids[rounds - 1]], "他人拒绝", default);
        }, times: 2);

        var result = await _h.Service(Chain.School, racing).RejectAsync(ids, "考生信息有误", default);

        Assert.Equal((0, 2), (result.Succeeded, result.Failed));
        Assert.All(result.Failures, f => Assert.Equal("该记录已被他人处理，请刷新后重试", f.Reason));
        Assert.All(ids, id => Assert.Equal("他人拒绝", Chain.Record(id).RejectReason));
    }

    /// <summary>Runs a rival action right before the service's save, as if another signer had been a moment faster.</summary>
    private sealed class RacingFactory(ICertHubDbFactory inner, Func<Task> rival, int times = 1) : ICertHubDbFactory
    {
        private int _remaining = times;

        public async Task<ICertHubDb> CreateAsync(CancellationToken cancellationToken = default) =>
            new RacingDb(await inner.CreateAsync(cancellationToken), this);

        private async Task BeforeSaveAsync()
        {
            if (_remaining > 0)
            {
                _remaining--;
                await rival();
            }
        }

        private sealed class RacingDb(ICertHubDb db, RacingFactory owner) : ICertHubDb
        {
            public DatabaseFacade Database => db.Database;

            public DbSet<TEntity> Set<TEntity>() where TEntity : class => db.Set<TEntity>();

            public async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
            {
                await owner.BeforeSaveAsync();
                return await db.SaveChangesAsync(cancellationToken);
            }

            public void Dispose() => db.Dispose();

            public ValueTask DisposeAsync() => db.DisposeAsync();
        }
    }
}
